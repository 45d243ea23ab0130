import Foundation
import Testing
import ClearanceTestSupport

/// Every format agrees with the exit code: `::error` annotations, JUnit `<failure>`/`<error>` elements and the
/// Markdown summary's failing rules hold exactly the findings that fail the run at `--fail-on`; the rest are
/// warnings, notices or skipped cases. An `error` finding fails the run at any `--fail-on`, baseline or not.
@Suite("Outputs agree with the exit code")
struct OutputThresholdTests {
    static let sampleTeam = ["check", "--as-of", "2026-11-20"]

    /// A run of the sample team in one format at a threshold.
    static func sample(_ format: String, failOn: String) throws -> CommandRunner.Result {
        try CommandRunner.run(sampleTeam + ["--fail-on", failOn, "--format", format])
    }

    /// How many lines start with a prefix.
    static func lines(_ text: String, startingWith prefix: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.count
    }

    /// How many times a string occurs.
    static func occurrences(_ text: String, of needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The sum of the `findings` column of the Markdown summary's "Failing rules" table.
    static func failingListEntries(_ markdown: String) -> Int {
        guard let table = markdown.components(separatedBy: "### Failing rules\n").dropFirst().first else { return 0 }
        return table.split(separator: "\n").prefix { $0.hasPrefix("|") }.dropFirst(2).compactMap { row in
            Int(row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[3])
        }.reduce(0, +)
    }

    /// The failing findings of the sample team's JSON report at a threshold: every error, and fails at or above it.
    static func failingInJSON(failOn: String) throws -> Int {
        let order = ["info", "low", "medium", "high", "critical"]
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(try sample("json", failOn: failOn).standardOutput.utf8))
        let findings = report["findings"]?.array ?? []
        return findings.filter { finding in
            let status = finding["status"]?.string, severity = finding["severity"]?.string ?? ""
            return status == "error" || (status == "fail" && (order.firstIndex(of: severity) ?? 0) >= (order.firstIndex(of: failOn) ?? 0))
        }.count
    }

    @Test(arguments: [("critical", 17, 65), ("low", 82, 0)])
    func theSampleTeamsOutputsHoldExactlyTheFailingFindings(failOn: String, failing: Int, below: Int) throws {
        #expect(try Self.failingInJSON(failOn: failOn) == failing)

        let github = try Self.sample("github", failOn: failOn)
        #expect(github.status == 1)
        // GitHub shows ten annotations of a kind per step: the most severe ten, then a notice counting the rest.
        #expect(Self.lines(github.standardOutput, startingWith: "::error ") == min(failing, 10))
        #expect(Self.lines(github.standardOutput, startingWith: "::warning ") == min(below, 10))
        #expect(Self.lines(github.standardOutput, startingWith: "::notice ") == 6)  // four pending gate items, the rest counted, the summary
        let left = [(failing - 10, "failing"), (below - 10, "below --fail-on")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        #expect(github.standardOutput.contains("::\(max(0, failing - 10) + max(0, below - 10)) more findings are not annotated (\(left.joined(separator: ", "))): "
                                               + "GitHub shows 10 of each kind per step, the most severe above; `clearance check --format text` lists every finding\n"))
        #expect(github.standardOutput.hasSuffix("; \(failing) failing at or above \(failOn).\n"))

        let junit = try Self.sample("junit", failOn: failOn)
        #expect(junit.status == 1)
        #expect(Self.occurrences(junit.standardOutput, of: "<failure ") + Self.occurrences(junit.standardOutput, of: "<error ") == failing)
        #expect(junit.standardOutput.contains("<testsuites name=\"Clearance\" tests=\"2531\" failures=\"\(failing)\" errors=\"0\">"))
        // 1221 skips, 2 waived, 4 pending, and the fails below the threshold
        #expect(Self.occurrences(junit.standardOutput, of: "<skipped message=\"") == 1227 + below)
        #expect(Self.occurrences(junit.standardOutput, of: "is below --fail-on \(failOn)\"") == below)

        let markdown = try Self.sample("markdown", failOn: failOn)
        #expect(markdown.status == 1)
        #expect(markdown.standardOutput.hasPrefix("## Clearance: \(failing) findings fail at or above \(failOn)\n"))
        #expect(Self.failingListEntries(markdown.standardOutput) == failing)
        #expect(Self.occurrences(markdown.standardOutput, of: " · below --fail-on \(failOn)\n") == below)

