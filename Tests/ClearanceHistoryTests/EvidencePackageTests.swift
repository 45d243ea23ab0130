import ClearanceCore
@testable import ClearanceHistory
import ClearanceTestSupport
import Foundation
import Testing

/// The evidence package computed from members, HR records and a history: who left in the period, when each system's
/// access ended (observed in the history, else declared), the reviews due and done, the sample, the runs relied on.
@Suite("Evidence package")
struct EvidencePackageTests {
    /// A time as RFC 3339 text.
    static func t(_ text: String) -> Timestamp {
        guard case .timestamp(let time) = TimestampSyntax.parse(text) else { fatalError("not a time: \(text)") }
        return time
    }

    /// The period of `from` to `to`, which must be valid.
    static func period(_ from: String, _ to: String) throws -> EvidencePeriod { try EvidencePeriod.parse(from: from, to: to).get() }

    /// Tomás leaves on day 3 (2026-11-04); his AWS account is last listed on day 1 and absent from the export of day 5.
    static let tomas = EvidenceMember(
        id: "tomas", name: "Tomás", status: "offboarded", exit: Runs.day(3), engagementEnd: nil, identityRevoked: t("2026-11-04T01:00:00Z"),
        file: "team/tomas.yaml", grants: [
            EvidenceGrant(system: "aws", resource: "acme-prod", role: "Operator", environment: "production", granted: t("2026-01-10"),
                          revoked: t("2026-11-04T02:00:00Z")),
            EvidenceGrant(system: "github", resource: "acme/infra", role: "write", environment: "development", granted: t("2026-01-10"), revoked: nil),
        ])

    @Test("a leaver's account absent from an export two days after exit: observed 48 hours, late for 24h; a grant never revoked is listed as not revoked",
          arguments: Backend.available)
    func observedRevocation(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let store = try Backend.open(try backend.newLocation(folder))
        defer { store.close() }
        let first = try store.record(Runs.run(day: 1, [], accounts: [Runs.account("tomas", "active", person: "tomas", day: 1),
                                                                      Runs.account("ana", "active", person: "ana", day: 1)],
                                              sources: [Runs.awsSource(day: 1)]))
        let second = try store.record(Runs.run(day: 5, [], accounts: [Runs.account("ana", "active", person: "ana", day: 5)], sources: [Runs.awsSource(day: 5)]))
        let third = try store.record(Runs.run(day: 40, [], accounts: [Runs.account("ana", "active", person: "ana", day: 40)], sources: [Runs.awsSource(day: 40)]))
        let history = try HistoryEvidence(store: store)
        #expect(history.runs.map(\.id) == [first.id, second.id, third.id])
        let package = EvidencePackage(period: try Self.period("2026-11-01", "2026-11-30"), asOf: Runs.day(20), members: [Self.tomas], employments: [],
                                      settings: .standard, history: history, historyName: "unused", sampleSize: 5, seed: 7, inputs: [])
        #expect(package.leavers.map(\.key) == ["tomas"])
        let aws = try #require(package.revocations.first)
        #expect(package.revocations.map(\.system) == ["aws", "github"])
        #expect(aws.exit == Self.t("2026-11-04T00:00:00Z"))
        #expect(aws.deadline == Self.t("2026-11-05T00:00:00Z"))
        #expect(aws.declared == Self.t("2026-11-04T02:00:00Z"))
        #expect(aws.accounts == ["tomas"])
        #expect(aws.observedStatus == "revoked")
        #expect(aws.observed == Self.t("2026-11-06T00:00:00Z"))
        #expect(aws.observedAs == "absent")
        #expect(aws.observedRun == second.id)
        #expect(aws.observedSource == "exports/aws-5.csv")
        #expect(aws.basis == .observed)
        #expect(aws.hoursText == "48.00")
        #expect(aws.within == .no)
        #expect(aws.note == "")
        let github = package.revocations[1]
        #expect(github.basis == .none)
        #expect(github.observedStatus == "not observed")
        #expect(github.hoursText == "")
        #expect(github.within == .no)
        #expect(github.note == "not declared revoked: github acme/infra write")
        // Runs relied on: the two evaluated in November, and no other (day 40 is in December and shows nothing cited).
        #expect(package.runs.map(\.id) == [first.id, second.id])
        #expect(package.files(ofRun: second.id).map(\.path) == ["team/ana.yaml", "exports/aws.csv"])
    }

