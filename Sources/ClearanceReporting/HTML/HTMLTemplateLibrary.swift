import Mustache

/// The page's two halves and their partials, parsed once: Mustache templates that HTML-escape every `{{value}}` with
/// ``HTMLEscaping``.
enum HTMLTemplateLibrary {
    /// The parsed library, or the parse error (the templates are constants; a test parses them).
    static let library: Result<MustacheLibrary, any Error> = Result {
        MustacheContentTypes.register(EscapedHTMLContentType(), named: EscapedHTMLContentType.name)
        // Mustache gives each template, partials too, its HTML escaping unless the template names another.
        let pragma = "{{% CONTENT_TYPE: \(EscapedHTMLContentType.name)}}"
        var library = MustacheLibrary()
        try library.register(pragma + HTMLPageTemplate.halves.head, named: "page-head")
        try library.register(pragma + HTMLPageTemplate.halves.tail, named: "page-tail")
        try library.register(pragma + HTMLPartialTemplates.chart, named: "chart")
        try library.register(pragma + HTMLPartialTemplates.framework, named: "framework")
        try library.register(pragma + HTMLStyleSheet.text, named: "style")
        try library.register(pragma + HTMLScript.text, named: "script")
        return library
    }

    /// The page rendered for a model: its text before the checklists and after them, or, when a template failed to
    /// parse, a page saying so.
    enum RenderedPage {
        case halves(head: String, tail: String)
        case failure(String)
    }

    /// The page's two halves rendered for a model.
    static func render(_ model: HTMLReportModel) -> RenderedPage {
        switch library {
        case .success(let library):
            guard let head = library.render(model, withTemplate: "page-head"), let tail = library.render(model, withTemplate: "page-tail") else {
                return .failure(failurePage("the page template is missing"))
            }
            return .halves(head: head, tail: tail)
        case .failure(let error):
            return .failure(failurePage("a report template does not parse: \(error)"))
        }
    }

    private static func failurePage(_ problem: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Clearance audit report</title><p>Clearance could not render the report: "
            + HTMLEscaping.escaped(problem) + "</p></html>\n"
    }
}
