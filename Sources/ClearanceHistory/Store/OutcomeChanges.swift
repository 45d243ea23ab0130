import ClearanceCore

/// The change log rows a run adds for its outcomes: one for each finding whose outcome differs from the history's
/// state before the run, and none for an unchanged one.
///
/// The state is the findings that need attention (``OutcomeRecord/keptStatuses``). A row is written when a finding
/// enters the state, changes status or severity in it, or leaves it: as `pass` or `skip` when the run still reports
/// it, as `gone` when the run no longer reports it at all although its rule and subject were within the run.
struct OutcomeChanges {
    /// One row of the change log: the outcome and since when (seconds) it has held.
    struct Row: Equatable {
        var outcome: OutcomeRecord
        var since: Int64
    }

    /// The rows, new and changed outcomes first in the run's order, then those that left the state by fingerprint.
    let rows: [Row]

    /// Compares `outcomes` (every finding the run kept) with `previous` (the state before it, by fingerprint) within
    /// `scope` (nil: the whole project), at the run's evaluation time `asOf` in seconds. `watched` names the subjects,
    /// by rule id, whose pass and skip findings `outcomes` holds (nil: every one); a finding of the state outside it
    /// that the run did not report is left as it was, since the run cannot tell a pass from a removal.
    init(previous: [String: Row], outcomes: [OutcomeRecord], scope: RunScope?, asOf: Int64, watched: [String: Set<String>]? = nil) {
        // One outcome per fingerprint: the one that needs attention most, should two findings share one.
        var current: [String: OutcomeRecord] = [:]
        var order: [String] = []
        for outcome in outcomes {
            if let seen = current[outcome.fingerprint] {
                if Self.rank(outcome.status) < Self.rank(seen.status) { current[outcome.fingerprint] = outcome }
            } else {
                current[outcome.fingerprint] = outcome
                order.append(outcome.fingerprint)
            }
        }
        var rows: [Row] = []
        for fingerprint in order {
            let outcome = current[fingerprint]!  // safe: every fingerprint in order was added
            guard outcome.isKept else { continue }
            let before = previous[fingerprint]
            if let before, before.outcome.status == outcome.status, before.outcome.severity == outcome.severity { continue }
            let since = before.map { $0.outcome.status == outcome.status ? $0.since : asOf } ?? asOf
            rows.append(Row(outcome: outcome, since: since))
        }
        for fingerprint in previous.keys.sorted() {
            let before = previous[fingerprint]!  // safe: a key of previous
            if let now = current[fingerprint] {
                if !now.isKept { rows.append(Row(outcome: now, since: asOf)) }
            } else if let watched, watched[before.outcome.rule]?.contains(before.outcome.subject) != true {
                continue
            } else if scope?.covers(rule: before.outcome.rule, kind: before.outcome.kind, subject: before.outcome.subject) ?? true {
                rows.append(Row(outcome: before.outcome.with(status: "gone"), since: asOf))
            }
        }
        self.rows = rows
    }

    /// The order of outcomes from the one that needs attention most.
    static func rank(_ status: String) -> Int { OutcomeRecord.rank(status) }
}
