import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// The top of the report: when, what was checked, and the overall verdict against the fail-on threshold.
struct ReportHeading {
    /// `20 November 2026`, with the time when it is not midnight UTC.
    let asOfDay: String
    /// The as-of time in RFC 3339.
    let asOfStamp: String
    /// `32 documents (26 people, 4 vendors, 2 access manifests) checked against 44 rules in 8 policies`.
    let coverage: String
    let failOn: String
    let version: String
    /// `pass` or `fail`.
    let verdictTone: String
    let verdictMark: String
    let verdictTitle: String
    let verdictText: String

    /// The heading of a report.
    init(_ report: Report, context: ReportContext, subjects: [Subject]) {
        asOfDay = Self.day(report.asOf)
        asOfStamp = report.asOf.rfc3339
        var kinds: [String] = []
        for descriptor in report.catalogue.kinds.descriptors {
            let count = subjects.filter { $0.kind == descriptor.kind }.count
            if count > 0 { kinds.append("\(count) \(count == 1 ? descriptor.naming.one : descriptor.naming.many)") }
        }
        let rules = report.catalogue.rules.count, policies = report.catalogue.policies.count
        coverage = "\(subjects.count) document\(subjects.count == 1 ? "" : "s")" + (kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")")
            + " checked against \(rules) rule\(rules == 1 ? "" : "s") in \(policies) polic\(policies == 1 ? "y" : "ies")"
        failOn = context.failOn.rawValue
        version = context.toolVersion
        let failing = report.failing(at: context.failOn)
        let counts = report.summary
        var notes: [String] = []
        if let waived = counts[.waived], waived > 0 { notes.append("\(waived) finding\(waived == 1 ? " is" : "s are") waived") }
        if let baseline = report.baseline, !baseline.accepted.isEmpty { notes.append("\(baseline.accepted.count) accepted by the baseline") }
        if let pending = counts[.pending], pending > 0 {
            notes.append("\(pending) pre-credentials item\(pending == 1 ? " is" : "s are") pending (never failing)")
        }
        if failing.isEmpty {
            let below = report.findings.filter { $0.status == .fail && !report.isBaselined($0) }.count
            if below > 0 { notes.insert("\(below) below the threshold", at: 0) }
            verdictTone = "pass"
            verdictMark = "✓"
            verdictTitle = "Passed"
            verdictText = "Nothing fails at or above \(failOn) severity" + (notes.isEmpty ? "." : "; " + notes.joined(separator: ", ") + ".")
        } else {
            let documents = Set(failing.map { $0.kind.rawValue + "/" + $0.subject }).count
            verdictTone = "fail"
            verdictMark = "✗"
            verdictTitle = "Action required"
            verdictText = "\(failing.count) finding\(failing.count == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s") "
                + "fail at or above \(failOn) severity" + (notes.isEmpty ? "." : "; " + notes.joined(separator: ", ") + ".")
        }
    }

    /// `20 November 2026`, or `20 November 2026, 09:30 UTC`.
    static func day(_ time: Timestamp) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let civil = CivilTime(seconds: time.seconds)
        let date = "\(civil.day) \(months[(civil.month - 1) % 12]) \(civil.year)"
        guard civil.hour != 0 || civil.minute != 0 || civil.second != 0 else { return date }
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return date + ", " + twoDigits(civil.hour) + ":" + twoDigits(civil.minute) + " UTC"
    }
}
