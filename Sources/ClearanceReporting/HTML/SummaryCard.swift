import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// One figure of the summary: outcome counts, people checked, people cleared for credentials.
struct SummaryCard {
    let cardLabel: String
    let value: String
    let note: String
    /// A CSS tone: an outcome, or `neutral`.
    let cardTone: String

    /// The cards of a report: the six outcomes, then people checked and people cleared by the pre-credentials gate.
    static func all(_ report: Report, groups: [SubjectGroup]) -> [SummaryCard] {
        let counts = report.summary
        func outcome(_ status: FindingStatus, _ label: String, _ note: String) -> SummaryCard {
            SummaryCard(cardLabel: label, value: (counts[status] ?? 0).grouped, note: note, cardTone: status.rawValue)
        }
        var cards = [
            outcome(.pass, "Pass", "requirement met"),
            outcome(.fail, "Fail", "requirement not met"),
            outcome(.error, "Error", "could not be evaluated; counts as failing"),
            outcome(.waived, "Waived", "accepted by a live waiver"),
            outcome(.skip, "Skip", "rule does not apply"),
            outcome(.pending, "Pending", "gate item not met yet; never failing"),
        ]
        let people = groups.first { $0.kind == DocumentKind.teamMember.rawValue }?.checklists ?? []
        let others = groups.filter { $0.kind != DocumentKind.teamMember.rawValue }.map { group in
            // The kind's own words ("AI workflows"), not its lowercased heading; one document is counted in the singular.
            let naming = report.catalogue.kinds.descriptor(DocumentKind(group.kind))?.naming
            let word = group.checklists.count == 1 ? naming?.one : naming?.many
            return "\(group.checklists.count) \(word ?? group.groupTitle.lowercased())"
        }
        cards.append(SummaryCard(cardLabel: "People checked", value: people.count.grouped,
                                 note: others.isEmpty ? "team members" : "and " + others.joined(separator: ", "), cardTone: "neutral"))
        let gated = people.compactMap(\.gate)
        if !gated.isEmpty {
            let count = { (state: CredentialsGate.State) in gated.filter { $0.state == state }.count }
            let cleared = count(.cleared), blocked = count(.blocked), breached = count(.breached)
            let inScope = gated.count - count(.notApplicable)
            var notes = [blocked == 0 ? "none blocked" : "\(blocked) blocked", breached == 0 ? "none breached" : "\(breached) breached"]
            if inScope < gated.count { notes.append("\(gated.count - inScope) left (not applicable)") }
            cards.append(SummaryCard(cardLabel: "Cleared for credentials", value: "\(cleared) of \(inScope)", note: notes.joined(separator: ", "),
                                     cardTone: breached > 0 ? "fail" : blocked > 0 ? "pending" : "pass"))
        }
        return cards
    }
}
