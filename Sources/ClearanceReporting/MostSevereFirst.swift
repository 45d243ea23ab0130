import ClearanceEngine
import ClearancePolicy

/// The order in which a format that can show only some findings (GitHub's annotations, SARIF's results, the step summary)
/// shows them: the rule's severity, most severe first; at one severity an error (nothing could be decided) before a fail,
/// a fail before a pending item, and a waived finding last; otherwise report order.
enum MostSevereFirst {
    /// `findings` in that order; the sort is stable.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// Smaller first: severity descending, then the outcome's weight.
    private static func key(_ finding: Finding) -> Int {
        let outcome: Int
        switch finding.status {
        case .error: outcome = 0
        case .fail: outcome = 1
        case .pending: outcome = 2
        default: outcome = 3
        }
        return (Severity.critical.rank - finding.rule.severity.rank) * 4 + outcome
    }
}
