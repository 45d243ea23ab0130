import ClearanceEngine
import ClearancePolicy

/// `github`: GitHub Actions workflow commands, so each finding to act on is an annotation on its file, line and column.
///
/// `::error` for exactly the findings that fail the run (``Report/failing(at:)``: an error, or a fail at or above
/// `--fail-on` the baseline does not accept); `::warning` for a fail below `--fail-on`; `::notice` for a pending
/// gate item. Passes, skips, waived findings and findings the baseline accepts get none. GitHub shows at most 10
/// annotations of each kind per step and drops the rest unseen, so each kind goes out most severe first, capped (10
/// errors, 10 warnings, 8 pending notices), then one notice counting what was left out and saying where every finding is;
/// a `::notice` with the summary line ends the output.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let fileName = "report.github.txt"
    public static let recordsEvidence = false

    /// The annotations of each kind GitHub shows for one step.
    static let shownPerKind = 10
    /// The pending-item notices written: the rest of the step's ten are the count of what was left out and the summary.
    static let pendingNotices = shownPerKind - 2

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        var byLevel: [String: [(Finding, String)]] = [:]
        for finding in MostSevereFirst.sorted(report.findings) {
            guard let (level, note) = Self.annotation(for: finding, report, context.failOn) else { continue }
            byLevel[level, default: []].append((finding, note))
        }
        var lines: [String] = [], left: [(count: Int, what: String)] = []
        for (level, cap, what) in [("error", Self.shownPerKind, "failing"), ("warning", Self.shownPerKind, "below --fail-on"),
                                   ("notice", Self.pendingNotices, "pending")] {
            let found = byLevel[level] ?? []
            for (finding, note) in found.prefix(cap) {
                let rule = finding.rule
                let properties = [("file", finding.location.file), ("line", String(finding.location.line)), ("col", String(finding.location.column)),
                                  ("title", "\(rule.id) \(rule.title) (\(rule.severity.rawValue)\(note))")]
                lines.append(Self.command(level, properties: properties, message: finding.message))
            }
            if found.count > cap { left.append((found.count - cap, what)) }
        }
        if !left.isEmpty {
            let total = left.reduce(0) { $0 + $1.count }
            let parts = left.map { "\($0.count) \($0.what)" }.joined(separator: ", ")
            let whereAll = context.fullReport.map { "every finding is in \($0)" } ?? "`clearance check --format text` lists every finding"
            lines.append(Self.command("notice", properties: [("title", "Clearance: \(total) more not annotated")],
                                      message: "\(total) more findings are not annotated (\(parts)): GitHub shows \(Self.shownPerKind) of each kind per step, "
                                          + "the most severe above; \(whereAll)"))
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
