import ClearanceCore
import ClearanceEngine
import ClearanceHistory
import ClearancePolicy
import ClearanceReporting

/// What the audit report shows of the history: read (never written) from the history `--record` would record in, when
/// it holds a run; compared with this run's findings before this run is recorded, so "the last run" is the one before it.
enum ReportHistoryLoader {
    /// How many recorded runs the trend shows before this run.
    static let runsShown = 10

    /// The history of `report` from the store `--history` (given with `--record`), `history:` or the default names; nil
    /// when nothing was recorded there. A history that cannot be read is a diagnostic naming it, which the audit prints
    /// once its reports are written, as when recording fails.
    static func load(_ report: Report, given: String?, _ configuration: ProjectConfiguration, _ location: ProjectLocation) throws(Diagnostic) -> ReportHistory? {
        let place = try HistoryPlace.location(given: given, configuration, location)
        let runs: [RunSummary], previousState: [OutcomeRecord], name: String
        do {
            guard let store = try HistoryStores.openForReading(place) else { return nil }
            defer { store.close() }
            name = store.name
            runs = try store.runs()
            previousState = try runs.last.map { try store.outcomes(atRun: $0.id) } ?? []
        } catch {
            throw HistoryPlace.diagnostic(error)
        }
        guard let previous = runs.last else { return nil }
        // One outcome per fingerprint, the one needing attention most, as the history records it.
        // Of the passes and skips, only those of a rule and subject that needed attention can matter: the rest are not read.
        let watched = Set(previousState.map { $0.rule + "\u{1F}" + $0.subject })
        var current: [String: OutcomeRecord] = [:]
        for finding in report.findings
        where (finding.status != .pass && finding.status != .skip) || watched.contains(finding.rule.id + "\u{1F}" + finding.subject) {
            let outcome = OutcomeRecord(finding)
            if let seen = current[outcome.fingerprint], OutcomeRecord.rank(seen.status) <= OutcomeRecord.rank(outcome.status) { continue }
            current[outcome.fingerprint] = outcome
        }
        let leaving = Dictionary(uniqueKeysWithValues: previousState.map { ($0.fingerprint, current[$0.fingerprint]?.status ?? "gone") })
        let comparison = RunComparison(before: previousState, after: current.values.filter(\.isKept), leaving: leaving)
        let failing = { (counts: [String: Int]) in (counts["fail"] ?? 0) + (counts["error"] ?? 0) }
        let whole = runs.filter { $0.scope == nil }.suffix(runsShown)
        let trend = whole.map { ReportHistory.Run(id: $0.id, asOf: $0.asOf, failing: failing($0.counts)) }
            + [ReportHistory.Run(id: nil, asOf: report.asOf.rfc3339, failing: failing(Dictionary(uniqueKeysWithValues: report.summary.map { ($0.key.rawValue, $0.value) })))]
        return ReportHistory(store: name, previous: ReportHistory.Run(id: previous.id, asOf: previous.asOf, failing: failing(previous.counts)), runs: trend,
                             new: comparison.new.map { finding($0, now: nil) },
                             resolved: comparison.resolved.map { finding($0.before, now: $0.now) })
    }

    /// A finding as the report shows it.
    static func finding(_ outcome: OutcomeRecord, now: String?) -> ReportHistory.Finding {
        ReportHistory.Finding(rule: outcome.rule, subject: outcome.subject, element: outcome.element, status: outcome.status, severity: outcome.severity,
                              now: now, message: outcome.message, location: "\(outcome.file):\(outcome.line):\(outcome.column)")
    }
}
