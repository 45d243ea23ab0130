import ClearanceEngine
import ClearancePolicy

/// `github`: GitHub Actions workflow commands, so each finding to act on is an annotation on its file, line and column.
///
/// `::error` for exactly the findings that fail the run (``Report/failing(at:)``: an error, or a fail at or above
/// `--fail-on` the baseline does not accept); `::warning` for a fail below `--fail-on`; `::notice` for a pending
/// gate item. Passes, skips, waived findings and findings the baseline accepts get none; a `::notice` with the
/// summary line ends the output.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let fileName = "report.github.txt"
    public static let recordsEvidence = false

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var lines: [String] = []
        for finding in report.findings {
            guard let (level, note) = Self.annotation(for: finding, report, context.failOn) else { continue }
            let rule = finding.rule
            let properties = [("file", finding.location.file), ("line", String(finding.location.line)), ("col", String(finding.location.column)),
                              ("title", "\(rule.id) \(rule.title) (\(rule.severity.rawValue)\(note))")]
            lines.append(Self.command(level, properties: properties, message: finding.message))
        }
        lines.append(Self.command("notice", properties: [("title", "Clearance")], message: TextReporter.summaryLine(report, context: context)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The annotation of a finding and the note its title gets, or `nil` for none: `error` when it fails the run,
    /// `warning` for a fail below the threshold, `notice` for a pending gate item.
    static func annotation(for finding: Finding, _ report: Report, _ threshold: Severity) -> (String, String)? {
        if report.isFailing(finding, at: threshold) { return ("error", "") }
        switch finding.status {
        case .fail where !report.isBaselined(finding): return ("warning", ", below --fail-on \(threshold.rawValue)")
        case .pending: return ("notice", ", pending: blocks credentials")
        default: return nil
        }
    }

    /// `::name key=value,…::message`, every part escaped.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        "::\(name) " + properties.map { $0.0 + "=" + WorkflowCommandEscaping.property($0.1) }.joined(separator: ",")
            + "::" + WorkflowCommandEscaping.message(message)
    }
}
