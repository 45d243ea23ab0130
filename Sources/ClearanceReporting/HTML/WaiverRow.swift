import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// One waiver as the waivers table shows it: what it covers, who approved it, and whether it is live at the as-of time.
struct WaiverRow {
    let waiverID: String
    let rule: String
    let ruleName: String?
    let subject: String
    let justification: String
    let approvedBy: String
    let expires: String
    /// `Live` or `Expired`.
    let state: String
    /// `pass` for live, `fail` for expired.
    let tone: String
    /// `26 days left · 1 finding waived`, or `ended 19 days before the as-of date; waives nothing`.
    let stateNote: String
    /// Where the waiver is written.
    let location: String

    /// The row of a waiver: live through its expiry, and how many findings it waived in this run.
    init(_ waiver: Waiver, report: Report, waivedCount: Int) {
        waiverID = waiver.id
        rule = waiver.ruleID
        ruleName = report.catalogue.rule(waiver.ruleID)?.title
        subject = waiver.subject == "*" ? "* (every subject)" : waiver.subject
        justification = waiver.justification
        approvedBy = waiver.approvedBy
        expires = waiver.expiresText
        location = waiver.location.description
        let live = waiver.isLive(at: report.asOf)
        state = live ? "Live" : "Expired"
        tone = live ? "pass" : "fail"
        let seconds = waiver.expiresAt.seconds - report.asOf.seconds
        let days = live ? (seconds + 86_399) / 86_400 : -seconds / 86_400
        let waived = "\(waivedCount) finding\(waivedCount == 1 ? "" : "s") waived"
        stateNote = live ? "\(days) day\(days == 1 ? "" : "s") left · \(waived)"
            : days == 0 ? "ended on the as-of day; waives nothing" : "ended \(days) day\(days == 1 ? "" : "s") before the as-of date; waives nothing"
    }
}
