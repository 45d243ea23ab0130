/// What changed between two results of the history (two recorded runs, or a recorded run and a run not yet
/// recorded): findings that need attention in the later one only (new), in the earlier one only (resolved), and in
/// both with another status or severity (changed). Findings are matched by fingerprint.
public struct RunComparison: Sendable, Equatable {
    /// A finding that needed attention before and no longer does.
    public struct Resolved: Sendable, Equatable {
        /// The finding as it was before.
        public var before: OutcomeRecord
        /// What it is now, when the change log between the two runs says: `pass`, `skip` or `gone` (no longer
        /// reported at all); nil when not known (the runs compared backwards).
        public var now: String?
    }

    /// A finding that needs attention in both, with another status or severity.
    public struct Changed: Sendable, Equatable {
        /// The finding before.
        public var before: OutcomeRecord
        /// The finding after.
        public var after: OutcomeRecord
    }

    /// The findings that need attention only after, in report order (rule, subject, element).
    public var new: [OutcomeRecord]
    /// The findings that needed attention only before.
    public var resolved: [Resolved]
    /// The findings whose status or severity changed.
    public var changed: [Changed]

    /// Compares the findings that needed attention `before` with those that need it `after` (each one per
    /// fingerprint); `leaving` gives, by fingerprint, the status a finding left the state with (`pass`, `skip`, `gone`).
    public init(before: [OutcomeRecord], after: [OutcomeRecord], leaving: [String: String] = [:]) {
        let earlier = Dictionary(before.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let later = Dictionary(after.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        new = after.filter { earlier[$0.fingerprint] == nil }.sorted(by: Self.reportOrder)
        resolved = before.filter { later[$0.fingerprint] == nil }.sorted(by: Self.reportOrder)
            .map { Resolved(before: $0, now: leaving[$0.fingerprint]) }
        changed = after.compactMap { outcome -> Changed? in
            guard let old = earlier[outcome.fingerprint], old.status != outcome.status || old.severity != outcome.severity else { return nil }
            return Changed(before: old, after: outcome)
        }.sorted { Self.reportOrder($0.after, $1.after) }
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty && changed.isEmpty }

    /// Rule, then subject, then element, then fingerprint.
    static func reportOrder(_ a: OutcomeRecord, _ b: OutcomeRecord) -> Bool {
        (a.rule, a.subject, a.element ?? "", a.fingerprint) < (b.rule, b.subject, b.element ?? "", b.fingerprint)
    }
}

extension HistoryStore {
    /// The comparison of run `from` with run `to` (either may be the earlier): the findings each needed attention
    /// after, and for each resolved one how it left when `from` is the earlier run.
    public func comparison(from: Int64, to: Int64) throws(HistoryError) -> RunComparison {
        let before = try outcomes(atRun: from)
        let after = try outcomes(atRun: to)
        var leaving: [String: String] = [:]
        if from < to {
            for change in try outcomeLog(after: from, through: to) {
                if change.outcome.isKept { leaving[change.outcome.fingerprint] = nil } else { leaving[change.outcome.fingerprint] = change.outcome.status }
            }
        }
        return RunComparison(before: before, after: after, leaving: leaving)
    }
}
