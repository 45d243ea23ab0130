import Mustache

/// The page and its partials, parsed once: Mustache templates that HTML-escape every `{{value}}`.
enum HTMLTemplateLibrary {
    /// The parsed library, or the parse error (the templates are constants; a test parses them).
    static let library: Result<MustacheLibrary, any Error> = Result {
        var library = MustacheLibrary()
        try library.register(HTMLPageTemplate.text, named: "page")
        try library.register(HTMLPartialTemplates.chart, named: "chart")
        try library.register(HTMLPartialTemplates.framework, named: "framework")
        try library.register(HTMLPartialTemplates.subject, named: "subject")
        try library.register(HTMLStyleSheet.text, named: "style")
        try library.register(HTMLScript.text, named: "script")
        return library
    }

    /// The page rendered for a model; a template that failed to parse yields a page saying so.
    static func render(_ model: HTMLReportModel) -> String {
        switch library {
        case .success(let library):
            return library.render(model, withTemplate: "page") ?? failurePage("the page template is missing")
        case .failure(let error):
            return failurePage("a report template does not parse: \(error)")
        }
    }

    private static func failurePage(_ problem: String) -> String {
        let escaped = problem.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return "<!DOCTYPE html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Clearance audit report</title><p>Clearance could not render the report: \(escaped)</p></html>\n"
    }
}