    @Test("without a history the declared time counts; an account still listed contradicts a declaration and is not revoked")
    func declaredAndContradicted() throws {
        let period = try Self.period("2026-11-01", "2026-11-30")
        let declaredOnly = EvidencePackage(period: period, asOf: Runs.day(20), members: [Self.tomas], employments: [], settings: .standard,
                                           history: nil, historyName: ".clearance/history.sqlite", sampleSize: 1, seed: 1, inputs: [])
        #expect(declaredOnly.revocations[0].basis == .declared)
        #expect(declaredOnly.revocations[0].observedStatus == "no history")
        #expect(declaredOnly.revocations[0].hoursText == "2.00")
        #expect(declaredOnly.revocations[0].within == .yes)
        let stillActive = AccountTimeline(key: AccountKey(system: "aws", scope: "111122223333", nativeID: "tomas"),
                                          latest: Runs.account("tomas", "active", person: "tomas", day: 9),
                                          firstActive: .init(run: 1, observedAt: Runs.day(1), sourceFile: "exports/aws-1.csv"))
        let history = HistoryEvidence(name: "h", runs: [], files: [:], timelines: [stillActive])
        let contradicted = EvidencePackage(period: period, asOf: Runs.day(20), members: [Self.tomas], employments: [], settings: .standard,
                                           history: history, historyName: "h", sampleSize: 1, seed: 1, inputs: [])
        let row = contradicted.revocations[0]
        #expect(row.observedStatus == "still listed")
        #expect(row.basis == .none)
        #expect(row.within == .no)
        #expect(row.note == "tomas still active in the latest export that listed it at 2026-11-10T00:00:00Z; "
                + "declared revoked 2026-11-04T02:00:00Z, but the history does not show it")
    }

    @Test("the population: exit from offboarding.exit, else the earlier of engagement.end and HR's termination date; HR-only leavers; no exit but gone")
    func population() throws {
        let members = [
            EvidenceMember(id: "a", name: "A", status: "offboarded", exit: Self.t("2026-03-10T17:00:00Z"), engagementEnd: Self.t("2026-03-31"), file: "a.yaml"),
            EvidenceMember(id: "b", name: "B", status: "active", engagementEnd: Self.t("2026-05-31"), file: "b.yaml"),
            EvidenceMember(id: "c", name: "C", status: "offboarded", file: "c.yaml"),
            EvidenceMember(id: "d", name: "D", status: "offboarding", exit: Self.t("2026-12-18T23:00:00Z"), file: "d.yaml"),
            EvidenceMember(id: "e", name: "E", status: "offboarded", exit: Self.t("2025-12-31T23:00:00Z"), file: "e.yaml"),
            EvidenceMember(id: "f", name: "F", status: "active", file: "f.yaml"),
        ]
        let employments = [
            EvidenceEmployment(id: "hris:acme:E-2", employeeID: "E-2", person: "b", status: "inactive", terminationDate: Self.t("2026-05-29"), sourceFile: "people.csv"),
            EvidenceEmployment(id: "hris:acme:E-9", employeeID: "E-9", name: "Nine", person: nil, status: "inactive", terminationDate: Self.t("2026-02-02"),
                               sourceFile: "people.csv"),
            EvidenceEmployment(id: "hris:acme:E-6", employeeID: "E-6", person: "f", status: "active", terminationDate: nil, sourceFile: "people.csv"),
        ]
        let leavers = LeaverPopulation.leavers(in: try Self.period("2026-01-01", "2026-09-30"), now: Self.t("2026-11-20"), members: members,
                                               employments: employments)
        #expect(leavers.map(\.key) == ["a", "b", "c", "hris:acme:E-9"])
        #expect(leavers.map { $0.exit?.rfc3339 } == ["2026-03-10T17:00:00Z", "2026-05-29T00:00:00Z", nil, "2026-02-02T00:00:00Z"])
        #expect(leavers.map(\.exitBasis) == ["offboarding.exit", "termination_date", nil, "termination_date"])
        #expect(leavers.map(\.shownBy) == [["member file"], ["member file", "hris"], ["member file"], ["hris"]])
        #expect(leavers[3].name == "Nine")
        // An exit later than the evaluation time has not happened yet.
        let early = LeaverPopulation.leavers(in: try Self.period("2026-01-01", "2026-09-30"), now: Self.t("2026-05-01"), members: members, employments: employments)
        #expect(early.map(\.key) == ["a", "c", "hris:acme:E-9"])
    }

    @Test("reviews: periods of each cadence from the start of the period; due when held through one; done, missed or not shown by the latest review")
    func reviews() throws {
        let member = EvidenceMember(id: "m", name: "M", status: "active", file: "m.yaml", grants: [
            EvidenceGrant(system: "jira", resource: "acme", role: "write", environment: "corporate", granted: Self.t("2025-12-01"), lastReview: Self.t("2026-05-10")),
            EvidenceGrant(system: "slack", resource: "acme", role: "member", environment: "corporate", granted: Self.t("2025-12-01"), lastReview: Self.t("2026-08-01")),
            EvidenceGrant(system: "figma", resource: "acme", role: "editor", environment: "corporate", granted: Self.t("2026-02-01")),
            EvidenceGrant(system: "aws", resource: "prod", role: "Admin", environment: "production", granted: Self.t("2025-12-01"),
                          revoked: Self.t("2026-02-15"), lastReview: Self.t("2026-01-20")),
        ])
        let candidate = EvidenceMember(id: "n", name: "N", status: "candidate", file: "n.yaml", grants: [member.grants[0]])
        let evidence = ReviewEvidence(period: try Self.period("2026-01-01", "2026-09-30"), now: Self.t("2026-11-20"), members: [member, candidate],
                                      settings: .standard)
        #expect(evidence.periods.map { "\($0.cadence) \($0.start.rfc3339.prefix(10)) \($0.due) \($0.done) \($0.missed) \($0.notShown)" } == [
            "90d 2026-01-01 2 0 0 2", "90d 2026-04-01 3 1 1 1", "90d 2026-06-30 3 1 2 0",
            "30d 2026-01-01 1 1 0 0", "30d 2026-01-31 0 0 0 0", "30d 2026-03-02 0 0 0 0", "30d 2026-04-01 0 0 0 0", "30d 2026-05-01 0 0 0 0",
            "30d 2026-05-31 0 0 0 0", "30d 2026-06-30 0 0 0 0", "30d 2026-07-30 0 0 0 0", "30d 2026-08-29 0 0 0 0",
        ])
        #expect(evidence.rows.filter { $0.start == Self.t("2026-04-01") }.map { "\($0.grant.system) \($0.status)" } == ["jira done", "slack not shown", "figma missed"])
        // A period not ended by the evaluation time is not counted.
        let early = ReviewEvidence(period: try Self.period("2026-01-01", "2026-09-30"), now: Self.t("2026-05-01"), members: [member], settings: .standard)
        #expect(early.periods.filter { $0.cadence == "90d" }.count == 1)
    }

    @Test("the sample: SplitMix64's published values, the same draw for the same seed, every leaver at most once")
    func sample() {
        var generator = SeededGenerator(seed: 1_234_567)
        #expect([generator.next(), generator.next(), generator.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
        let first = EvidenceSample(seed: 42, size: 5, population: 12)
        #expect(first == EvidenceSample(seed: 42, size: 5, population: 12))
        #expect(first.drawn.count == 5)
        #expect(Set(first.drawn).count == 5)
        #expect(first.drawn.allSatisfy { (0..<12).contains($0) })
        #expect(EvidenceSample(seed: 43, size: 5, population: 12).drawn != first.drawn)
        #expect(EvidenceSample(seed: 42, size: 30, population: 3).drawn.sorted() == [0, 1, 2])
        #expect(EvidenceSample(seed: 42, size: 0, population: 3).drawn == [])
    }

    @Test("the period: dates cover whole days, date-times are instants, and a reversed or bad period is refused")
    func period() throws {
        let period = try Self.period("2026-01-01", "2026-09-30")
        #expect(period.start == Self.t("2026-01-01T00:00:00Z"))
        #expect(period.end == Self.t("2026-10-01T00:00:00Z"))
        #expect(period.contains(Self.t("2026-09-30T23:59:59Z")))
        #expect(!period.contains(Self.t("2026-10-01T00:00:00Z")))
        #expect(EvidencePeriod.parse(from: "2026-10-01", to: "2026-09-30") == .failure(.reversed("2026-10-01", "2026-09-30")))
        #expect(EvidencePeriod.parse(from: "2026-02-30", to: "2026-09-30") == .failure(.notADate("--from", "2026-02-30")))
        #expect(EvidencePeriod.parse(from: "2026-01-01", to: "soon") == .failure(.notADate("--to", "soon")))
    }
}

/// Opening a history only to read it, as `clearance evidence` does (what it writes: `HistoryComparisonTests.readingWritesNothing`).
@Suite("History opened for reading")
struct HistoryReadingTests {
    @Test("a history of a newer schema is refused and left as it is", arguments: Backend.available)
    func refusesNewerSchema(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let location = try backend.newLocation(folder)
        try Backend.open(location).close()
        try Backend.execute("INSERT INTO schema_version (version, description, applied_at, applied_by) VALUES (99, 'future', 0, 'x')", at: location)
        let before: Data? = if case .sqlite(let path) = location { FileManager.default.contents(atPath: path) } else { nil }
        #expect(throws: HistoryError.self) { try HistoryStores.openForReading(location) }
        if case .sqlite(let path) = location { #expect(FileManager.default.contents(atPath: path) == before) }
        do {
            _ = try HistoryStores.openForReading(location)
        } catch {
            #expect(error.code == .newerSchema)
        }
    }
}