        let text = try Self.sample("text", failOn: failOn)
        #expect(text.status == 1)
        #expect(Self.occurrences(text.standardOutput, of: "  (below --fail-on \(failOn))\n") == below)
        #expect(text.standardOutput.hasSuffix("; \(failing) failing at or above \(failOn).\n"))
    }

    /// Past `--sarif-max-results`, standard error says how many results were left out and where every finding is.
    @Test func aSARIFReportPastItsLimitSaysWhatItLeftOut() throws {
        let folder = TemporaryDirectory()
        let result = try CommandRunner.run(Self.sampleTeam + ["--format", "sarif=\(folder.path)/report.sarif,json=\(folder.path)/report.json",
                                                              "--sarif-max-results", "10"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("note: the SARIF report holds the 10 most severe results; 72 more are counted in its run properties; "
                                              + "every finding is in \(folder.path)/report.json\n"))
        let sarif = try String(contentsOfFile: folder.path + "/report.sarif", encoding: .utf8)
        #expect(sarif.components(separatedBy: "\"ruleId\" : ").count - 1 == 10)
        #expect(sarif.contains("\"omitted\" : 72"))
        let within = try CommandRunner.run(Self.sampleTeam + ["--format", "sarif=\(folder.path)/all.sarif"])
        #expect(!within.standardError.contains("note: the SARIF report"))
        let wrong = try CommandRunner.run(Self.sampleTeam + ["--format", "sarif", "--sarif-max-results", "0"])
        #expect(wrong.status == 2)
        #expect(wrong.standardError.hasPrefix("Error: --sarif-max-results must be at least 1; got 0\n"))
    }

    @Test func aFailBelowTheThresholdIsAWarningAndASkippedCase() throws {
        // Their two files: the whole team has more annotations of each kind than GitHub shows.
        let github = try CommandRunner.run(Self.sampleTeam + ["--fail-on", "critical", "--format", "github",
                                                              "Fixtures/team/carlos.ibarra.yaml", "Fixtures/team/daniela.herrera.yaml"])
        #expect(github.standardOutput.contains("""
            ::warning file=Fixtures/team/carlos.ibarra.yaml,line=44,col=16,title=ZT-04 Devices are managed%2C encrypted and protected \
            (high%2C below --fail-on critical)::device BYOD-0007 of carlos.ibarra is not managed, encrypted and running endpoint protection \
            (managed: true, encrypted: false, endpoint protection: false)
            """))
        #expect(github.standardOutput.contains("""
            ::notice file=Fixtures/team/daniela.herrera.yaml,line=30,col=24,title=PC-01 A recent background check passed before credentials \
            (critical%2C pending%3A blocks credentials)::daniela.herrera has no background check that passed before credentials were issued, \
            within 180 days (status: pending, date: not recorded; credentials issued: not yet)
            """))
        let junit = try Self.sample("junit", failOn: "critical")
        #expect(junit.standardOutput.contains("""
                <testcase name="ZT-04 carlos.ibarra devices[1]" classname="zero-trust-baseline.ZT-04">
                  <skipped message="high is below --fail-on critical">Fixtures/team/carlos.ibarra.yaml:44:16: device BYOD-0007 of carlos.ibarra \
            is not managed, encrypted and running endpoint protection (managed: true, encrypted: false, endpoint protection: false)</skipped>
                </testcase>
            """))
    }

    /// A project with one rule of a severity whose `require` reads `member.identity.sso`.
    final class Project: Sendable {
        let directory = TemporaryDirectory()

        init(severity: String) {
            directory.write("policies/demo.yaml", """
                kind: Policy
                id: demo
                title: Demo controls
                target: TeamMember
                rules:
                  - id: D-01
                    title: Identity goes through SSO
                    severity: \(severity)
                    require: member.identity.sso
                    message: "{{member.id}} signs in without SSO"

                """)
        }

        func member(_ id: String, identity: String) {
            directory.write("team/\(id).yaml", "kind: TeamMember\nid: \(id)\nname: Test\nstatus: active\nidentity: \(identity)\n")
        }

        func check(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(["check", "--policies", "policies", "--as-of", "2026-11-20"] + arguments + ["team"],
                                  in: URL(fileURLWithPath: directory.path))
        }
    }

    @Test func aFailBelowTheThresholdExitsZeroAndNoFormatCallsItAFailure() throws {
        let project = Project(severity: "medium")
        project.member("luis", identity: "{sso: false}")
        let github = try project.check(["--fail-on", "high", "--format", "github"])
        #expect(github.status == 0)
        #expect(github.standardOutput == """
            ::warning file=team/luis.yaml,line=5,col=17,title=D-01 Identity goes through SSO (medium%2C below --fail-on high)::luis signs in without SSO
            ::notice title=Clearance::1 document checked against 1 rule: 0 pass, 1 fail, 0 error, 0 waived, 0 skip, 0 pending; nothing failing at or above high.

            """)
        let junit = try project.check(["--fail-on", "high", "--format", "junit"])
        #expect(junit.status == 0)
        #expect(junit.standardOutput == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="Clearance" tests="1" failures="0" errors="0">
              <testsuite name="demo" tests="1" failures="0" errors="0" skipped="1" timestamp="2026-11-20T00:00:00Z">
                <testcase name="D-01 luis" classname="demo.D-01">
                  <skipped message="medium is below --fail-on high">team/luis.yaml:5:17: luis signs in without SSO</skipped>
                </testcase>
              </testsuite>
            </testsuites>

            """)
        let markdown = try project.check(["--fail-on", "high", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.standardOutput.hasPrefix("## Clearance: nothing fails at or above high\n"))
        #expect(markdown.standardOutput.contains("\nNo rule fails.\n"))
        #expect(markdown.standardOutput.contains("<details><summary>luis (TeamMember): 1 below high</summary>"))
        #expect(markdown.standardOutput.contains("- ✗ **D-01** (medium) luis signs in without SSO — team/luis.yaml:5:17 · below --fail-on high"))
    }

    @Test(arguments: ["critical", "high", "low", "info"])
    func anErrorFindingFailsTheRunAtAnyThreshold(failOn: String) throws {
        let project = Project(severity: "info")
        project.member("eva", identity: "null")
        let text = try project.check(["--fail-on", failOn])
        #expect(text.status == 1)
        #expect(text.standardOutput.hasSuffix("1 document checked against 1 rule: 0 pass, 0 fail, 1 error, 0 waived, 0 skip, 0 pending; "
                                              + "1 failing at or above \(failOn).\n"))
        let github = try project.check(["--fail-on", failOn, "--format", "github"])
        #expect(github.status == 1)
        #expect(Self.lines(github.standardOutput, startingWith: "::error file=team/eva.yaml,") == 1)
        let junit = try project.check(["--fail-on", failOn, "--format", "junit"])
        #expect(junit.status == 1)
        #expect(junit.standardOutput.contains("<testsuites name=\"Clearance\" tests=\"1\" failures=\"0\" errors=\"1\">"))
        let markdown = try project.check(["--fail-on", failOn, "--format", "markdown"])
        #expect(markdown.status == 1)
        #expect(markdown.standardOutput.hasPrefix("## Clearance: 1 finding fails at or above \(failOn)\n"))
        #expect(Self.failingListEntries(markdown.standardOutput) == 1)
    }

    @Test func aBaselineNeverAcceptsAnErrorFinding() throws {
        let project = Project(severity: "info")
        project.member("eva", identity: "null")
        project.member("luis", identity: "{sso: false}")
        #expect(try project.check(["--write-baseline", "baseline.json"]).status == 1)
        let baseline = try String(contentsOfFile: project.directory.path + "/baseline.json", encoding: .utf8)
        #expect(baseline.contains("\"subject\" : \"luis\""))
        #expect(!baseline.contains("\"subject\" : \"eva\""))
        let result = try project.check(["--baseline", "baseline.json"])
        #expect(result.status == 1)
        #expect(result.standardOutput.hasSuffix("2 documents checked against 1 rule: 0 pass, 1 fail, 1 error, 0 waived, 0 skip, 0 pending; "
                                                + "1 failing at or above low (1 accepted by the baseline, 0 resolved).\n"))
    }
}
