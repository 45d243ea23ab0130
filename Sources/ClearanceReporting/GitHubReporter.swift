import ClearanceEngine
import ClearancePolicy

/// `github`: GitHub Actions workflow commands, so each failing finding is an annotation on its file, line and column.
///
/// `::error` for a fail of severity medium or above and for every error, `::warning` for low, `::notice` for info.
/// Passes, skips, waived findings and findings the baseline accepts get none; a `::notice` with the summary line ends the output.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let fileName = "report.github.txt"
    public static let recordsEvidence = false

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var lines: [String] = []
        for finding in report.findings where finding.status.isFailing && !report.isBaselined(finding) {
            let rule = finding.rule
            let properties = [("file", finding.location.file), ("line", String(finding.location.line)), ("col", String(finding.location.column)),
                              ("title", "\(rule.id) \(rule.title) (\(rule.severity.rawValue))")]
            lines.append(Self.command(Self.command(for: finding), properties: properties, message: finding.message))
        }
        lines.append(Self.command("notice", properties: [("title", "Clearance")], message: TextReporter.summaryLine(report, context: context)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `::name key=value,…::message`, every part escaped.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        "::\(name) " + properties.map { $0.0 + "=" + WorkflowCommandEscaping.property($0.1) }.joined(separator: ",")
            + "::" + WorkflowCommandEscaping.message(message)
    }

    /// The annotation level of a failing finding: an error is always `error`; a fail by its severity.
    static func command(for finding: Finding) -> String {
        if finding.status == .error { return "error" }
        switch finding.rule.severity {
        case .critical, .high, .medium: return "error"
        case .low: return "warning"
        case .info: return "notice"
        }
    }
}
