/// A SARIF message or multiformat message string: plain text, and optionally Markdown.
struct SARIFMessage: Encodable {
    var text: String
    var markdown: String?
}
