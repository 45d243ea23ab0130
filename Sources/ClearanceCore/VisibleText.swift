/// Text read from files made safe to print on a terminal or in a CI log: control characters as visible escapes, long values cut.
///
/// A value's line feed prints as `\n`, so a value holding `"\n::error::…"` can never start a line of its own; ESC, OSC 8
/// and every other C0 or C1 control character and DEL print as `\u{1B}`-style escapes, never raw.
public enum VisibleText {
    /// The most characters of a value a message shows; the rest is replaced by `… (N characters)`.
    public static let maximumValueLength = 200
    /// The most characters of a whole message shown, a last guard for values no message cut.
    public static let maximumMessageLength = 2000

    /// The text with `\n`, `\r` and `\t` as those two-character escapes and every other C0 or C1 control and DEL as `\u{XX}`.
    public static func escaped(_ text: String) -> String {
        guard text.utf8.withContiguousStorageIfAvailable(holdsControl) ?? text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u{" + (hex.count < 2 ? "0" : "") + hex + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Text that begins a line: a leading `::` (after any spaces), which a GitHub Actions runner would read as a
    /// workflow command, gets its first `:` as `\u{3A}`.
    public static func lineStart(_ text: String) -> String {
        let body = text.drop { $0 == " " || $0 == "\t" }
        guard body.hasPrefix("::") else { return text }
        return text[..<body.startIndex] + "\\u{3A}" + body.dropFirst()
    }

    /// A value quoted in a message: its first ``maximumValueLength`` characters, escaped, then `… (N characters)` when longer.
    public static func value(_ text: String) -> String { escaped(cut(text, to: maximumValueLength)) }

    /// A whole message: cut to ``maximumMessageLength`` characters, then escaped.
    public static func message(_ text: String) -> String { escaped(cut(text, to: maximumMessageLength)) }

    /// The text whole when it has at most `limit` characters, else its first `limit` and `… (N characters)`.
    public static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
        guard end < text.endIndex else { return text }
        return String(text[..<end]) + "… (\(text.count) characters)"
    }

    /// Whether UTF-8 text holds a C0 control, DEL or a C1 control (``controlWidth(_:at:)``), read byte by byte.
    static func holdsControl(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.indices.contains { controlWidth(utf8, at: $0) != nil }
    }

    /// The number of bytes of the C0 control, DEL or C1 control that starts at `index` of UTF-8 `bytes`, or `nil` when
    /// none does: a C0 control or DEL is one byte below 0x20 or 0x7F, a C1 control the two bytes 0xC2 0x80 ... 0xC2 0x9F
    /// (0xC2 only ever leads a character).
    @inlinable
    public static func controlWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x00..<0x20, 0x7F: 1
        case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): 2
        default: nil
        }
    }

    /// Whether a scalar is a C0 control, DEL or a C1 control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
