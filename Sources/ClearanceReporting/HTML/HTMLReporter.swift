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
        HTMLTemplateLibrary.render(HTMLReportModel(report, context: context))
    }
}
