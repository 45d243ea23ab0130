/// A JSON value whose object members keep their order, printed the same way on every run.
public indirect enum JSONText: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    /// An optional value, or null.
    public static func optional(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }

    /// Compact JSON on one line.
    public var compact: String {
        var output = ""
        write(into: &output, indent: nil)
        return output
    }

    /// JSON indented by two spaces, arrays of plain strings kept on one line.
    public var pretty: String {
        var output = ""
        write(into: &output, indent: 0)
        return output
    }

    /// Appends the value as ``pretty`` writes it when it stands `indent` levels deep, so a document can be written a
    /// member at a time with the same bytes as the whole.
    public func writePretty(into output: inout String, indent: Int) {
        write(into: &output, indent: indent)
    }

    private func write(into output: inout String, indent: Int?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? "\(value)" : "null"
        case .string(let text): Self.quote(text, into: &output)
        case .array(let items):
            let inline = indent == nil || items.allSatisfy { if case .string = $0 { true } else { false } }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += inline ? (indent == nil ? "," : ", ") : "," }
                if !inline, let indent { Self.newLine(indent + 1, into: &output) }
                item.write(into: &output, indent: inline ? indent : indent.map { $0 + 1 })
            }
            if !inline, !items.isEmpty, let indent { Self.newLine(indent, into: &output) }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                if let indent { Self.newLine(indent + 1, into: &output) }
                Self.quote(member.0, into: &output)
                output += indent == nil ? ":" : ": "
                member.1.write(into: &output, indent: indent.map { $0 + 1 })
            }
            if !members.isEmpty, let indent { Self.newLine(indent, into: &output) }
            output += "}"
        }
    }

    /// Appends a line feed and `depth` levels of indentation.
    private static func newLine(_ depth: Int, into output: inout String) {
        if depth < lineStarts.count { output += lineStarts[depth] } else { output += "\n" + String(repeating: "  ", count: depth) }
    }

    /// A line feed and each depth's indentation, made once.
    private static let lineStarts = (0..<12).map { "\n" + String(repeating: "  ", count: $0) }

    /// Appends a JSON string literal with the escapes JSON requires, and DEL and C1 controls as `\\u` escapes too.
    ///
    /// Reads UTF-8 bytes (``ByteReplacement``); a C1 control is the two bytes `C2 80` to `C2 9F`.
    public static func quote(_ text: String, into output: inout String) {
        output += "\""
        ByteReplacement.append(text, to: &output, replacing: escape)
        output += "\""
    }

    /// The escape a JSON string needs at `index` of its UTF-8 bytes and how many bytes it stands for, or `nil` for a
    /// byte kept as it is: the escapes JSON requires, and DEL and C1 controls (`C2 80` to `C2 9F`) as `\\u` escapes too.
    @inlinable
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: String, width: Int)? {
        let byte = bytes[index]
        // Most bytes are kept: only a control, the quote, the backslash, DEL and 0xC2 (the lead byte of a C1 control) can
        // start an escape.
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 else { return nil }
        return switch byte {
        case UInt8(ascii: "\""): ("\\\"", 1)
        case UInt8(ascii: "\\"): ("\\\\", 1)
        case UInt8(ascii: "\n"): ("\\n", 1)
        case UInt8(ascii: "\r"): ("\\r", 1)
        case UInt8(ascii: "\t"): ("\\t", 1)
        case 0x08: ("\\b", 1)
        case 0x0C: ("\\f", 1)
        // Any other control: its code point is its last byte (a C0 control or DEL is one byte, a C1 control `C2 xx`).
        default: VisibleText.controlWidth(bytes, at: index).map { width in (unicodeEscape(UInt32(bytes[index + width - 1])), width) }
        }
    }

    /// `\\u` and four lowercase hex digits.
    public static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Compares members in order.
    public static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.compact == rhs.compact }
}
