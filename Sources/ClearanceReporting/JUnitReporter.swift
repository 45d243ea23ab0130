import ClearanceEngine
import ClearancePolicy

/// `junit`: JUnit XML (the Jenkins xUnit schema, `junit-10.xsd`) for CI test-report views.
///
/// One `<testsuite>` per policy, one `<testcase>` per finding (rule, subject, element). A finding that fails the run
/// (``Report/failing(at:)``) is a `<failure>`, or an `<error>` when it could not be evaluated; a fail below `--fail-on`,
/// a pending gate item, a skip, a waived finding and a finding the baseline accepts are `<skipped>` with the reason.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    public static let fileName = "junit.xml"
    public static let listsAllFindings = true

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let suites = Self.suites(report)
        let outcomes = suites.map { $0.findings.map { Outcome($0, report, failOn: context.failOn) } }
        let all = outcomes.flatMap { $0 }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"Clearance\"" + Self.counts(all, skipped: false) + ">"]
        for (suite, suiteOutcomes) in zip(suites, outcomes) {
            lines.append("  <testsuite name=\"\(XMLEscaping.attribute(suite.policy))\"" + Self.counts(suiteOutcomes, skipped: true)
                         + " timestamp=\"\(report.asOf.rfc3339)\">")
            for (finding, outcome) in zip(suite.findings, suiteOutcomes) {
                let name = ([finding.rule.id, finding.subject] + (finding.element.map { [$0] } ?? [])).joined(separator: " ")
                let testcase = "    <testcase name=\"\(XMLEscaping.attribute(name))\" classname=\"\(XMLEscaping.attribute(finding.rule.policyID + "." + finding.rule.id))\""
                guard let element = outcome.element else {
                    lines.append(testcase + "/>")
                    continue
                }
                var open = "<\(element) message=\"\(XMLEscaping.attribute(outcome.message))\""
                if let type = outcome.type { open += " type=\"\(XMLEscaping.attribute(type))\"" }
                if outcome.body.isEmpty {
                    lines.append(testcase + ">" + open + "/></testcase>")
                } else {
                    lines += [testcase + ">", "      " + open + ">" + outcome.body + "</\(element)>", "    </testcase>"]
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The findings of each policy: loaded policies in load order, then any other policy a finding names (`clearance`).
    static func suites(_ report: Report) -> [(policy: String, findings: [Finding])] {
        var suites = report.catalogue.policies.map { (policy: $0.id, findings: [Finding]()) }
        var positions = Dictionary(suites.enumerated().map { ($1.policy, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in report.findings {
            if let position = positions[finding.rule.policyID] { suites[position].findings.append(finding) } else {
                positions[finding.rule.policyID] = suites.count
                suites.append((finding.rule.policyID, [finding]))
            }
        }
        return suites
    }

    /// ` tests="…" failures="…" errors="…"`, and ` skipped="…"` where the schema has it (on a suite, not on the root).
    static func counts(_ outcomes: [Outcome], skipped: Bool) -> String {
        let count = { (element: String) in outcomes.filter { $0.element == element }.count }
        return " tests=\"\(outcomes.count)\" failures=\"\(count("failure"))\" errors=\"\(count("error"))\""
            + (skipped ? " skipped=\"\(count("skipped"))\"" : "")
    }

    /// What a test case holds: nothing for a pass, or one `<failure>`, `<error>` or `<skipped>` element.
    struct Outcome {
        var element: String?
        var message = ""
        var type: String?
        /// The element's text, already escaped: one line each for the finding, and the waiver or remediation and controls.
        var body = ""

        init(_ finding: Finding, _ report: Report, failOn: Severity) {
            let rule = finding.rule
            let located = finding.location.description + ": " + finding.message
            if report.isBaselined(finding) {
                element = "skipped"
                message = "accepted by the baseline"
                body = XMLEscaping.text(located)
                return
            }
            if finding.status == .fail && !report.isFailing(finding, at: failOn) {
                element = "skipped"
                message = "\(rule.severity.rawValue) is below --fail-on \(failOn.rawValue)"
                body = XMLEscaping.text(located)
                return
            }
            switch finding.status {
            case .pending:
                element = "skipped"
                message = "pending: blocks credentials, not a violation"
                body = XMLEscaping.text(located)
            case .pass:
                element = nil
            case .skip:
                element = "skipped"
                message = "not applicable"
            case .waived:
                element = "skipped"
                let waiver = finding.waiver
                message = waiver.map { "waived by \($0.id) until \($0.expiresText)" } ?? "waived"
                body = ([located] + (waiver.map { ["Justification: " + $0.justification, "Approved by: " + $0.approvedBy] } ?? []))
                    .map(XMLEscaping.text).joined(separator: "\n")
            case .fail, .error:
                element = finding.status == .fail ? "failure" : "error"
                message = finding.message
                type = rule.severity.rawValue
                body = ([located] + (rule.remediation.map { ["Remediation: " + $0] } ?? [])
                        + (rule.controls.isEmpty ? [] : ["Controls: " + rule.controls.map(\.description).joined(separator: ", ")]))
                    .map(XMLEscaping.text).joined(separator: "\n")
            }
        }
    }
}
