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
        var value = value
        let escapedAny = value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let entity: String
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                // The bytes before an ASCII character end at a scalar boundary, so every slice is valid UTF-8.
                if start < index { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                output += entity
                start = index + 1
            }
            if start > 0, start < bytes.count { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) }
            return start > 0
        }
        if !escapedAny { output += value }
    }
}

/// The page's Mustache content type: every `{{value}}` escaped by ``HTMLEscaping``.
struct EscapedHTMLContentType: MustacheContentType {
    /// The name a template's `{{% CONTENT_TYPE: … }}` pragma gives it.
    static let name = "CLEARANCE_HTML"

    func escapeText(_ text: String) -> String { HTMLEscaping.escaped(text) }
}
