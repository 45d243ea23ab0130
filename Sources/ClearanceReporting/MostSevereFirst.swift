import ClearanceEngine
import ClearancePolicy

/// The order in which a format that can show only some findings (GitHub's annotations, SARIF's results, the step summary)
/// shows them: the rule's severity, most severe first; at one severity an error (nothing could be decided) before a fail,
/// a fail before a pending item, and a waived finding last; otherwise report order.
enum MostSevereFirst {
    /// `findings` in that order; the sort is stable. There are only a few keys (severity and outcome), so the findings are
    /// counted into one bucket per key and taken bucket by bucket: linear in the findings, which a first audit has by millions.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let keys = findings.map(key)
        var starts = [Int](repeating: 0, count: (keys.max() ?? 0) + 2)
        for key in keys { starts[key + 1] += 1 }
        for bucket in starts.indices.dropLast() { starts[bucket + 1] += starts[bucket] }
        var order = [Int](repeating: 0, count: findings.count)
        for (index, key) in keys.enumerated() {
            order[starts[key]] = index
            starts[key] += 1
        }
        return order.map { findings[$0] }
    }

    /// How many keys there are: ``key(_:)`` is below this.
    static let keyCount = (Severity.critical.rank + 1) * 4

    /// Smaller first: severity descending, then the outcome's weight.
    static func key(_ finding: Finding) -> Int {
        key(finding.status, finding.rule.severity)
    }

    /// The key of a finding with this outcome, of a rule of this severity.
    static func key(_ status: FindingStatus, _ severity: Severity) -> Int {
        let outcome: Int
        switch status {
        case .error: outcome = 0
        case .fail: outcome = 1
        case .pending: outcome = 2
        default: outcome = 3
        }
        return (Severity.critical.rank - severity.rank) * 4 + outcome
    }

    /// The severity of the findings with a key.
    static func severity(ofKey key: Int) -> Severity {
        Severity.allCases[min(max(0, Severity.critical.rank - key / 4), Severity.critical.rank)]
    }
}
