import Foundation
import Testing
import ClearanceTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a pull request writes into the team's files cannot reach the CI log raw, write where it should not, crash
/// the gate, or be read as something else: each attack is run against the built executable on a copy of the sample team.
@Suite("Hostile pull requests: output")
struct OutputHostilePullRequestTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// A workflow command on a line of its own, a command that stops GitHub reading commands, an OSC 8 hyperlink,
    /// a bell and an 8-bit CSI: as YAML's double-quoted escapes, then as decoded.
    static let hostileYAML = #""acme\n::error file=x::pwned\n::stop-commands::token\e]8;;https://evil.example\aclick\e]8;;\a\x9b31m""#
    static let rawControls: [Character] = ["\u{1B}", "\u{07}", "\u{9B}"]

    /// The sample team with the resource of Ana's Jira grant replaced by ``hostileYAML`` and its approver removed,
    /// so that rule AR-01 fails with a message that repeats the resource. (No rule's message repeats a member's name.)
    static func hostileProject() -> SampleProjectCopy {
        let project = SampleProjectCopy()
        let replaced = project.replace("    resource: acme\n    role: write\n    environment: corporate\n    granted: 2026-02-02\n    approved_by: lucia.ramirez",
                                       with: "    resource: \(hostileYAML)\n    role: write\n    environment: corporate\n    granted: 2026-02-02\n    approved_by: null",
                                       in: "Fixtures/team/ana.lopez.yaml")
        #expect(replaced, "the sample's Jira grant changed; update this test")
        return project
    }

    /// The lines of `text` that GitHub's runner would read as a workflow command: those starting with `::` after spaces.
    static func commandLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("::") }
    }

    @Test func valuesCannotStartAWorkflowCommandInTextGitHubOrMarkdown() throws {
        let project = Self.hostileProject()
        let escaped = #"acme\n::error file=x::pwned\n::stop-commands::token\u{1B}]8;;https://evil.example\u{07}click\u{1B}]8;;\u{07}\u{9B}31m"#
        // The whole team: more findings than GitHub shows, so the count of the rest is written too; Ana's file: her grant's annotation.
        for (format, paths) in [("text", []), ("github", []), ("github", ["Fixtures/team/ana.lopez.yaml"]), ("markdown", [])] {
            let result = try project.run(["check", "--format", format] + Self.asOf + paths)
            #expect(result.status == 1, "\(format): \(result.standardError)")
            let commands = Self.commandLines(result.standardOutput)
            if format == "github" {
                // Clearance's own annotations only: one per finding shown (each on a file of the team), the count of the rest, the summary notice.
                #expect(commands.count == result.standardOutput.split(separator: "\n").count)
                #expect(commands.allSatisfy { $0.hasPrefix("::error file=Fixtures/") || $0.hasPrefix("::warning file=Fixtures/")
                    || $0.hasPrefix("::notice file=Fixtures/") || $0.hasPrefix("::notice title=Clearance::")
                    || $0.hasPrefix("::notice title=Clearance%3A ") }, "\(commands)")
                if paths.isEmpty {
                    #expect(commands.contains { $0.hasPrefix("::notice title=Clearance%3A ") })
                } else {
                    #expect(result.standardOutput.contains("grant on acme%0A::error file=x::pwned%0A::stop-commands::token\\u{1B}]8;;"))
                }
            } else {
                #expect(commands.isEmpty, "\(format): \(commands)")
            }
            if format == "text" { #expect(result.standardOutput.contains("ana.lopez's jira write grant on \(escaped) has no valid approval (approved by: not recorded;")) }
            if format == "markdown" { #expect(result.standardOutput.contains("grant on acme ::error file=x::pwned ::stop-commands::token\u{FFFD}\\]8;;")) }
            #expect(!result.standardOutput.contains { Self.rawControls.contains($0) }, "\(format) prints a control character raw")
        }
    }

    @Test func escapeSequencesNeverReachAnyFormatRaw() throws {
        let project = Self.hostileProject()
        for format in ["json", "sarif", "junit", "html"] {
            let result = try project.run(["check", "--format", format] + Self.asOf)
            #expect(result.status == 1, "\(format): \(result.standardError)")
            #expect(result.standardOutput.contains("pwned"), "\(format) lost the finding")
            #expect(!result.standardOutput.contains { Self.rawControls.contains($0) }, "\(format) prints a control character raw")
            #expect(Self.commandLines(result.standardOutput).isEmpty, "\(format): \(Self.commandLines(result.standardOutput))")
        }
        // JSON keeps the value exact, as escapes JSON decoders read back.
        let json = try project.run(["check", "--format", "json"] + Self.asOf).standardOutput
        #expect(json.contains(#"grant on acme\n::error file=x::pwned\n::stop-commands::token\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u009b31m has"#))
        // So does SARIF, whose encoder leaves the C1 control (U+009B) raw until Clearance escapes it.
        let sarif = try project.run(["check", "--format", "sarif"] + Self.asOf).standardOutput
        #expect(sarif.contains(#"\u001b]8;;\u0007\u009b31m"#))
    }

    @Test func fileNameWithANewlineIsEscapedInErrors() throws {
        let project = SampleProjectCopy()
        project.write("Fixtures/team/bad\n::error file=x::pwned\u{1B}[2J.yaml", "kind: TeamMember\nid: [\n")
        let result = try project.run(["check"] + Self.asOf)
        #expect(result.status == 2)
        #expect(Self.commandLines(result.standardError).isEmpty, "\(Self.commandLines(result.standardError))")
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(result.standardError.hasPrefix(#"Fixtures/team/bad\n::error file=x::pwned\u{1B}[2J.yaml:3:1: "#), "\(result.standardError)")
    }

    @Test func valueOfTenMegabytesIsCutInAnError() throws {
        let project = SampleProjectCopy()
        let value = String(repeating: "x", count: 10_485_760)
        #expect(project.replace("status: active", with: "status: \"\(value)\"", in: "Fixtures/team/ana.lopez.yaml"))
        let result = try project.run(["check"] + Self.asOf)
        #expect(result.status == 2)
        let shown = "found '" + String(repeating: "x", count: 200) + "…' (10,485,760 characters)"
        #expect(result.standardError.hasPrefix("Fixtures/team/ana.lopez.yaml:9:9: `status` must be one of candidate, onboarding, active, offboarding, offboarded; \(shown)\n"),
                "\(result.standardError.prefix(400))")
        #expect(result.standardError.utf8.count < 1_000)
    }

    @Test func symlinksInTheReportFolderAreReplacedNeverWrittenThrough() throws {
        let project = SampleProjectCopy()
        project.write("somefile", "do not overwrite\n")
        project.write("clearance-report/keep", "")
        #expect(symlink("../somefile", project.path + "/clearance-report/report.html") == 0)
        #expect(symlink("/dev/null", project.path + "/clearance-report/report.json") == 0)
        let result = try project.run(["check", "--output", "clearance-report", "--format", "html,json"] + Self.asOf)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(project.read("somefile") == "do not overwrite\n")
        for name in ["report.html", "report.json"] {
            var status = stat()
            #expect(lstat(project.path + "/clearance-report/" + name, &status) == 0)
            #expect(status.st_mode & S_IFMT == S_IFREG, "\(name) is not a regular file")
        }
        #expect(project.read("clearance-report/report.html").hasPrefix("<!DOCTYPE html>"))
        #expect(project.read("clearance-report/report.json").contains("\"findings\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path + "/clearance-report").sorted() == ["keep", "report.html", "report.json"])
    }

    @Test func aReportFolderThatIsASymlinkIsNotFollowed() throws {
        let project = SampleProjectCopy()
        let outside = TemporaryDirectory()
        #expect(symlink(outside.path, project.path + "/clearance-report") == 0)
        for arguments in [["audit"], ["check", "--output", "clearance-report/"]] {
            let result = try project.run(arguments + Self.asOf)
            #expect(result.status == 2)
            #expect(result.standardError.hasSuffix("the report folder is a symbolic link; it is not followed\n"), "\(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func failingRunLeavesThePreviousReportSetIntact() throws {
        let project = SampleProjectCopy()
        let run = ["audit", "--output", "out"] + Self.asOf
        #expect(try project.run(run).status == 1)
        let names = ["junit.xml", "report.html", "report.json", "report.sarif", "summary.md"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path + "/out").sorted() == names)
        let before = names.map { project.read("out/" + $0) }
        project.append("  - id: broken\n    title: [\n", to: "Policies/access-reviews.yaml")
        let failed = try project.run(run)
        #expect(failed.status == 2)
        #expect(failed.standardError.contains("Policies/access-reviews.yaml:"), "\(failed.standardError)")
        #expect(names.map { project.read("out/" + $0) } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path + "/out").sorted() == names)
    }

    @Test func emptyOutputIsAnError() throws {
        let project = SampleProjectCopy()
        let result = try project.run(["check", "--output", ""] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --output needs a folder; got an empty path\n"), "\(result.standardError)")
        let format = try project.run(["check", "--format", "json="] + Self.asOf)
        #expect(format.status == 2)
        #expect(format.standardError.hasPrefix("Error: --format json= needs a file path; got an empty one\n"), "\(format.standardError)")
    }

    @Test func hugeJobsIsClampedWithANote() throws {
        let project = SampleProjectCopy()
        let clamped = try project.run(["check", "--jobs", "9223372036854775807"] + Self.asOf)
        let usual = try project.run(["check", "--jobs", "2"] + Self.asOf)
        #expect(clamped.status == 1)
        #expect(clamped.standardError.hasPrefix("note: --jobs 9223372036854775807 is more than "), "\(clamped.standardError)")
        #expect(clamped.standardError.contains(" threads; using "))
        #expect(clamped.standardOutput == usual.standardOutput)
    }

    /// Under a 400 MB address-space limit, a 40 MB state file cannot be loaded: the run ends in exit 2 and says so,
    /// instead of aborting on an allocation failure (exit 134). The sample project alone needs about 260 to 300 MB of address
    /// space (mostly reserved, not resident: threads' stacks and malloc arenas), loading the file eight times its size.
    @Test func allocationFailureUnderUlimitEndsInExitTwo() throws {
        let project = SampleProjectCopy()
        var text = "kind: TeamMember\nid: zz.big\nname: Big\nstatus: active\nnotes:\n"
        let item = "  - " + String(repeating: "a", count: 60) + "\n"
        text.reserveCapacity(40_000_000)
        while text.utf8.count < 40_000_000 { text += item }
        project.write("Fixtures/team/zz.big.yaml", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -v 400000; exec \"$0\" check --jobs 2 --as-of 2026-11-20", CommandRunner.executable.path]
        process.currentDirectoryURL = URL(fileURLWithPath: project.path)
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let said = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 134)
        #expect(process.terminationStatus == 2, "\(said.prefix(500))")
        #expect(said.hasPrefix("Fixtures/team/zz.big.yaml: not enough memory to read and load the file ("), "\(said.prefix(500))")
    }

    @Test func spaceSeparatedTimestampIsATimestamp() throws {
        let project = SampleProjectCopy()
        let usual = try project.run(["check", "--format", "json"] + Self.asOf)
        #expect(project.replace("last_login: 2026-11-18T09:12:00Z", with: "last_login: 2026-11-18 09:12:00Z", in: "Fixtures/team/ana.lopez.yaml"))
        let spaced = try project.run(["check", "--format", "json"] + Self.asOf)
        #expect(spaced.status == usual.status)
        #expect(spaced.standardError == usual.standardError)
        // The findings are the same; only the file's digest differs.
        let findings = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"sha256\"") } }
        #expect(findings(spaced.standardOutput) == findings(usual.standardOutput))
        let query = try project.run(["eval", "doc.identity.last_login", "--input", "Fixtures/team/ana.lopez.yaml"])
        #expect(query.standardOutput == "timestamp(\"2026-11-18T09:12:00Z\")\n", "\(query.standardError)")
    }

    @Test func mergeKeyGivesOneClearError() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("location: {city: Guadalajara, country: MX}", with: "location: &where {city: Guadalajara, country: MX}",
                                in: "Fixtures/team/ana.lopez.yaml"))
        #expect(project.replace("identity:\n", with: "identity:\n  <<: *where\n", in: "Fixtures/team/ana.lopez.yaml"))
        let result = try project.run(["check"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError == """
            Fixtures/team/ana.lopez.yaml:20:3: merge keys (<<) are not supported; write the keys out
              <<: *where
              ^
            1 error; nothing was checked.

            """)
    }
}
