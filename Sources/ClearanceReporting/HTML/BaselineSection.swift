import ClearanceCore
import ClearanceEngine

/// The comparison with a baseline: failing findings that are new or were already accepted, and accepted ones now fixed.
struct BaselineSection {
    /// One accepted finding that no longer fails.
    struct Resolved {
        let resolvedRule: String
        let resolvedSubject: String
        let resolvedElement: String?
        let resolvedMessage: String
    }

    let newCount: Int
    let unchangedCount: Int
    let resolvedCount: Int
    let resolved: [Resolved]
    let hasResolved: Bool

    /// The section of a report run with `--baseline`; `nil` without one.
    init?(_ report: Report) {
        guard let baseline = report.baseline else { return nil }
        let failing = report.findings.filter(\.status.isFailing)
        unchangedCount = failing.filter(baseline.isBaselined).count
        newCount = failing.count - unchangedCount
        resolved = baseline.resolved.map { entry in
            Resolved(resolvedRule: entry.rule, resolvedSubject: entry.subject, resolvedElement: entry.element, resolvedMessage: entry.message)
        }
        resolvedCount = resolved.count
        hasResolved = !resolved.isEmpty
    }
}
