import ClearanceEngine
import ClearancePolicy

/// The checklists of one kind of document: people, vendors or access manifests.
struct SubjectGroup {
    /// The document kind, such as `TeamMember`.
    let kind: String
    /// `People`, `Vendors`, `Access manifests`.
    let groupTitle: String
    /// The HTML id of the group.
    let groupAnchor: String
    /// The checklists, in input order.
    let subjects: [SubjectChecklist]
    /// `26 · 15 need attention`.
    let groupSummary: String

    /// The groups of a report, one per kind that has documents, in the order policies may target them.
    static func all(_ report: Report, subjects: [Subject]) -> [SubjectGroup] {
        var findingsBySubject: [String: [Finding]] = [:]
        for finding in report.findings { findingsBySubject[finding.kind.rawValue + "/" + finding.subject, default: []].append(finding) }
        return report.kinds.descriptors.compactMap { descriptor in
            let kind = descriptor.kind
            let ofKind = subjects.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            let rules = report.policies.rules.filter { $0.target == kind }
            let policies = report.policies.policies.filter { $0.target == kind }
            let checklists = ofKind.map { subject in
                SubjectChecklist(subject, findings: findingsBySubject[kind.rawValue + "/" + subject.id] ?? [], rules: rules, policies: policies)
            }
            let attention = checklists.filter(\.needsAttention).count
            let title = descriptor.naming.groupTitle
            return SubjectGroup(kind: kind.rawValue, groupTitle: title, groupAnchor: title.lowercased().replacingOccurrences(of: " ", with: "-"),
                                subjects: checklists, groupSummary: "\(checklists.count) · \(attention) need\(attention == 1 ? "s" : "") attention")
        }
    }
}
