import ClearanceCore
import Mustache

/// Text made safe for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'` as entities.
///
/// Works on UTF-8 bytes, so a quote or a bracket followed by a combining mark (one Swift `Character`, which Mustache's
/// own HTML escaping does not match) is escaped too and cannot end an attribute or open a tag.
public enum HTMLEscaping {
    /// The escaped text.
    public static func escaped(_ value: String) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }

    /// Appends the escaped text to `output`.
    public static func append(_ value: String, to output: inout String) {
        ByteReplacement.append(value, to: &output) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "\""): ("&quot;", 1)
            case UInt8(ascii: "'"): ("&#39;", 1)
            default: nil
            }
        }
    }
}

/// The page's Mustache content type: every `{{value}}` escaped by ``HTMLEscaping``.
struct EscapedHTMLContentType: MustacheContentType {
    /// The name a template's `{{% CONTENT_TYPE: … }}` pragma gives it.
    static let name = "CLEARANCE_HTML"

    func escapeText(_ text: String) -> String { HTMLEscaping.escaped(text) }
}
