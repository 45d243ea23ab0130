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
        let all = Checklist.all(report, subjects: subjects)
        return report.catalogue.kinds.descriptors.compactMap { descriptor in
            let kind = descriptor.kind
            let ofKind = all.filter { $0.subject.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            let checklists = ofKind.map(SubjectChecklist.init)
            let attention = checklists.filter(\.needsAttention).count
            let title = descriptor.naming.groupTitle
            return SubjectGroup(kind: kind.rawValue, groupTitle: title, groupAnchor: title.lowercased().replacingOccurrences(of: " ", with: "-"),
                                subjects: checklists, groupSummary: "\(checklists.count) · \(attention) need\(attention == 1 ? "s" : "") attention")
        }
    }
}
