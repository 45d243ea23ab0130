import ClearanceCore
@testable import ClearanceHistory
import ClearanceTestSupport
import Foundation
import Testing

/// Comparing recorded runs, the same on a SQLite file and on a PostgreSQL database: the change log read in run order,
/// new, resolved and changed findings between two runs, failing counts over runs and the time to remediate, and
/// reading a history without writing to it.
///
/// The sequence every test records (days after 2026-11-01; severity high unless said):
/// - run 1, day 0: A/ana fail, B/bo fail (medium), C/cy waived, D/dee fail;
/// - run 2, day 2: A/ana passes, B/bo fails, C/cy waived, D/dee waived, E/eve fails (new);
/// - run 3, day 5: A/ana fails again, B/bo is no longer reported, C/cy passes, D/dee waived at critical, E/eve fails;
/// - run 4, day 9: A/ana fails, D/dee passes (critical), E/eve fails.
@Suite("History comparisons")
struct HistoryComparisonTests {
    /// The four runs above, recorded; their ids.
    static func record(_ store: any HistoryStore) throws -> [Int64] {
        let runs: [(Int, [OutcomeRecord])] = [
            (0, [Runs.outcome("A", "ana", "fail"), Runs.outcome("B", "bo", "fail", severity: "medium"), Runs.outcome("C", "cy", "waived"),
                 Runs.outcome("D", "dee", "fail")]),
            (2, [Runs.outcome("A", "ana", "pass"), Runs.outcome("B", "bo", "fail", severity: "medium"), Runs.outcome("C", "cy", "waived"),
                 Runs.outcome("D", "dee", "waived"), Runs.outcome("E", "eve", "fail")]),
            (5, [Runs.outcome("A", "ana", "fail"), Runs.outcome("C", "cy", "pass"), Runs.outcome("D", "dee", "waived", severity: "critical"),
                 Runs.outcome("E", "eve", "fail")]),
            (9, [Runs.outcome("A", "ana", "fail"), Runs.outcome("C", "cy", "pass"), Runs.outcome("D", "dee", "pass", severity: "critical"),
                 Runs.outcome("E", "eve", "fail")]),
        ]
        return try runs.map { day, outcomes in try store.record(Runs.run(day: day, outcomes)).id }
    }

