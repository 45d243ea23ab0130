import Foundation
import ClearanceTestSupport
import Testing

/// `clearance history diff`, `clearance history trend` and the audit report's history section over the recorded sample
/// sequence (``HistorySequence``: a member leaves, is revoked two days after exit, findings are fixed, a new one appears):
/// the exact rows a user sees, and reading the history without writing it.
@Suite("Recorded sample sequence: diff, trend and the report since the last run")
struct HistorySequenceTests {
    /// The four runs, recorded once for the tests that only read the history.
    static let recorded: Result<HistorySequence, any Error> = Result {
        let sequence = HistorySequence()
        try sequence.record()
        return sequence
    }

    /// The recorded sequence.
    static func sequence() throws -> HistorySequence { try recorded.get() }

    /// The JSON document a command prints.
    static func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], "\(result.standardError)")
    }

    /// A finding of a JSON diff as one line: rule, subject, element, status, severity, where (and `now`).
    static func row(_ finding: [String: Any]) -> String {
        let element = (finding["element"] as? String).map { " " + $0 } ?? ""
        let now = (finding["now"] as? String).map { " now " + $0 } ?? ""
        let previous = (finding["previousStatus"] as? String).map { " was \($0) \(finding["previousSeverity"] as? String ?? "")" } ?? ""
        return "\(finding["rule"] as? String ?? "") \(finding["subject"] as? String ?? "")\(element) \(finding["status"] as? String ?? "") "
            + "\(finding["severity"] as? String ?? "") \(finding["file"] as? String ?? ""):\(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0)\(now)\(previous)"
    }

    @Test("each run is recorded, writing only what changed")
    func recordsEachRun() throws {
        let results = try Self.sequence().results
        #expect(results.map(\.status) == [1, 1, 1, 1])
        #expect(results.map { $0.standardError.split(separator: "\n").last.map(String.init) ?? "" } == [
            "recorded run 1 in .clearance/history.sqlite: 88 outcome changes, 81 account changes",
            "recorded run 2 in .clearance/history.sqlite: 14 outcome changes, 0 account changes",
            "recorded run 3 in .clearance/history.sqlite: 5 outcome changes, 1 account change",
            "recorded run 4 in .clearance/history.sqlite: 6 outcome changes, 1 account change",
        ])
    }

    @Test("the member leaves: eleven new findings about the leaver, three of theirs resolved as skipped (JSON)")
    func leaverDiff() throws {
        let diff = try Self.json(try Self.sequence().project.run(["history", "diff", "1", "2", "--format", "json"]))
        #expect((diff["from"] as? [String: Any])?["id"] as? Int == 1)
        #expect((diff["from"] as? [String: Any])?["asOf"] as? String == HistorySequence.asOf[0])
        #expect((diff["to"] as? [String: Any])?["asOf"] as? String == HistorySequence.asOf[1])
        #expect(diff["summary"] as? [String: Int] == ["new": 11, "resolved": 3, "changed": 0])
        #expect(try #require(diff["new"] as? [[String: Any]]).map(Self.row) == [
            "AM-04 aws-production grants[2] fail critical Fixtures/access/aws-production.yaml:14:14",
            "AM-04 github-acme grants[3] fail critical Fixtures/access/github-acme.yaml:15:14",
            "OFF-01 jorge.castillo fail critical Fixtures/team/jorge.castillo.yaml:86:3",
            "OFF-02 jorge.castillo access[0] fail critical Fixtures/team/jorge.castillo.yaml:52:14",
            "OFF-02 jorge.castillo access[1] fail critical Fixtures/team/jorge.castillo.yaml:64:14",
            "OFF-02 jorge.castillo access[2] fail critical Fixtures/team/jorge.castillo.yaml:76:14",
            "OFF-04 jorge.castillo access[0] fail high Fixtures/team/jorge.castillo.yaml:52:14",
            "OFF-04 jorge.castillo access[1] fail high Fixtures/team/jorge.castillo.yaml:64:14",
            "OFF-04 jorge.castillo access[2] fail high Fixtures/team/jorge.castillo.yaml:76:14",
            "SC-05 acme/infrastructure fail medium Fixtures/repositories.yaml:41:8",
            "SC-06 acme/infrastructure access[0] fail high Fixtures/repositories.yaml:51:14",
        ])
        #expect(try #require(diff["resolved"] as? [[String: Any]]).map(Self.row) == [
            "ZT-02 jorge.castillo fail high Fixtures/team/jorge.castillo.yaml:23:8 now skip",
            "ZT-03 jorge.castillo fail high Fixtures/team/jorge.castillo.yaml:23:8 now skip",
            "ZT-07 jorge.castillo access[0] fail critical Fixtures/team/jorge.castillo.yaml:50:14 now skip",
        ])
        let first = try #require((diff["new"] as? [[String: Any]])?.first { $0["rule"] as? String == "OFF-01" })
        #expect(first["message"] as? String
                == "jorge.castillo still has access 37 h after exit; due by 2026-11-21T23:00:00Z (window: 24h after exit)")
        #expect(first["policy"] as? String == "offboarding")
        #expect(first["kind"] as? String == "TeamMember")
        #expect((first["fingerprint"] as? String)?.count == 32)
    }

    @Test("access revoked two days after exit: the manifests' grants and the AWS account go, GitHub still lists the login (text)")
    func revocationDiff() throws {
        let result = try Self.sequence().project.run(["history", "diff", "2", "3"])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            run 2 (as of 2026-11-22T12:00:00Z) to run 3 (as of 2026-11-23T12:00:00Z): 1 new, 4 resolved, 0 changed in .clearance/history.sqlite
            NEW (1)
              OBS-06  github:acme:44718093  fail  high  Fixtures/exports/github-members.json:123:14  github:acme:44718093 is active but jorge.castillo declares no unrevoked github grant
            RESOLVED (4)
              AM-04  aws-production grants[2]  fail -> gone  critical  Fixtures/access/aws-production.yaml:14:14  aws-production still grants acme-prod to jorge.castillo, who has left
              AM-04  github-acme grants[3]  fail -> gone  critical  Fixtures/access/github-acme.yaml:15:14  github-acme still grants acme/infrastructure to jorge.castillo, who has left
              AM-05  github-acme grants[3]  fail -> gone  high  Fixtures/access/github-acme.yaml:15:5  github-acme's production grant of acme/infrastructure to jorge.castillo needs a ticket and an expiry within the next 90 days (ticket: SEC-1322; expires: not recorded)
              OBS-05  aws:111122223333:jorge.castillo  fail -> gone  medium  Fixtures/exports/aws-prod-credential-report.csv:7:93  aws:111122223333:jorge.castillo was last seen 2026-05-28T19:02:00Z, 175 days ago; limit 90 days
            CHANGED (0)

            """)
    }

    @Test("fixed, new and waived: the last two runs by default, and run 3 against the latest (text and Markdown)")
    func lastStepDiff() throws {
        let project = try Self.sequence().project
        let expected = """
            run 3 (as of 2026-11-23T12:00:00Z) to run 4 (as of 2026-11-24T12:00:00Z): 2 new, 3 resolved, 1 changed in .clearance/history.sqlite
            NEW (2)
              PC-04  ana.lopez  fail  high  Fixtures/team/ana.lopez.yaml:30:3  ana.lopez has no managed, encrypted device with endpoint protection
              ZT-04  ana.lopez devices[0]  fail  high  Fixtures/team/ana.lopez.yaml:33:16  device LAP-0192 of ana.lopez is not managed, encrypted and running endpoint protection (managed: true, encrypted: false, endpoint protection: true)
            RESOLVED (3)
              OBS-06  github:acme:44718093  fail -> gone  high  Fixtures/exports/github-members.json:123:14  github:acme:44718093 is active but jorge.castillo declares no unrevoked github grant
              SC-05  acme/infrastructure  fail -> pass  medium  Fixtures/repositories.yaml:41:8  repository acme/infrastructure has no active owner: jorge.castillo is offboarding
              SC-06  acme/infrastructure access[0]  fail -> gone  high  Fixtures/repositories.yaml:51:14  acme/infrastructure gives admin to jorge.castillo, who is past their exit or has none recorded
            CHANGED (1)
              ZT-03  gabriela.rios  fail -> waived  high  Fixtures/team/gabriela.rios.yaml:20:8  gabriela.rios holds production or privileged access but weaker MFA methods remain enrolled beside the phishing-resistant ones: ["totp"] (phishing-resistant: ["webauthn"])

            """
        let latest = try project.run(["history", "diff"])
        #expect(latest.status == 0)
        #expect(latest.standardOutput == expected)
        #expect(try project.run(["history", "diff", "3"]).standardOutput == expected)
        let markdown = try project.run(["history", "diff", "3", "--format", "markdown"])
        let lines = markdown.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(9)) == [
            "## Changes from run 3 to run 4", "",
            "run 3 (as of 2026-11-23T12:00:00Z) to run 4 (as of 2026-11-24T12:00:00Z): 2 new, 3 resolved, 1 changed in .clearance/history.sqlite.", "",
            "### New (2)", "",
            "| Rule | Subject | Element | Status | Severity | Where | Message |", "| --- | --- | --- | --- | --- | --- | --- |",
            "| PC-04 | ana.lopez |  | fail | high | Fixtures/team/ana.lopez.yaml:30:3 | ana.lopez has no managed, encrypted device with endpoint protection |",
        ])
        #expect(lines.contains("| SC-06 | acme/infrastructure | access\\[0\\] | fail -&gt; gone | high | Fixtures/repositories.yaml:51:14 | "
                               + "acme/infrastructure gives admin to jorge.castillo, who is past their exit or has none recorded |"))
        #expect(lines.contains("### Changed (1)"))
    }

    @Test("trend: failing counts by severity after each run, and time to remediate with nearest-rank median and P90")
    func trend() throws {
        let project = try Self.sequence().project
        let text = try project.run(["history", "trend"])
        #expect(text.status == 0)
        let lines = text.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(15)) == [
            "failing findings (fail or error) by severity after each run in .clearance/history.sqlite (the last 4 of 4 runs)",
            "SEVERITY  run 1       run 2       run 3       run 4",
            "as of     2026-11-20  2026-11-22  2026-11-23  2026-11-24",
            "critical  17          22          20          20",
            "high      43          45          45          44",
            "medium    21          22          21          20",
            "low       1           1           1           1",
            "total     82          90          87          85",
            "",
            "time to remediate by severity (from the first failing run to the first run no longer needing attention; median and P90 by nearest rank; "
                + "OPEN: still needing attention after run 4, aged at its evaluation time)",
            "SEVERITY  REMEDIATED  MEDIAN  P90     OPEN  OLDEST OPEN",
            "critical  3           1d      2d 12h  20    4d 12h",
            "high      5           2d 12h  3d 12h  45    4d 12h",
            "medium    2           2d      3d 12h  20    4d 12h",
            "low       0           -       -       1     4d 12h",
        ])
        #expect(lines.contains { $0.hasPrefix("SC-05           acme/infrastructure ") && $0.hasSuffix("medium    run 2 (2026-11-22)  run 4 (2026-11-24) pass  2d") })

        let json = try Self.json(try project.run(["history", "trend", "--format", "json", "--by", "rule", "--last", "2"]))
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [3, 4])
        #expect(runs.map { $0["total"] as? Int } == [87, 85])
        #expect(runs.map { ($0["failing"] as? [String: Int])?["OFF-02"] } == [6, 6])  // the leaver's three grants, camila.reyes's one and tomas.vega's two
        #expect(runs.map { ($0["failing"] as? [String: Int])?["SC-06"] } == [2, 1])
        let remediation = try #require(json["timeToRemediate"] as? [String: Any])
        #expect(remediation["percentileMethod"] as? String == "nearest-rank")
        let figures = try #require(remediation["bySeverity"] as? [[String: Any]])
        #expect(figures.map { "\($0["severity"] as? String ?? "") \($0["remediated"] as? Int ?? -1) \($0["medianSeconds"] as? Int ?? -1) "
                              + "\($0["p90Seconds"] as? Int ?? -1) \($0["open"] as? Int ?? -1) \($0["oldestOpenSeconds"] as? Int ?? -1)" } == [
            "critical 3 86400 216000 20 388800", "high 5 216000 302400 45 388800", "medium 2 172800 302400 20 388800", "low 0 -1 -1 1 388800",
        ])
        let periods = try #require(remediation["findings"] as? [[String: Any]])
        // Every period that ended or began during the sequence, and the waived one (still open: a waived finding needs attention).
        let leaver = periods.filter { period in
            period["openedRun"] as? Int != 1 || period["open"] as? Bool == false
                || (period["rule"] as? String == "ZT-03" && period["subject"] as? String == "gabriela.rios")
        }.map { period in
            "\(period["rule"] as? String ?? "") \(period["subject"] as? String ?? "")\((period["element"] as? String).map { " " + $0 } ?? "") "
                + "\(period["openedRun"] as? Int ?? 0)-\((period["closedRun"] as? Int).map(String.init) ?? "open") \(period["status"] as? String ?? "") "
                + "\(period["seconds"] as? Int ?? -1)"
        }
        #expect(leaver == [
            "ZT-02 jorge.castillo 1-2 skip 216000", "ZT-03 jorge.castillo 1-2 skip 216000", "ZT-07 jorge.castillo access[0] 1-2 skip 216000",
            "AM-04 aws-production grants[2] 2-3 gone 86400", "AM-04 github-acme grants[3] 2-3 gone 86400", "AM-05 github-acme grants[3] 1-3 gone 302400",
            "OBS-05 aws:111122223333:jorge.castillo 1-3 gone 302400",
            "OBS-06 github:acme:44718093 3-4 gone 86400", "SC-05 acme/infrastructure 2-4 pass 172800", "SC-06 acme/infrastructure access[0] 2-4 gone 172800",
            "ZT-03 gabriela.rios 1-open waived 388800",
            "OFF-01 jorge.castillo 2-open fail 172800", "OFF-02 jorge.castillo access[0] 2-open fail 172800", "OFF-02 jorge.castillo access[1] 2-open fail 172800",
            "OFF-02 jorge.castillo access[2] 2-open fail 172800", "OFF-04 jorge.castillo access[0] 2-open fail 172800",
            "OFF-04 jorge.castillo access[1] 2-open fail 172800", "OFF-04 jorge.castillo access[2] 2-open fail 172800",
            "PC-04 ana.lopez 4-open fail 0", "ZT-04 ana.lopez devices[0] 4-open fail 0",
        ])
    }

    @Test("the report since the last run: new and resolved findings and the trend; an audit without --record reads the history, never writes it")
    func reportSection() throws {
        let sequence = try Self.sequence()
        let project = sequence.project
        let html = project.read("clearance-report/report.html")
        let section = try #require(html.range(of: "<section id=\"history\">").flatMap { start in
            html.range(of: "</section>", range: start.upperBound..<html.endIndex).map { String(html[start.lowerBound..<$0.upperBound]) }
        })
        #expect(html.contains("<a href=\"#history\">Since the last run</a>"))
        #expect(section.contains("Compared with run 3 (as of 2026-11-23T12:00:00Z), the latest run recorded in .clearance/history.sqlite before this one: 2 new, 3 resolved."))
        #expect(section.contains("aria-label=\"Failing findings: run 1 82, run 2 90, run 3 87, this run 85\""))
        #expect(section.contains("<tr><td>this run</td><td><code>2026-11-24T12:00:00Z</code></td><td class=\"num\">85</td></tr>"))
        #expect(section.contains("<tr><td><code>ZT-04</code></td><td><code>ana.lopez</code> <span class=\"muted\">devices[0]</span></td><td>fail</td><td>high</td>"
                                 + "<td><code>Fixtures/team/ana.lopez.yaml:33:16</code></td>"))
        #expect(section.contains("<tr><td><code>SC-05</code></td><td><code>acme/infrastructure</code></td><td>fail (medium)</td><td>pass</td>"))
        #expect(section.components(separatedBy: "<tr><td><code>").count - 1 == 5)

        // An audit without --record compares with the latest run (4) and leaves the history as it was.
        let history = project.path + "/.clearance/history.sqlite"
        let before = try Data(contentsOf: URL(fileURLWithPath: history))
        let audit = try project.run(["audit", "--as-of", HistorySequence.asOf[3]])
        #expect(audit.status == 1)
        #expect(!audit.standardError.contains("recorded"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: history)) == before)
        #expect(try project.run(["history", "--format", "json"]).standardOutput.contains("\"id\": 5") == false)
        let again = project.read("clearance-report/report.html")
        #expect(again.contains("Compared with run 4 (as of 2026-11-24T12:00:00Z), the latest run recorded in .clearance/history.sqlite before this one: 0 new, 0 resolved."))
        #expect(again.contains("No finding needs attention that did not after the last run."))
        #expect(again.contains("aria-label=\"Failing findings: run 1 82, run 2 90, run 3 87, run 4 85, this run 85\""))
    }

    @Test("with no history, or no run in it, the report has no history section and no history file is made")
    func noHistory() throws {
        let project = SampleProjectCopy()
        let audit = try project.run(["audit", "--as-of", HistorySequence.asOf[0]])
        #expect(audit.status == 1)
        #expect(!FileManager.default.fileExists(atPath: project.path + "/.clearance"))
        let html = project.read("clearance-report/report.html")
        #expect(!html.contains("id=\"history\""))
        #expect(!html.contains("Since the last run"))
        let first = HistorySequence()
        try first.record(through: 1)
        #expect(!first.project.read("clearance-report/report.html").contains("id=\"history\""))
    }

    @Test("fewer than two runs is nothing to compare (exit 0); an unknown run or a bad argument is exit 2; reading makes no file")
    func refusals() throws {
        let project = SampleProjectCopy()
        let empty = try project.run(["history", "diff"])
        #expect(empty.status == 0)
        #expect(empty.standardOutput == "0 runs recorded in .clearance/history.sqlite: nothing to compare (diff needs two)\n")
        let emptyJSON = try Self.json(try project.run(["history", "diff", "--format", "json"]))
        #expect(emptyJSON["from"] is NSNull && emptyJSON["to"] is NSNull)
        #expect(emptyJSON["runsRecorded"] as? Int == 0)
        let trend = try project.run(["history", "trend"])
        #expect(trend.status == 0)
        #expect(trend.standardOutput == "no runs recorded in .clearance/history.sqlite\n")
        #expect(!FileManager.default.fileExists(atPath: project.path + "/.clearance"))

        #expect(try project.run(["audit", "--record", "--as-of", HistorySequence.asOf[0]]).status == 1)
        let one = try project.run(["history", "diff"])
        #expect(one.status == 0)
        #expect(one.standardOutput == "1 run recorded in .clearance/history.sqlite: nothing to compare (diff needs two)\n")
        let unknown = try project.run(["history", "diff", "1", "9"])
        #expect(unknown.status == 2)
        #expect(unknown.standardOutput.isEmpty)
        #expect(unknown.standardError.contains(".clearance/history.sqlite: no run 9 in the history (1 run recorded; `clearance history` lists them)"),
                "\(unknown.standardError)")
        let word = try project.run(["history", "diff", "latest"])
        #expect(word.status == 2)
        #expect(word.standardError.contains("a run is a number as `clearance history` lists it; got 'latest'"), "\(word.standardError)")
        #expect(try project.run(["history", "diff", "1", "1", "1"]).standardError.contains("diff compares two runs; got 3"))
        #expect(try project.run(["history", "diff", "--format", "html"]).status == 2)
        let by = try project.run(["history", "trend", "--by", "rules"])
        #expect(by.status == 2)
        #expect(by.standardError.contains("--by must be rule, policy, control or severity; got 'rules'"))

        // A history that is not a Clearance history: diff, trend and the audit's report each end in exit 2, the file untouched.
        let foreign = SampleProjectCopy()
        foreign.write(".clearance/history.sqlite", "not a database, some notes\n")
        for arguments in [["history", "diff"], ["history", "trend"], ["audit", "--as-of", HistorySequence.asOf[0]]] {
            let result = try foreign.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(".clearance/history.sqlite: not a Clearance history"), "\(arguments): \(result.standardError)")
        }
        #expect(foreign.read(".clearance/history.sqlite") == "not a database, some notes\n")
    }

    @Test("trend by control counts each finding under every control its rule evidences, read from the packs loaded now")
    func trendByControl() throws {
        let project = try Self.sequence().project
        let json = try Self.json(try project.run(["history", "trend", "--by", "control", "--format", "json", "--last", "1"]))
        let failing = try #require((json["runs"] as? [[String: Any]])?.first?["failing"] as? [String: Int])
        // The rules evidencing NIST800-53:PS-4 that fail after run 4: AM-04 (1), OBS-02 (6), OBS-07 (1), OFF-01 (2), OFF-02 (6),
        // OFF-05 (1) and SC-06 (1); the built-in waiver-expired names no control.
        #expect(failing["NIST800-53:PS-4"] == 18)
        #expect(failing["-"] == 1)
        let byRule = try Self.json(try project.run(["history", "trend", "--by", "rule", "--format", "json", "--last", "1"]))
        let rules = try #require((byRule["runs"] as? [[String: Any]])?.first?["failing"] as? [String: Int])
        #expect(["AM-04", "OBS-02", "OBS-07", "OFF-01", "OFF-02", "OFF-05", "SC-06", "OFF-06", "CON-06"].map { rules[$0] ?? 0 } == [1, 6, 1, 2, 6, 1, 1, 0, 0])
        #expect(rules["waiver-expired"] == 1)
        let text = try project.run(["history", "trend", "--by", "control", "--last", "1"])
        #expect(text.standardOutput.hasPrefix("failing findings (fail or error) by control after each run in .clearance/history.sqlite (the last 1 of 4 runs)\nCONTROL "))
    }
}
