import ClearanceCore
import ClearanceEngine

/// `html`: the audit report as one self-contained page (inline CSS and SVG, no request), readable offline and printable:
/// summary, charts, control tables per framework, a checklist per person, vendor and manifest, waivers, evidence.
///
/// Values from input files and policies are HTML-escaped by the templates (``HTMLTemplateLibrary``).
public struct HTMLReporter: Reporter {
    public static let name = "html"
    public static let fileName = "report.html"
    public static let listsAllFindings = true

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        // Mustache escapes HTML but not control characters: ESC and the rest (all but tab and line breaks) become U+FFFD,
        // and a line a value starts with `::` (a workflow command, were the page printed in a CI log) gets `&#58;:`.
        let page = HTMLTemplateLibrary.render(HTMLReportModel(report, context: context)).replacingScalars { scalar in
            scalar != "\t" && scalar != "\n" && scalar != "\r" && VisibleText.isControl(scalar) ? "\u{FFFD}" : nil
        }
        return page.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let body = line.drop { $0 == " " || $0 == "\t" }
            return body.hasPrefix("::") ? line[..<body.startIndex] + "&#58;" + body.dropFirst() : String(line)
        }.joined(separator: "\n")
    }
}
