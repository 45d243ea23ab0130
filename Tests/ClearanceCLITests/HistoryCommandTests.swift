import Foundation
@testable import ClearanceHistory
import ClearanceTestSupport
import Testing

/// `audit --record`, `check --record` and `clearance history` over a copy of the sample project: what a user sees, what
/// the history holds, and every way a history cannot be used ending in exit 2 with the file left as it was.
@Suite("clearance history and --record")
struct HistoryCommandTests {
    /// The sample project, copied, without a git repository.
    static func sample() -> SampleProjectCopy { SampleProjectCopy() }

    /// The JSON of `clearance history --format json` in `project`.
    static func listing(_ project: SampleProjectCopy, _ extra: [String] = []) throws -> [String: Any] {
        let result = try project.run(["history", "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test("audit --record twice: the second run of an unchanged project writes no change rows, and history lists both")
    func recordsUnchangedRerun() throws {
        let project = Self.sample()
        let first = try project.run(["audit", "--record", "--as-of", "2026-11-20"])
        #expect(first.status == 1)
        #expect(first.standardError.contains("recorded run 1 in .clearance/history.sqlite: 88 outcome changes, 81 account changes\n"), "\(first.standardError)")
        let second = try project.run(["audit", "--record", "--as-of", "2026-11-20"])
        #expect(second.status == 1)
        #expect(second.standardError.hasSuffix("recorded run 2 in .clearance/history.sqlite: 0 outcome changes, 0 account changes\n"), "\(second.standardError)")
        let listing = try Self.listing(project)
        #expect(listing["history"] as? String == ".clearance/history.sqlite")
        let runs = try #require(listing["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [1, 2])
        #expect(runs.map { $0["outcomeChanges"] as? Int } == [88, 0])
        #expect(runs[1]["asOf"] as? String == "2026-11-20T00:00:00Z")
        #expect(runs[1]["command"] as? String == "audit")
        #expect(runs[1]["gitRevision"] is NSNull)
        #expect((runs[1]["configSHA256"] as? String)?.count == 64)
        let text = try project.run(["history"])
        let lines = text.standardOutput.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "runs recorded in .clearance/history.sqlite (CHANGES: outcome+account change log rows written)")
        #expect(lines[1].hasPrefix("RUN  AS OF                 COMMAND  FAIL"))
        #expect(lines[3].hasPrefix("2    2026-11-20T00:00:00Z  audit    "))
        #expect(lines[3].contains("  0+0  "))
    }

    @Test("the recorded run rebuilds to the findings the audit's JSON report lists as needing attention")
    func rebuildsTheReport() throws {
        let project = Self.sample()
        let audit = try project.run(["audit", "--record", "--as-of", "2026-11-20"])
        #expect(audit.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(project.read("clearance-report/report.json").utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let attention = findings.filter { ["fail", "error", "waived", "pending"].contains($0["status"] as? String) }
            .map { "\($0["fingerprint"] as? String ?? "") \($0["status"] as? String ?? "")" }.sorted()
        let store = try HistoryStores.open(.sqlite(path: project.path + "/.clearance/history.sqlite"), toolVersion: "test", now: 0)
        defer { store.close() }
        let rebuilt = try store.outcomes(atRun: 1).map { "\($0.fingerprint) \($0.status)" }.sorted()
        #expect(rebuilt == attention)
        #expect(!rebuilt.isEmpty)
    }

    @Test("check PATH --record changes only what it checked: the rest keeps its outcome, and history marks the run (part)")
    func narrowedCheck() throws {
        let project = Self.sample()
        #expect(try project.run(["audit", "--record", "--as-of", "2026-11-20"]).status == 1)
        let part = try project.run(["check", "Fixtures/team/ana.lopez.yaml", "--record", "--as-of", "2026-11-20"])
        #expect(part.standardError.hasSuffix("recorded run 2 in .clearance/history.sqlite: 0 outcome changes, 0 account changes\n"), "\(part.standardError)")
        let store = try HistoryStores.open(.sqlite(path: project.path + "/.clearance/history.sqlite"), toolVersion: "test", now: 0)
        defer { store.close() }
        #expect(try store.outcomes(atRun: 2) == store.outcomes(atRun: 1))
        #expect(try store.runs()[1].scope == "path Fixtures/team/ana.lopez.yaml")
        let listing = try project.run(["history"])
        #expect(listing.standardOutput.contains("  check (part)  "), "\(listing.standardOutput)")
    }

    @Test("two audit --record processes at once, 20 times: all 40 runs land and the file passes integrity_check")
    func concurrentProcesses() throws {
        let project = Self.sample()
        let failures = Failures()
        for round in 0..<20 {
            DispatchQueue.concurrentPerform(iterations: 2) { process in
                do {
                    let result = try project.run(["audit", "--record", "--as-of", "2026-11-20", "--output", "report-\(round)-\(process)"])
                    if result.status != 1 || !result.standardError.contains("recorded run ") { failures.add(result.standardError) }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let runs = try #require(try Self.listing(project)["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == Array(1...40))
        #expect(runs.map { $0["outcomeChanges"] as? Int } == [88] + Array(repeating: 0, count: 39))
        let connection = try SQLiteHistoryConnection(path: project.path + "/.clearance/history.sqlite", name: "history", readOnly: true)
        defer { connection.close() }
        #expect(try connection.rows("PRAGMA integrity_check", []) == [[.text("ok")]])
        #expect(try connection.rows("SELECT COUNT(*) FROM outcome_change", []) == [[.integer(88)]])
    }

    @Test("a process killed while it writes its run loses nothing committed: the history opens, passes integrity_check and records again")
    func killedMidWrite() throws {
        let project = Self.sample()
        #expect(try project.run(["check", "--record", "--as-of", "2026-11-20"]).status == 1)
        let store = try HistoryStores.open(.sqlite(path: project.path + "/.clearance/history.sqlite"), toolVersion: "test", now: 0)
        let committed = try store.outcomes(atRun: 1)
        store.close()
        // 500 more people, each failing several rules: the next run writes thousands of change log rows.
        let template = project.read("Fixtures/team/carlos.ibarra.yaml")
        for index in 0..<500 {
            project.write("Fixtures/team/crowd/person\(index).yaml", template.replacingOccurrences(of: "carlos.ibarra", with: "person\(index)")
                .replacingOccurrences(of: "encrypted: true", with: "encrypted: false").replacingOccurrences(of: "sso: true", with: "sso: false"))
        }
        let wal = project.path + "/.clearance/history.sqlite-wal"
        var killedWriting = false
        for _ in 0..<5 where !killedWriting {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["check", "--record", "--as-of", "2026-11-20"]
            process.currentDirectoryURL = URL(fileURLWithPath: project.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let before = Self.size(wal)
            try process.run()
            // The run writes its rows into the write-ahead log in one transaction: kill it once the log has grown.
            while process.isRunning && Self.size(wal) < before + 256 * 1024 { usleep(500) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedWriting = true
            }
            process.waitUntilExit()
            let reopened = try HistoryStores.open(.sqlite(path: project.path + "/.clearance/history.sqlite"), toolVersion: "test", now: 0)
            defer { reopened.close() }
            let runs = try reopened.runs()
            if killedWriting {
                #expect(runs.map(\.id) == [1])
                #expect(try reopened.outcomes(atRun: 1) == committed)
            }
        }
        #expect(killedWriting, "every run finished before it could be killed")
        let connection = try SQLiteHistoryConnection(path: project.path + "/.clearance/history.sqlite", name: "history", readOnly: true)
        #expect(try connection.rows("PRAGMA integrity_check", []) == [[.text("ok")]])
        connection.close()
        let again = try project.run(["check", "--record", "--as-of", "2026-11-20"])
        #expect(again.status == 1)
        #expect(again.standardError.contains("recorded run 2 in .clearance/history.sqlite: "), "\(again.standardError)")
    }

    /// A file's size in bytes, 0 when it is missing.
    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test("a history file that is not one ends the run with exit 2 naming it, after the reports, and is left as it was")
    func refusesForeignFile() throws {
        let project = Self.sample()
        project.write(".clearance/history.sqlite", "not a database\n")
        let result = try project.run(["audit", "--record", "--as-of", "2026-11-20"])
        #expect(result.status == 2)
        #expect(result.standardError.hasSuffix(".clearance/history.sqlite: not a Clearance history (not a SQLite database); it is left as it is: name a new file\n"),
                "\(result.standardError)")
        #expect(project.read(".clearance/history.sqlite") == "not a database\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path + "/.clearance") == ["history.sqlite"])
        #expect(FileManager.default.fileExists(atPath: project.path + "/clearance-report/report.json"))
        let listing = try project.run(["history"])
        #expect(listing.status == 2)
        #expect(listing.standardError.hasPrefix(".clearance/history.sqlite: not a Clearance history"))
    }

    @Test("history: in clearance.yaml must stay inside the project; --history may name any file; a bad URL is exit 2 at its place")
    func historySetting() throws {
        let project = Self.sample()
        project.append("history: ../elsewhere/history.sqlite\n", to: "clearance.yaml")
        let line = project.read("clearance.yaml").split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let outside = try project.run(["check", "--record", "--as-of", "2026-11-20"])
        #expect(outside.status == 2)
        #expect(outside.standardError.hasPrefix("clearance.yaml:\(line):10: history must stay inside the project: a path relative to clearance.yaml "
                                                + "(default .clearance/history.sqlite) or a postgres:// URL; found '../elsewhere/history.sqlite'"), "\(outside.standardError)")
        project.replace("history: ../elsewhere/history.sqlite", with: "history: records/runs.sqlite", in: "clearance.yaml")
        let inside = try project.run(["check", "--record", "--as-of", "2026-11-20"])
        #expect(inside.standardError.contains("recorded run 1 in records/runs.sqlite: "), "\(inside.standardError)")
        let elsewhere = TemporaryDirectory()
        let named = try project.run(["check", "--record", "--history", elsewhere.path + "/runs.sqlite", "--as-of", "2026-11-20"])
        #expect(named.standardError.contains("recorded run 1 in \(elsewhere.path)/runs.sqlite: "), "\(named.standardError)")
        project.replace("history: records/runs.sqlite", with: "history: postgres://db.example:port/clearance", in: "clearance.yaml")
        let badURL = try project.run(["check", "--record", "--as-of", "2026-11-20"])
        #expect(badURL.status == 2)
        #expect(badURL.standardError.hasPrefix("clearance.yaml:\(line):10: the PostgreSQL URL of the history is not usable: its port is not a number"),
                "\(badURL.standardError)")
        let unasked = try project.run(["check", "--history", "x.sqlite"])
        #expect(unasked.status == 2)
        #expect(unasked.standardError.contains("--history names where --record stores the run; add --record"))
    }

    @Test("history prune --before removes the earlier runs and says how many, keeping the last run's findings")
    func prune() throws {
        let project = Self.sample()
        for date in ["2026-11-19T12:00:00Z", "2026-11-20", "2026-12-01"] {
            #expect(try project.run(["audit", "--record", "--as-of", date]).status == 1)
        }
        let store = try HistoryStores.open(.sqlite(path: project.path + "/.clearance/history.sqlite"), toolVersion: "test", now: 0)
        let before = try store.outcomes(atRun: 3)
        store.close()
        let pruned = try project.run(["history", "prune", "--before", "2026-11-25"])
        #expect(pruned.status == 0, "\(pruned.standardError)")
        #expect(pruned.standardOutput == "removed 2 runs and 68 change log rows evaluated before 2026-11-25T00:00:00Z from .clearance/history.sqlite\n")
        let runs = try #require(try Self.listing(project)["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [3])
        let reopened = try HistoryStores.open(.sqlite(path: project.path + "/.clearance/history.sqlite"), toolVersion: "test", now: 0)
        defer { reopened.close() }
        #expect(try reopened.outcomes(atRun: 3) == before)
        let bad = try project.run(["history", "prune", "--before", "soon"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--before must be a date (2026-01-01) or an RFC 3339 date-time (2026-01-01T00:00:00Z); got 'soon'"))
    }

    @Test("check --record into a PostgreSQL database names it without its password", .enabled(if: TestPostgres.shouldRun))
    func recordsInPostgres() throws {
        let project = Self.sample()
        let url = try TestPostgres.shared().makeDatabase()
        let first = try project.run(["check", "--record", "--history", url, "--as-of", "2026-11-20"])
        #expect(first.status == 1)
        #expect(first.standardError.contains("recorded run 1 in \(url): "), "\(first.standardError)")
        let second = try project.run(["check", "--record", "--history", url, "--as-of", "2026-11-20"])
        #expect(second.standardError.hasSuffix("recorded run 2 in \(url): 0 outcome changes, 0 account changes\n"), "\(second.standardError)")
        let runs = try #require(try Self.listing(project, ["--history", url])["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        let withPassword = url.replacingOccurrences(of: "clearance@", with: "clearance:secret@")
        let shown = try project.run(["history", "--history", withPassword])
        #expect(shown.standardOutput.hasPrefix("runs recorded in \(url.replacingOccurrences(of: "clearance@", with: "clearance:***@"))"), "\(shown.standardOutput)\(shown.standardError)")
    }
}

/// Messages gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
