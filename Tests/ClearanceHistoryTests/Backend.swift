import ClearanceCore
@testable import ClearanceHistory
import ClearanceTestSupport

/// A back end the store suite runs against: a SQLite file in a temporary folder, or a database of its own on the
/// suite's PostgreSQL server (``TestPostgres``).
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    var description: String { rawValue }

    /// The back ends to test: SQLite always, PostgreSQL where its programs are (and always under CI).
    static var available: [Backend] { TestPostgres.shouldRun ? [.sqlite, .postgres] : [.sqlite] }

    /// A new, empty history's location (its folder kept alive by `keep`).
    func newLocation(_ keep: TemporaryDirectory) throws -> HistoryLocation {
        switch self {
        case .sqlite: return .sqlite(path: keep.path + "/history.sqlite")
        case .postgres:
            guard case .success(let url) = PostgresURL.parse(try TestPostgres.shared().makeDatabase()) else { throw TestPostgresError(message: "bad URL") }
            return .postgres(url)
        }
    }

    /// Opens the history at `location`.
    static func open(_ location: HistoryLocation) throws -> any HistoryStore {
        try HistoryStores.open(location, toolVersion: "0.1.0", now: 1_790_000_000)
    }

    /// Runs a statement on the database directly, as another program would.
    static func execute(_ sql: String, at location: HistoryLocation) throws {
        let connection: HistoryConnection = switch location {
        case .sqlite(let path): try SQLiteHistoryConnection(path: path, name: path, readOnly: false)
        case .postgres(let url): try PostgresHistoryConnection(url: url)
        }
        defer { connection.close() }
        try connection.execute(sql)
    }
}

/// Builders of runs and outcomes for the suite.
enum Runs {
    /// The time `day` days after 2026-11-01.
    static func day(_ day: Int) -> Timestamp { Timestamp(seconds: 1_793_491_200 + Int64(day) * 86_400)! }

    /// An outcome of `rule` about member `subject`.
    static func outcome(_ rule: String, _ subject: String, _ status: String, severity: String = "high", element: String? = nil,
                        message: String = "it fails") -> OutcomeRecord {
        let identity = element
        return OutcomeRecord(fingerprint: "\(rule)/\(subject)/\(identity ?? "")", rule: rule, policy: "pack", kind: "TeamMember", subject: subject,
                             elementIdentity: identity, element: element, status: status, severity: severity, message: message,
                             file: "team/\(subject).yaml", line: 3, column: 5)
    }

    /// A run on `day` with outcomes, accounts and the exports that listed them.
    static func run(day: Int, _ outcomes: [OutcomeRecord], accounts: [AccountObservation] = [], sources: [AccountSource] = [],
                    scope: RunScope? = nil) -> RunRecord {
        var counts: [String: Int] = [:]
        for outcome in outcomes { counts[outcome.status, default: 0] += 1 }
        return RunRecord(command: "audit", recordedAt: Self.day(day), asOf: Self.day(day), toolVersion: "0.1.0", gitRevision: String(repeating: "a", count: 40),
                         configSHA256: String(repeating: "c", count: 64), settingsSHA256: String(repeating: "5", count: 64), scope: scope,
                         packs: [PackRecord(id: "pack", version: "1.2.0", file: "Policies/pack.yaml", sha256: String(repeating: "p", count: 64))],
                         files: [FileRecord(path: "team/ana.yaml", role: "input", sha256: String(repeating: "f", count: 64), size: 120),
                                 FileRecord(path: "exports/aws.csv", role: "source", sha256: String(repeating: "e", count: 64), size: 900,
                                            generatedAt: Self.day(day), format: "aws-iam-credential-report")],
                         counts: counts, ruleCounts: outcomes.map { RuleCount(rule: $0.rule, status: $0.status, count: 1) },
                         outcomes: outcomes, accounts: accounts, accountSources: sources)
    }

    /// An AWS account observation.
    static func account(_ id: String, _ status: String, person: String?, day: Int) -> AccountObservation {
        AccountObservation(system: "aws", scope: "111122223333", nativeID: id, status: status, person: person, sourceFile: "exports/aws-\(day).csv",
                           observedAt: Self.day(day))
    }

    /// The AWS export of `day`.
    static func awsSource(day: Int) -> AccountSource {
        AccountSource(system: "aws", scope: "111122223333", observedAt: Self.day(day), file: "exports/aws-\(day).csv")
    }
}
