import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// `text`: findings grouped by person (or vendor, or manifest) as a checklist, then one summary line.
///
/// Only subjects with something to act on are listed: fails, errors, waivers and pending gate items. Every value read from a
/// file is shown through ``VisibleText/escaped(_:)``, so no control character reaches a terminal or starts a line of its own.
public struct TextReporter: Reporter {
    public static let name = "text"
    public static let fileName = "report.txt"
    public static let recordsEvidence = false
    public static let streamsFindings = true

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        joinedPieces(report, context: context)
    }

    /// The report a line at a time, handed on in pieces of about a mebibyte, so a long one is never held whole.
    public func stream(_ report: Report, context: ReportContext, to write: (String) -> Void) {
        // `Lines` keeps the function only while this call runs.
        withoutActuallyEscaping(write) { write in stream(report, context: context, into: Lines(write: write)) }
    }

    private func stream(_ report: Report, context: ReportContext, into lines: Lines) {
        var lines = lines
        let style = TextStyle(enabled: context.color)
        let shown = VisibleText.escaped
        func header(_ first: Finding) {
            lines.append(style.bold(VisibleText.lineStart(shown(first.subject))) + style.dim("  \(first.kind.rawValue) · \(shown(first.location.file))"))
        }
        func add(_ finding: Finding) {
            let (mark, colour) = Self.mark(finding.status)
            var line = "  " + style.color(colour, mark) + " " + Self.pad(shown(finding.rule.id), 8) + " " + Self.pad(finding.rule.severity.rawValue, 8) + " " + shown(finding.message)
            if finding.status == .waived, let waiver = finding.waiver { line += style.dim("  (waived by \(shown(waiver.id)) until \(shown(waiver.expiresText)))") }
            if report.isBaselined(finding) {
                line += style.dim("  (in the baseline)")
            } else if finding.status == .fail && !report.isFailing(finding, at: context.failOn) {
                line += style.dim("  (below --fail-on \(context.failOn.rawValue))")
            }
            if finding.status == .pending { line += style.dim("  (pending: blocks credentials, not a violation)") }
            lines.append(line)
            lines.append("    " + style.dim(shown(finding.location.description + (finding.element.map { " · " + $0 } ?? ""))))
        }
        if let stream = report.streamed, stream.groupsBySubject {
            // Each subject's findings come together: a group ends where the next subject's first finding is.
            var current: (kind: DocumentKind, subject: String)?
            stream.forEachBatch(jobs: context.jobs) { $0.filter(\.needsAttention) } consume: { findings in
                for finding in findings {
                    if current?.kind != finding.kind || current?.subject != finding.subject {
                        if current != nil { lines.append("") }
                        current = (finding.kind, finding.subject)
                        header(finding)
                    }
                    add(finding)
                }
            }
            if current != nil { lines.append("") }
        } else {
            // A streamed report whose subjects' findings may be apart is gathered whole, as a report that kept them is.
            var attention = report.findings
            report.streamed?.forEachBatch(jobs: context.jobs) { $0.filter(\.needsAttention) } consume: { attention += $0 }
            for group in Report.attentionBySubject(attention) {
                header(group[0])
                group.forEach(add)
                lines.append("")
            }
        }
        if let resolved = report.baseline?.resolved, !resolved.isEmpty {
            lines.append(style.bold("Resolved since the baseline"))
            for entry in resolved {
                lines.append("  " + style.color(.green, "✓") + " " + Self.pad(shown(entry.rule), 8) + " " + shown(entry.subject + (entry.element.map { " " + $0 } ?? "") + ": " + entry.message))
            }
            lines.append("")
        }
        if let sources = Self.sourcesLine(report) { lines.append(style.dim(sources)) }
        lines.append(Self.summaryLine(report, context: context))
        lines.finish()
    }

    /// Text gathered a line at a time, each ended by a newline, and handed on once it passes a mebibyte.
    private struct Lines {
        let write: (String) -> Void
        private var text = ""

        init(write: @escaping (String) -> Void) { self.write = write }

        mutating func append(_ line: String) {
            text += line
            text += "\n"
            if text.utf8.count >= TextReporter.pieceSize { finish() }
        }

        /// Hands on what is gathered.
        mutating func finish() {
            if !text.isEmpty { write(text) }
            text = ""
        }
    }

    /// `Sources: 2 exports, 14 records (9 linked, 1 service, 2 unlinked, 2 ambiguous), the oldest generated 2026-11-19T06:00:00Z; `clearance sources` lists them.`,
    /// or `nil` without sources.
    public static func sourcesLine(_ report: Report) -> String? {
        guard let oldest = report.sources.map(\.generatedAt).min() else { return nil }
        let exports = report.sources.count, records = report.sources.map(\.records).reduce(0, +)
        let links = SourcesListing.linkStates.map { state in "\(report.sources.map { $0.links[state] ?? 0 }.reduce(0, +)) \(state)" }
        return "Sources: \(exports) export\(exports == 1 ? "" : "s"), \(records) record\(records == 1 ? "" : "s") (" + links.joined(separator: ", ") + "), "
            + (exports == 1 ? "generated " : "the oldest generated ") + oldest.rfc3339 + "; `clearance sources` lists them."
    }

    /// `18 documents checked against 42 rules: 512 pass, 23 fail, 1 error, 2 waived, 88 skip; 24 failing at or above low.`
    public static func summaryLine(_ report: Report, context: ReportContext) -> String {
        let counts = report.summary
        let subjects = report.documentsChecked
        let failing = report.failingCount(at: context.failOn)
        var outcome = failing == 0 ? "nothing failing at or above \(context.failOn.rawValue)" : "\(failing) failing at or above \(context.failOn.rawValue)"
        if let baseline = report.baseline {
            outcome += " (\(baseline.accepted.count) accepted by the baseline, \(baseline.resolved.count) resolved)"
        }
        let rules = report.catalogue.rules.count
        return "\(subjects) document\(subjects == 1 ? "" : "s") checked against \(rules) rule\(rules == 1 ? "" : "s"): "
            + FindingStatus.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "; " + outcome + "."
    }

    /// The checklist mark and colour of an outcome.
    public static func mark(_ status: FindingStatus) -> (String, TextStyle.Colour) {
        switch status {
        case .pass: ("✓", .green)
        case .fail: ("✗", .red)
        case .error: ("!", .magenta)
        case .waived: ("~", .yellow)
        case .skip: ("-", .gray)
        case .pending: ("…", .blue)
        }
    }

    /// Text padded with spaces to a width.
    public static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

/// ANSI styling that does nothing when colour is off.
public struct TextStyle: Sendable {
    /// The colours used.
    public enum Colour: String, Sendable {
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", gray = "90"
    }

    /// Whether escapes are written.
    public let enabled: Bool

    /// Creates a style.
    public init(enabled: Bool) { self.enabled = enabled }

    /// Text in a colour.
    public func color(_ colour: Colour, _ text: String) -> String { enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text }
    /// Bold text.
    public func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    /// Dimmed text.
    public func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
