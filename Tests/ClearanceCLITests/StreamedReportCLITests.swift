import Foundation
import Testing
import ClearanceTestSupport

/// `check --format json` (or `sarif`) alone keeps its findings only while they are few (10,000 here); past that it counts
/// them, then makes them again batch by batch as it writes them. Either way its report, note and exit status are those of
/// a run that keeps every finding (any other set of formats does).
@Suite("Streamed JSON and SARIF reports")
struct StreamedReportCLITests {
    /// The JSON report written alone to standard output (streamed) and beside the text report (kept), the command lines
    /// left out, with both exit statuses.
    func reports(_ arguments: [String], in folder: TemporaryDirectory) throws -> (streamed: String, kept: String, statuses: (Int32, Int32)) {
        let streamed = try CommandRunner.run(["check"] + arguments + ["--format", "json"])
        let kept = try CommandRunner.run(["check"] + arguments + ["--format", "json=\(folder.path)/kept.json,text=\(folder.path)/kept.txt"])
        let keptJSON = try String(contentsOfFile: "\(folder.path)/kept.json", encoding: .utf8)
        func withoutCommandLine(_ json: String) -> String {
            json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"commandLine\"") }.joined(separator: "\n")
        }
        return (withoutCommandLine(streamed.standardOutput), withoutCommandLine(keptJSON), (streamed.status, kept.status))
    }

    /// The sample's files (its vendors' exports are context here: a run whose subjects include a source's documents keeps
    /// its findings).
    static let sampleFiles = ["Fixtures/team", "Fixtures/vendors.yaml", "Fixtures/access", "Fixtures/waivers.yaml", "Fixtures/systems.yaml",
                              "Fixtures/repositories.yaml", "Fixtures/ai-workflows.yaml"]

    @Test(arguments: [[], ["--fail-on", "critical"], ["--include-passing"]])
    func theSampleTeamsReportIsTheSameStreamed(options: [String]) throws {
        let folder = TemporaryDirectory()
        let (streamed, kept, statuses) = try reports(Self.sampleFiles + ["--as-of", "2026-11-20"] + options, in: folder)
        #expect(statuses.0 == statuses.1 && statuses.0 != 2)
        #expect(streamed == kept)
        // Findings of several kinds of subject, and an expired waiver's, which no rule of the packs gives.
        #expect(streamed.components(separatedBy: "\"fingerprint\": ").count > 40)
        #expect(streamed.contains("\"rule\": \"waiver-expired\""))
    }

    /// 800 people of whom most fail several rules: past 10,000 findings, which the run does not keep.
    static func heavyTeam(in folder: TemporaryDirectory) throws -> String {
        let generated = try CommandRunner.run(["generate", "--members", "800", "--seed", "7", "--violations", "heavy", folder.path + "/org"],
                                              executable: CommandRunner.benchExecutable)
        #expect(generated.status == 0, "\(generated.standardError)")
        return folder.path + "/org"
    }

    @Test func aTeamWhereMostFailIsTheSameStreamed() throws {
        let folder = TemporaryDirectory()
        let (streamed, kept, statuses) = try reports([try Self.heavyTeam(in: folder), "--as-of", "2026-11-20", "--jobs", "2"], in: folder)
        #expect(statuses.0 == 1 && statuses.1 == 1)
        #expect(streamed == kept)
        #expect(streamed.components(separatedBy: "\"fingerprint\": ").count > 10_001)
    }

    @Test func aSARIFReportPastItsLimitIsTheSameStreamed() throws {
        let folder = TemporaryDirectory()
        let options = [try Self.heavyTeam(in: folder), "--as-of", "2026-11-20", "--sarif-max-results", "40"]
        let streamed = try CommandRunner.run(["check"] + options + ["--format", "sarif"])
        let kept = try CommandRunner.run(["check"] + options + ["--format", "sarif=\(folder.path)/kept.sarif,text=\(folder.path)/kept.txt"])
        #expect(streamed.status == 1 && kept.status == 1)
        // The note says how many results are left out; the kept run names its text report as the full one.
        #expect(streamed.standardError.contains("note: the SARIF report holds the 40 most severe results; "))
        #expect(streamed.standardError.components(separatedBy: " more are counted").first
                == kept.standardError.components(separatedBy: " more are counted").first)
        // The logs but for the command line they record.
        func withoutInvocation(_ text: String) throws -> NSDictionary {
            var log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            var runs = try #require(log["runs"] as? [[String: Any]])
            runs[0]["invocations"] = nil
            var properties = runs[0]["properties"] as? [String: Any]
            var results = properties?["clearanceResults"] as? [String: Any]
            results?["fullReport"] = nil
            properties?["clearanceResults"] = results
            runs[0]["properties"] = properties
            log["runs"] = runs
            return log as NSDictionary
        }
        let keptLog = try String(contentsOfFile: "\(folder.path)/kept.sarif", encoding: .utf8)
        #expect(try withoutInvocation(streamed.standardOutput) == withoutInvocation(keptLog))
        #expect(streamed.standardOutput.components(separatedBy: "\"ruleId\"").count == 41)
    }
}
