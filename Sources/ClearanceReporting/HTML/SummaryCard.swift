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

    /// The cards of a report: the five outcomes, then people checked and people cleared by the pre-credentials gate.
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
        ]
        let people = groups.first { $0.kind == DocumentKind.teamMember.rawValue }?.subjects ?? []
        let others = groups.filter { $0.kind != DocumentKind.teamMember.rawValue }.map { "\($0.subjects.count) \($0.groupTitle.lowercased())" }
        cards.append(SummaryCard(cardLabel: "People checked", value: people.count.grouped,
                                 note: others.isEmpty ? "team members" : "and " + others.joined(separator: ", "), cardTone: "neutral"))
        let gated = people.compactMap(\.gate)
        if !gated.isEmpty {
            let cleared = gated.filter { $0.gateTone == "pass" }.count, blocked = gated.filter { $0.gateTone == "fail" }.count
            let inScope = cleared + blocked
            var note = blocked == 0 ? "none blocked by the pre-credentials gate" : "\(blocked) blocked by the pre-credentials gate"
            if inScope < gated.count { note += "; \(gated.count - inScope) out of scope" }
            cards.append(SummaryCard(cardLabel: "Cleared for credentials", value: "\(cleared) of \(inScope)", note: note,
                                     cardTone: blocked == 0 ? "pass" : "fail"))
        }
        return cards
    }
}
