import ClearancePolicy

/// How long findings stayed failing: for each time a finding started failing, the evaluation time it started and
/// the first run after which it no longer needed attention (passed, was skipped, or was no longer reported), with
/// the median and 90th percentile per severity. A finding waived while failing still needs attention: the time runs
/// on. One that fails again after it was remediated starts a new period.
public struct Remediation: Sendable, Equatable {
    /// One period of a finding from its first failing run.
    public struct Period: Sendable, Equatable {
        /// The finding as last recorded in the period (its severity is the one the statistics use).
        public var outcome: OutcomeRecord
        /// The run in which it started failing.
        public var openedRun: Int64
        /// The evaluation time since which it failed (seconds; kept when older runs are pruned).
        public var openedAt: Int64
        /// The first run in which it no longer needed attention; nil while still open.
        public var closedRun: Int64?
        /// That run's evaluation time.
        public var closedAt: Int64?
        /// How it left: `pass`, `skip` or `gone`; nil while open.
        public var closedAs: String?
        /// The time to remediate in seconds, or for an open period its age at the latest run's evaluation time.
        public var seconds: Int64

        /// Whether it still needs attention after the latest run.
        public var isOpen: Bool { closedRun == nil }
    }

    /// The figures of one severity.
    public struct Statistics: Sendable, Equatable {
        /// The severity.
        public var severity: String
        /// Periods remediated.
        public var remediated: Int
        /// The median time to remediate in seconds (nearest rank); nil with none remediated.
        public var median: Int64?
        /// The 90th percentile (nearest rank); nil with none remediated.
        public var percentile90: Int64?
        /// Periods still open.
        public var open: Int
        /// The age of the oldest open one in seconds; nil with none open.
        public var oldestOpen: Int64?
    }

    /// Every period: remediated ones in the order they closed, then open ones by age (oldest first); ties in report order.
    public var periods: [Period]
    /// The figures per severity, most severe first; severities with no period are left out.
    public var bySeverity: [Statistics]

    /// The value at percentile `percent` of `sorted` (ascending) by the nearest-rank method: the value at rank
    /// ⌈percent/100 × n⌉ (1-based), so the median of 4 values is the 2nd and the 90th percentile of 10 values the 9th.
    public static func nearestRank(_ sorted: [Int64], percent: Int) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = (percent * sorted.count + 99) / 100
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Collects periods from the change log in run order.
    struct Builder {
        private var open: [String: Period] = [:]
        private var closed: [Period] = []

        /// Takes one row of the change log.
        mutating func add(_ change: OutcomeChange) {
            let fingerprint = change.outcome.fingerprint
            if var period = open[fingerprint] {
                if change.outcome.isKept {
                    period.outcome = change.outcome
                    open[fingerprint] = period
                } else {
                    period.closedRun = change.run
                    period.closedAt = change.since
                    period.closedAs = change.outcome.status
                    period.seconds = change.since - period.openedAt
                    closed.append(period)
                    open[fingerprint] = nil
                }
            } else if RunTrend.failingStatuses.contains(change.outcome.status) {
                open[fingerprint] = Period(outcome: change.outcome, openedRun: change.run, openedAt: change.since, seconds: 0)
            }
        }

        /// The periods and figures, open ones aged at `latest` (seconds).
        func finish(latest: Int64) -> Remediation {
            let stillOpen = open.values.map { period -> Period in
                var aged = period
                aged.seconds = latest - period.openedAt
                return aged
            }.sorted { $0.openedAt != $1.openedAt ? $0.openedAt < $1.openedAt : RunComparison.reportOrder($0.outcome, $1.outcome) }
            let ended = closed.sorted { $0.closedRun != $1.closedRun ? ($0.closedRun ?? 0) < ($1.closedRun ?? 0) : RunComparison.reportOrder($0.outcome, $1.outcome) }
            let periods = ended + stillOpen
            var severities = Severity.allCases.reversed().map(\.rawValue)
            severities += Set(periods.map(\.outcome.severity)).subtracting(severities).sorted()
            let statistics = severities.compactMap { severity -> Statistics? in
                let mine = periods.filter { $0.outcome.severity == severity }
                guard !mine.isEmpty else { return nil }
                let times = mine.filter { !$0.isOpen }.map(\.seconds).sorted()
                let ages = mine.filter(\.isOpen).map(\.seconds)
                return Statistics(severity: severity, remediated: times.count, median: Remediation.nearestRank(times, percent: 50),
                                  percentile90: Remediation.nearestRank(times, percent: 90), open: ages.count, oldestOpen: ages.max())
            }
            return Remediation(periods: periods, bySeverity: statistics)
        }
    }
}
