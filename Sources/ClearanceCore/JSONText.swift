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
                if !inline, let indent { output += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &output, indent: inline ? indent : indent.map { $0 + 1 })
            }
            if !inline, !items.isEmpty, let indent { output += "\n" + String(repeating: "  ", count: indent) }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                if let indent { output += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.quote(member.0, into: &output)
                output += indent == nil ? ":" : ": "
                member.1.write(into: &output, indent: indent.map { $0 + 1 })
            }
            if !members.isEmpty, let indent { output += "\n" + String(repeating: "  ", count: indent) }
            output += "}"
        }
    }

    /// Appends a JSON string literal with the escapes JSON requires, and DEL and C1 controls as `\\u` escapes too.
    public static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// Compares members in order.
    public static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.compact == rhs.compact }
}
