import ClearanceCore
@testable import ClearanceHistory
import ClearanceTestSupport
import Foundation
import Testing

/// The history store's behaviour, the same on a SQLite file and on a PostgreSQL database: the change log of
/// outcomes and accounts, rebuilding any run, narrowed runs, pruning, refusing what is not a history, and two writers.
@Suite("History store")
struct HistoryStoreTests {
    typealias O = OutcomeRecord

    @Test("an unchanged rerun writes no change rows, and the runs list what each counted", arguments: Backend.available)
    func unchangedRerun(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let outcomes = [Runs.outcome("ZT-01", "ana", "fail"), Runs.outcome("ZT-02", "ana", "pass"), Runs.outcome("ZT-01", "bo", "waived")]
        let first = try store.record(Runs.run(day: 1, outcomes))
        let second = try store.record(Runs.run(day: 8, outcomes))
        #expect(first == RecordedRun(id: first.id, outcomeRows: 2, accountRows: 0))
        #expect(second == RecordedRun(id: second.id, outcomeRows: 0, accountRows: 0))
        let runs = try store.runs()
        #expect(runs.map(\.id) == [first.id, second.id])
        #expect(runs[1].asOf == "2026-11-09T00:00:00Z")
        #expect(runs[1].counts == ["pass": 1, "fail": 1, "error": 0, "waived": 1, "skip": 0, "pending": 0])
        #expect(runs[1].gitRevision == String(repeating: "a", count: 40))
        #expect(runs[1].outcomeRows == 0)
        #expect(try store.outcomes(atRun: second.id).map(\.fingerprint) == ["ZT-01/ana/", "ZT-01/bo/"])
        #expect(try store.ruleCounts(inRun: second.id) == [RuleCount(rule: "ZT-01", status: "fail", count: 1), RuleCount(rule: "ZT-01", status: "waived", count: 1),
                                                            RuleCount(rule: "ZT-02", status: "pass", count: 1)])
        #expect(try store.packs(ofRun: first.id) == [PackRecord(id: "pack", version: "1.2.0", file: "Policies/pack.yaml", sha256: String(repeating: "p", count: 64))])
        #expect(try store.files(ofRun: first.id).map(\.path) == ["team/ana.yaml", "exports/aws.csv"])
        #expect(try store.files(ofRun: first.id)[1].generatedAt == Runs.day(1))
    }

    @Test("each run's findings are rebuilt from the change log: new, fixed, waived, reseverified and gone", arguments: Backend.available)
    func rebuildsEveryRun(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let runs: [[O]] = [
            [Runs.outcome("ZT-01", "ana", "fail"), Runs.outcome("ZT-01", "bo", "fail"), Runs.outcome("ZT-04", "bo", "error", element: "devices[0]")],
            [Runs.outcome("ZT-01", "ana", "pass"), Runs.outcome("ZT-01", "bo", "waived"), Runs.outcome("ZT-04", "bo", "error", element: "devices[0]"),
             Runs.outcome("AR-02", "cy", "fail", severity: "medium")],
            [Runs.outcome("ZT-01", "ana", "pass"), Runs.outcome("ZT-01", "bo", "waived"), Runs.outcome("AR-02", "cy", "fail", severity: "critical")],
            [Runs.outcome("ZT-01", "ana", "fail", message: "it fails again"), Runs.outcome("ZT-01", "bo", "waived"),
             Runs.outcome("AR-02", "cy", "skip")],
        ]
        var ids: [Int64] = []
        for (index, outcomes) in runs.enumerated() { ids.append(try store.record(Runs.run(day: 7 * index, outcomes)).id) }
        // Every run rebuilds to exactly what needed attention in it.
        for (index, outcomes) in runs.enumerated() {
            let expected = outcomes.filter(\.isKept).sorted { $0.fingerprint < $1.fingerprint }
            #expect(try store.outcomes(atRun: ids[index]) == expected, "run \(index + 1)")
        }
        func changes(_ run: Int) throws -> [String] {
            try store.outcomeChanges(inRun: ids[run]).map { "\($0.fingerprint) \($0.status) \($0.severity)" }
        }
        #expect(try changes(0) == ["ZT-01/ana/ fail high", "ZT-01/bo/ fail high", "ZT-04/bo/devices[0] error high"])
        #expect(try changes(1) == ["AR-02/cy/ fail medium", "ZT-01/ana/ pass high", "ZT-01/bo/ waived high"])
        #expect(try changes(2) == ["AR-02/cy/ fail critical", "ZT-04/bo/devices[0] gone high"])
        #expect(try changes(3) == ["AR-02/cy/ skip high", "ZT-01/ana/ fail high"])
        #expect(try store.outcomes(atRun: ids[3]).first { $0.fingerprint == "ZT-01/ana/" }?.message == "it fails again")
    }

    @Test("a narrowed run changes only what it checked; a finding outside it keeps its outcome", arguments: Backend.available)
    func narrowedRun(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        _ = try store.record(Runs.run(day: 1, [Runs.outcome("ZT-01", "ana", "fail"), Runs.outcome("ZT-01", "bo", "fail"), Runs.outcome("AR-01", "bo", "fail")]))
        let scope = RunScope(paths: ["team/bo.yaml"], policies: ["Policies/zt.yaml"], subjects: ["TeamMember bo"], rules: ["ZT-01"])
        let narrowed = try store.record(Runs.run(day: 2, [], scope: scope))
        #expect(try store.outcomeChanges(inRun: narrowed.id).map { "\($0.fingerprint) \($0.status)" } == ["ZT-01/bo/ gone"])
        #expect(try store.outcomes(atRun: narrowed.id).map(\.fingerprint) == ["AR-01/bo/", "ZT-01/ana/"])
        #expect(try store.runs().last?.scope == "path team/bo.yaml\npolicies Policies/zt.yaml")
    }

    @Test("the watch list names what needs attention; a run holding only the watched passes resolves those and keeps the rest",
          arguments: Backend.available)
    func watchedPasses(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        #expect(try store.watchList() == [:])
        _ = try store.record(Runs.run(day: 1, [Runs.outcome("ZT-01", "ana", "fail"), Runs.outcome("ZT-01", "bo", "fail"),
                                               Runs.outcome("ZT-04", "bo", "error", element: "devices[0]"), Runs.outcome("AR-01", "cy", "pass")]))
        #expect(try store.watchList() == ["ZT-01": ["ana", "bo"], "ZT-04": ["bo"]])
        // The run watched ZT-01 for ana and ZT-04 for bo (a run recorded meanwhile made ZT-01 on bo fail): ana passes,
        // bo's device was removed, and ZT-01 on bo, not watched and not reported, cannot be told and keeps its state.
        var run = Runs.run(day: 2, [Runs.outcome("ZT-01", "ana", "pass")])
        run.watched = ["ZT-01": ["ana"], "ZT-04": ["bo"]]
        let recorded = try store.record(run)
        #expect(try store.outcomeChanges(inRun: recorded.id).map { "\($0.fingerprint) \($0.status)" } == ["ZT-01/ana/ pass", "ZT-04/bo/devices[0] gone"])
        #expect(try store.outcomes(atRun: recorded.id).map(\.fingerprint) == ["ZT-01/bo/"])
        #expect(try store.watchList() == ["ZT-01": ["bo"]])
    }

    @Test("accounts: first seen active, deprovisioned and absent from the export that listed them", arguments: Backend.available)
    func accounts(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let r1 = try store.record(Runs.run(day: 1, [], accounts: [Runs.account("ana", "active", person: "ana", day: 1), Runs.account("bo", "active", person: "bo", day: 1)],
                                           sources: [Runs.awsSource(day: 1)]))
        let r2 = try store.record(Runs.run(day: 8, [], accounts: [Runs.account("ana", "active", person: "ana", day: 8), Runs.account("bo", "deprovisioned", person: "bo", day: 8)],
                                           sources: [Runs.awsSource(day: 8)]))
        let r3 = try store.record(Runs.run(day: 15, [], accounts: [Runs.account("ana", "active", person: "ana", day: 15)], sources: [Runs.awsSource(day: 15)]))
        // A run that read no AWS export says nothing about AWS accounts.
        let r4 = try store.record(Runs.run(day: 22, []))
        #expect([r1.accountRows, r2.accountRows, r3.accountRows, r4.accountRows] as [Int] == [2, 1, 1, 0])
        let timelines = try store.accountTimelines()
        #expect(timelines.map(\.key.nativeID) == ["ana", "bo"])
        let bo = timelines[1]
        #expect(bo.firstActive == AccountTimeline.Sighting(run: r1.id, observedAt: Runs.day(1), sourceFile: "exports/aws-1.csv"))
        #expect(bo.firstDeprovisioned == AccountTimeline.Sighting(run: r2.id, observedAt: Runs.day(8), sourceFile: "exports/aws-8.csv"))
        #expect(bo.firstAbsent == AccountTimeline.Sighting(run: r3.id, observedAt: Runs.day(15), sourceFile: "exports/aws-15.csv"))
        #expect(bo.latest.person == "bo")
        #expect(timelines[0].firstDeprovisioned == nil && timelines[0].firstAbsent == nil)
        #expect(try store.accounts(atRun: r2.id).map { "\($0.nativeID) \($0.status)" } == ["ana active", "bo deprovisioned"])
        #expect(try store.accounts(atRun: r4.id).map { "\($0.nativeID) \($0.status)" } == ["ana active", "bo absent"])
    }

    @Test("pruning removes old runs and keeps every later run's result", arguments: Backend.available)
    func prune(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let runs: [[O]] = [
            [Runs.outcome("A", "ana", "fail"), Runs.outcome("B", "ana", "fail"), Runs.outcome("C", "ana", "fail")],
            [Runs.outcome("A", "ana", "fail"), Runs.outcome("B", "ana", "pass"), Runs.outcome("C", "ana", "waived")],
            [Runs.outcome("A", "ana", "fail"), Runs.outcome("B", "ana", "pass"), Runs.outcome("C", "ana", "waived"), Runs.outcome("D", "ana", "fail")],
            [Runs.outcome("A", "ana", "pass"), Runs.outcome("D", "ana", "fail")],
        ]
        var ids: [Int64] = []
        for (index, outcomes) in runs.enumerated() {
            ids.append(try store.record(Runs.run(day: 10 * index, outcomes, accounts: [Runs.account("ana", "active", person: "ana", day: 10 * index)],
                                                 sources: [Runs.awsSource(day: 10 * index)])).id)
        }
        let before = try (2...3).map { try store.outcomes(atRun: ids[$0]) }
        // Runs 1 and 2 (days 0 and 10) go: 4 + 2 outcome rows and 1 account row; A, C and the account move on to run 3.
        let result = try store.prune(before: Runs.day(15))
        #expect(result == PruneResult(runs: 2, rows: 3))
        #expect(try store.runs().map(\.id) == [ids[2], ids[3]])
        #expect(try (2...3).map { try store.outcomes(atRun: ids[$0]) } == before)
        #expect(try store.outcomeChanges(inRun: ids[2]).map { "\($0.fingerprint) \($0.status)" } == ["A/ana/ fail", "C/ana/ waived", "D/ana/ fail"])
        #expect(try store.accountTimelines().first?.firstActive?.run == ids[2])
        #expect(try store.accountTimelines().first?.firstActive?.observedAt == Runs.day(0))
        // The latest run is never removed.
        #expect(try store.prune(before: Runs.day(100)) == PruneResult(runs: 1, rows: 4))
        #expect(try store.runs().map(\.id) == [ids[3]])
        #expect(try store.outcomes(atRun: ids[3]) == before[1])
    }

    @Test("a store that is not a Clearance history, or has a newer schema, is refused and left as it is", arguments: Backend.available)
    func refusesForeignAndNewer(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let foreign = try backend.newLocation(folder)
        try Backend.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", at: foreign)
        #expect(throws: HistoryError(.foreign, "not a Clearance history (it holds other tables: notes); it is left as it is: name a new file or an empty database",
                                     store: foreign.shown)) {
            try Backend.open(foreign)
        }
        let newer = try backend.newLocation(TemporaryDirectory())
        let location = backend == .sqlite ? HistoryLocation.sqlite(path: folder.path + "/newer.sqlite") : newer
        try Backend.open(location).close()
        try Backend.execute("INSERT INTO schema_version (version, description, applied_at, applied_by) VALUES (99, 'later', 0, '9.0.0')", at: location)
        #expect(throws: HistoryError(.newerSchema, "the history was written by a newer Clearance (schema version 99; this Clearance knows up to 1); it is left as it is: "
                                     + "record with a newer Clearance, or name another history", store: location.shown)) {
            try Backend.open(location)
        }
    }

    @Test("two writers at once: every run lands, one at a time", arguments: Backend.available)
    func twoWriters(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let location = try backend.newLocation(folder)
        try Backend.open(location).close()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try Backend.open(location)
                defer { store.close() }
                for run in 0..<5 {
                    _ = try store.record(Runs.run(day: 10 * writer + run, [Runs.outcome("A", "ana", "fail"), Runs.outcome("B", "bo", "fail")]))
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let store = try Backend.open(location)
        defer { store.close() }
        let runs = try store.runs()
        #expect(runs.count == 10)
        // The first run to land wrote both findings; each later one compared with a whole earlier run and wrote nothing.
        #expect(runs.map(\.outcomeRows) == [2] + Array(repeating: 0, count: 9))
    }
}

/// Errors gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
