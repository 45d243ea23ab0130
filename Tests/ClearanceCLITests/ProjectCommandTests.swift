import Foundation
import Testing
import ClearanceTestSupport

/// `audit`, `checklist`, `explain`, `lint` and `test` on the shipped policies and sample team.
@Suite("Project commands")
struct ProjectCommandTests {
    static let asOf = ["--as-of", "2026-11-20"]

    @Test func checklistOfABlockedCandidate() throws {
        let result = try CommandRunner.run(["checklist", "daniela.herrera"] + Self.asOf)
        #expect(result.status == 1)
        Golden.expect(result.standardOutput, matches: "checklist-daniela.herrera.txt")
    }

    @Test func checklistOfAClearedEngineerWithAWaiver() throws {
        let result = try CommandRunner.run(["checklist", "ana.lopez"] + Self.asOf)
        #expect(result.status == 0)
        Golden.expect(result.standardOutput, matches: "checklist-ana.lopez.txt")
    }

    @Test func checklistOfAnUnknownPersonSuggestsTheClosest() throws {
        let result = try CommandRunner.run(["checklist", "ana.lopes"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError == "no TeamMember with id 'ana.lopes' (did you mean 'ana.lopez'?)\n")
    }

    @Test func explainRendersTheRuleFromItsData() throws {
        let result = try CommandRunner.run(["explain", "ZT-04"])
        #expect(result.status == 0)
        Golden.expect(result.standardOutput, matches: "explain-ZT-04.txt")
    }

    @Test func explainAnUnknownRule() throws {
        let result = try CommandRunner.run(["explain", "ZT04"])
        #expect(result.status == 2)
        #expect(result.standardError == "no rule 'ZT04' in the loaded policies (did you mean 'ZT-04'?)\n")
    }

    @Test func lintTheShippedPolicies() throws {
        let result = try CommandRunner.run(["lint", "--strict", "--as-of", "2026-11-20"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "17 policies, 83 rules, 3 waivers: no problems found.\n")
    }

    @Test func lintWarnsAboutWaiversForEveryoneOrForYearsAndStrictFails() throws {
        let directory = TemporaryDirectory()
        directory.write("waivers.yaml", """
            kind: Waiver
            id: W-1
            rule: ZT-03
            subject: "*"
            justification: Keys for everyone are late
            approved_by: marta.ruiz
            expires: 2028-06-30

            """)
        let arguments = ["lint", "--policies", CommandRunner.packageRoot.path + "/Policies", "--waivers", "waivers.yaml", "--as-of", "2026-11-20"]
        let relaxed = try CommandRunner.run(arguments, in: URL(fileURLWithPath: directory.path))
        #expect(relaxed.status == 0)
        #expect(relaxed.standardOutput == """
            waivers.yaml:4:10: warning: waiver W-1 covers every subject of ZT-03 (`subject: *`): name the subjects it accepts instead
            subject: "*"
                     ^
            waivers.yaml:7:10: warning: waiver W-1 expires 2028-06-30, more than a year after 2026-11-20: accept the risk for a year at most and review it again
            expires: 2028-06-30
                     ^
            17 policies, 83 rules, 1 waiver: 2 warnings.

            """)
        let strict = try CommandRunner.run(arguments + ["--strict"], in: URL(fileURLWithPath: directory.path))
        #expect(strict.status == 1)
        #expect(strict.standardOutput == relaxed.standardOutput)
    }

    @Test func everyPolicyTestPasses() throws {
        let result = try CommandRunner.run(["test"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.hasSuffix("policy tests: 139 passed, 0 failed\n"))
    }

    @Test func auditWritesTheReportAndExitsOne() throws {
        let folder = TemporaryDirectory()
        let result = try CommandRunner.run(["audit", "--output", folder.path] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.standardError == "audit report written to \(folder.path)/: report.html, report.json, report.sarif, junit.xml, summary.md\n")
        #expect(result.standardOutput.hasSuffix("180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; 82 failing at or above low.\n"))
        for file in ["report.html", "report.json", "report.sarif", "junit.xml", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/" + file), "\(file)")
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let command = "\(CommandRunner.executable.path) checklist ana.lopez --as-of 2026-11-20"
        let onTerminal = try CommandRunner.runInTerminal(command, environment: [:])
        #expect(onTerminal.contains("\u{1B}[32m✓\u{1B}[0m"))
        let withNoColor = try CommandRunner.runInTerminal(command, environment: ["NO_COLOR": "1"])
        #expect(!withNoColor.contains("\u{1B}["))
        #expect(withNoColor.contains("✓ PC-01"))
        let piped = try CommandRunner.run(["checklist", "ana.lopez"] + Self.asOf, environment: ["NO_COLOR": ""])
        #expect(!piped.standardOutput.contains("\u{1B}["))
    }

    @Test func progressOnlyOnATerminal() throws {
        let onTerminal = try CommandRunner.runInTerminal("\(CommandRunner.executable.path) check --as-of 2026-11-20 --jobs 1", environment: [:])
        #expect(onTerminal.contains("reading 34 of 34 files"))
        #expect(onTerminal.contains("evaluating 180 of 180 documents"))
        let piped = try CommandRunner.run(["check", "--as-of", "2026-11-20"])
        #expect(!piped.standardError.contains("reading"))
    }
}
