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
    /// The checklists, in input order (each made into its card as the page is written).
    let checklists: [Checklist]
    /// How many of them need attention.
    let attention: Int
    /// `26 · 15 need attention`.
    let groupSummary: String

    /// The groups of a report, one per kind that has documents, in the order policies may target them.
    static func all(_ report: Report, subjects: [Subject], jobs: Int = 1) -> [SubjectGroup] {
        let all = Checklist.all(report, subjects: subjects, jobs: jobs)
        return report.catalogue.kinds.descriptors.compactMap { descriptor in
            let kind = descriptor.kind
            let checklists = all.filter { $0.subject.kind == kind }
            guard !checklists.isEmpty else { return nil }
            let attention = checklists.filter(\.needsAttention).count
            let title = descriptor.naming.groupTitle
            return SubjectGroup(kind: kind.rawValue, groupTitle: title, groupAnchor: title.lowercased().replacingOccurrences(of: " ", with: "-"),
                                checklists: checklists, attention: attention,
                                groupSummary: "\(checklists.count) · \(attention) need\(attention == 1 ? "s" : "") attention")
        }
    }
}
