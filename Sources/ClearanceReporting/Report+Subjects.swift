import ClearanceEngine

extension Report {
    /// The findings that need attention (fail, error, waived), grouped by document, documents in report order.
    var attentionBySubject: [[Finding]] { Self.attentionBySubject(findings) }

    /// Those of `findings` (in report order) that need attention, grouped by document, documents in report order.
    static func attentionBySubject(_ findings: [Finding]) -> [[Finding]] {
        var groups: [[Finding]] = []
        var positions: [String: Int] = [:]
        for finding in findings where finding.needsAttention {
            let key = finding.kind.rawValue + "/" + finding.subject
            if let position = positions[key] { groups[position].append(finding) } else {
                positions[key] = groups.count
                groups.append([finding])
            }
        }
        return groups
    }

    /// Whether a baseline accepts the finding, so that it does not fail the run.
    func isBaselined(_ finding: Finding) -> Bool { baseline?.isBaselined(finding) ?? false }
}
