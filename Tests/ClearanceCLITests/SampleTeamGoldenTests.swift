import Foundation
import Testing
import ClearanceTestSupport

/// The sample team's reports, run as a user runs them (from the package root, as of 2026-11-20),
/// compared with golden files whose every finding was reviewed.
@Suite("Sample team reports")
struct SampleTeamGoldenTests {
    static let asOf = ["--as-of", "2026-11-20"]

    @Test func jsonReport() throws {
        let result = try CommandRunner.run(["check", "--format", "json"] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.standardError == "")
        Golden.expect(result.standardOutput, matches: "sample-team.json")
    }

    @Test func htmlReport() throws {
        let result = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "html"])
        #expect(result.status == 1)
        #expect(result.standardError == "")
        Golden.expect(result.standardOutput, matches: "sample-team.html")
    }

    /// The HTML report alone has the run count each person's passes and skips instead of keeping them as findings; with
    /// `--include-passing` every finding is kept. The checklists, marks and counts are the same either way.
    @Test func htmlReportIsTheSameWhenEveryFindingIsKept() throws {
        let marked = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "html"])
        let kept = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "html", "--include-passing"])
        #expect(kept.status == 1)
        func withoutCommandLine(_ page: String) -> [Substring] { page.split(separator: "\n").filter { !$0.contains("<dt>Command line</dt>") } }
        #expect(withoutCommandLine(marked.standardOutput) == withoutCommandLine(kept.standardOutput))
        #expect(marked.standardOutput.contains("<li class=\"tone-pass\"><span class=\"mark\" aria-hidden=\"true\">✓</span>"))
    }

    @Test func textReport() throws {
        let result = try CommandRunner.run(["check"] + Self.asOf)
        #expect(result.status == 1)
        Golden.expect(result.standardOutput, matches: "sample-team.txt")
    }

    /// SARIF, JUnit, GitHub annotations and the Markdown summary, each to standard output.
    @Test(arguments: [("sarif", "sample-team.sarif"), ("junit", "sample-team.junit.xml"), ("github", "sample-team.github.txt"),
                      ("markdown", "sample-team.md")])
    func report(format: String, golden: String) throws {
        let result = try CommandRunner.run(["check", "--format", format] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.standardError == "")
        Golden.expect(result.standardOutput, matches: golden)
    }
}
