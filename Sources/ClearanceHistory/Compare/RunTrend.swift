import ClearancePolicy

/// Failing findings over the recorded runs, counted per rule, policy, control or severity, and the time each
/// finding took to remediate: both from one pass over the change log in run order.
///
/// A finding is failing when its status is `fail` or `error`; the counts are of the history's state after each run
/// (for a run narrowed by paths or policies, the findings it did not check keep their outcome).
public struct RunTrend: Sendable, Equatable {
    /// What the counts are grouped by.
    public enum Grouping: Sendable, Equatable {
        /// The rule id.
        case rule
        /// The policy (pack) id.
        case policy
        /// The severity in effect when recorded.
        case severity
        /// The framework controls each rule evidences (`SOC2:CC6.1`), given by rule id; a finding counts once under each
        /// of its rule's controls, and under `-` when its rule names none.
        case control([String: [String]])
    }

    /// The failing findings after one run.
    public struct Point: Sendable, Equatable {
        /// The run.
        public var run: Int64
        /// Its evaluation time as recorded (RFC 3339).
        public var asOf: String
        /// Failing findings per group (groups with none are left out).
        public var failing: [String: Int]
        /// Failing findings in all (each once, however many controls it counts under).
        public var total: Int
    }

    /// The statuses counted as failing.
    public static let failingStatuses: Set<String> = ["fail", "error"]

    /// One point per run, oldest first.
    public var points: [Point]
    /// Every group failing in some run: severities most severe first, other groups by their count after the latest run
    /// (most first), then by name.
    public var groups: [String]
    /// The time to remediate each finding that failed.
    public var remediation: Remediation

    /// Replays `log` (the whole change log, in run order) over `runs` (oldest first).
    public init(runs: [RunSummary], log: [OutcomeChange], by grouping: Grouping) {
        var state: [String: OutcomeRecord] = [:]
        var counts: [String: Int] = [:]
        var total = 0
        var builder = Remediation.Builder()
        var points: [Point] = []
        var next = log.startIndex
        func keys(_ outcome: OutcomeRecord) -> [String] {
            switch grouping {
            case .rule: [outcome.rule]
            case .policy: [outcome.policy]
            case .severity: [outcome.severity]
            case .control(let controls): controls[outcome.rule].flatMap { $0.isEmpty ? nil : $0 } ?? ["-"]
            }
        }
        func count(_ outcome: OutcomeRecord, _ step: Int) {
            guard Self.failingStatuses.contains(outcome.status) else { return }
            total += step
            for key in keys(outcome) { counts[key, default: 0] += step }
        }
        for run in runs {
            while next < log.endIndex && log[next].run < run.id { next += 1 }  // rows of runs not listed
            while next < log.endIndex && log[next].run == run.id {
                let change = log[next]
                next += 1
                let fingerprint = change.outcome.fingerprint
                if let old = state[fingerprint] { count(old, -1) }
                if change.outcome.isKept {
                    state[fingerprint] = change.outcome
                    count(change.outcome, 1)
                } else {
                    state[fingerprint] = nil
                }
                builder.add(change)
            }
            points.append(Point(run: run.id, asOf: run.asOf, failing: counts.filter { $0.value > 0 }, total: total))
        }
        self.points = points
        remediation = builder.finish(latest: runs.last.map(\.asOfSeconds) ?? 0)
        var seen: Set<String> = []
        for point in points { seen.formUnion(point.failing.keys) }
        if grouping == .severity {
            let known = Severity.allCases.reversed().map(\.rawValue)
            groups = known.filter(seen.contains) + seen.subtracting(known).sorted()
        } else {
            let latest = points.last?.failing ?? [:]
            groups = seen.sorted { ((latest[$0] ?? 0), $1) > ((latest[$1] ?? 0), $0) }
        }
    }
}