    @Test("the change log after one run through another, in run order", arguments: Backend.available)
    func outcomeLog(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let ids = try Self.record(store)
        let between = try store.outcomeLog(after: ids[0], through: ids[2])
        #expect(between.map(\.run) == between.map(\.run).sorted())
        #expect(Set(between.map { "\($0.run - ids[0]) \($0.outcome.fingerprint) \($0.outcome.status)" })
                == ["1 A/ana/ pass", "1 D/dee/ waived", "1 E/eve/ fail", "2 A/ana/ fail", "2 B/bo/ gone", "2 C/cy/ pass", "2 D/dee/ waived"])
        #expect(between.first { $0.outcome.fingerprint == "B/bo/" }?.since == Runs.day(5).seconds)
        #expect(try store.outcomeLog(after: nil, through: nil).count == 4 + between.count + 1)
        #expect(try store.outcomeLog(after: ids[3], through: nil).isEmpty)
        #expect(throws: HistoryError.self) { try store.outcomeLog(after: nil, through: ids[3] + 1) }
    }

    @Test("new, resolved (with how it left) and changed findings between two runs, either way round", arguments: Backend.available)
    func comparison(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let ids = try Self.record(store)
        func describe(_ comparison: RunComparison) -> [String] {
            comparison.new.map { "new \($0.fingerprint) \($0.status) \($0.severity)" }
                + comparison.resolved.map { "resolved \($0.before.fingerprint) \($0.before.status) now \($0.now ?? "?")" }
                + comparison.changed.map { "changed \($0.after.fingerprint) \($0.before.status)->\($0.after.status) \($0.before.severity)->\($0.after.severity)" }
        }
        #expect(describe(try store.comparison(from: ids[0], to: ids[1])) == [
            "new E/eve/ fail high", "resolved A/ana/ fail now pass", "changed D/dee/ fail->waived high->high",
        ])
        // A failed, passed and failed again: the same after both runs.
        #expect(describe(try store.comparison(from: ids[0], to: ids[2])) == [
            "new E/eve/ fail high", "resolved B/bo/ fail now gone", "resolved C/cy/ waived now pass", "changed D/dee/ fail->waived high->critical",
        ])
        // Backwards, what left is not known from the change log.
        #expect(describe(try store.comparison(from: ids[2], to: ids[0])) == [
            "new B/bo/ fail medium", "new C/cy/ waived high", "resolved E/eve/ fail now ?", "changed D/dee/ waived->fail critical->high",
        ])
        #expect(try store.comparison(from: ids[3], to: ids[3]).isEmpty)
        #expect(throws: HistoryError.self) { try store.comparison(from: ids[0], to: ids[3] + 1) }
    }

    @Test("failing counts per group after each run, and the time to remediate each finding", arguments: Backend.available)
    func trend(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let ids = try Self.record(store)
        let runs = try store.runs()
        let log = try store.outcomeLog(after: nil, through: nil)
        let bySeverity = RunTrend(runs: runs, log: log, by: .severity)
        #expect(bySeverity.groups == ["high", "medium"])
        #expect(bySeverity.points.map(\.run) == ids)
        #expect(bySeverity.points.map(\.failing) == [["high": 2, "medium": 1], ["high": 1, "medium": 1], ["high": 2], ["high": 2]])
        #expect(bySeverity.points.map(\.total) == [3, 2, 2, 2])
        let byRule = RunTrend(runs: runs, log: log, by: .rule)
        #expect(byRule.groups == ["A", "E", "B", "D"])
        #expect(byRule.points.map(\.failing) == [["A": 1, "B": 1, "D": 1], ["B": 1, "E": 1], ["A": 1, "E": 1], ["A": 1, "E": 1]])
        let byControl = RunTrend(runs: runs, log: log, by: .control(["A": ["SOC2:CC6.1", "ISO27001:A.5.18"], "E": ["SOC2:CC6.1"], "B": []]))
        #expect(byControl.points.last?.failing == ["SOC2:CC6.1": 2, "ISO27001:A.5.18": 1])
        #expect(byControl.points.first?.failing == ["SOC2:CC6.1": 1, "ISO27001:A.5.18": 1, "-": 2])
        #expect(byControl.points.first?.total == 3)

        let day: Int64 = 86_400
        let periods = bySeverity.remediation.periods.map { period in
            "\(period.outcome.fingerprint) \(period.outcome.severity) \(period.openedRun - ids[0] + 1)-\(period.closedRun.map { String($0 - ids[0] + 1) } ?? "open") "
                + "\(period.closedAs ?? "open") \(period.seconds / day)d"
        }
        #expect(periods == ["A/ana/ high 1-2 pass 2d", "B/bo/ medium 1-3 gone 5d", "D/dee/ critical 1-4 pass 9d", "E/eve/ high 2-open open 7d",
                            "A/ana/ high 3-open open 4d"])
        #expect(bySeverity.remediation.bySeverity == [
            Remediation.Statistics(severity: "critical", remediated: 1, median: 9 * day, percentile90: 9 * day, open: 0, oldestOpen: nil),
            Remediation.Statistics(severity: "high", remediated: 1, median: 2 * day, percentile90: 2 * day, open: 2, oldestOpen: 7 * day),
            Remediation.Statistics(severity: "medium", remediated: 1, median: 5 * day, percentile90: 5 * day, open: 0, oldestOpen: nil),
        ])
    }

    @Test("percentiles by the nearest-rank method")
    func nearestRank() {
        #expect(Remediation.nearestRank([], percent: 50) == nil)
        #expect(Remediation.nearestRank([7], percent: 90) == 7)
        #expect(Remediation.nearestRank([1, 2, 3, 4], percent: 50) == 2)
        #expect(Remediation.nearestRank([1, 2, 3], percent: 50) == 2)
        #expect(Remediation.nearestRank(Array(1...10), percent: 90) == 9)
        #expect(Remediation.nearestRank(Array(1...20), percent: 90) == 18)
        #expect(Remediation.nearestRank(Array(1...11), percent: 90) == 10)
        #expect(Remediation.nearestRank([3, 8], percent: 100) == 8)
    }

    @Test("reading a history writes nothing: no file is made, an empty database stays empty", arguments: Backend.available)
    func readingWritesNothing(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let location = try backend.newLocation(folder)
        #expect(try HistoryStores.openForReading(location) == nil)
        #expect(try HistoryStores.openForReading(location) == nil)
        if case .sqlite(let path) = location { #expect(!FileManager.default.fileExists(atPath: path)) }
        let writer = try Backend.open(location)
        let ids = try Self.record(writer)
        writer.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let reader = try #require(try HistoryStores.openForReading(location))
        #expect(try reader.runs().map(\.id) == ids)
        #expect(try reader.comparison(from: ids[0], to: ids[1]).new.map(\.fingerprint) == ["E/eve/"])
        reader.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == files)
    }
}
