import ClearanceCore

extension Node {
    /// The node as one line of JSON, as Clearance resolved it.
    ///
    /// Timestamps become RFC 3339 strings, non-finite doubles the strings `.nan`, `.inf`, `-.inf`,
    /// and non-string keys their JSON text. With `marks`, every node becomes
    /// `{"line":L,"column":C,"value":V}`.
    public func json(marks: Bool = false) -> String {
        var output = ""
        JSONWriter(marks: marks).write(self, into: &output)
        return output
    }
}

/// Writes nodes as compact JSON.
struct JSONWriter {
    let marks: Bool

    func write(_ node: Node, into output: inout String) {
        if marks {
            let location = node.location
            output += "{\"line\":\(location.line),\"column\":\(location.column),\"value\":"
        }
        switch node.kind {
        case .sequence:
            output += "["
            for (index, element) in node.elements.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case .mapping:
            output += "{"
            for (index, entry) in node.entries.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(Self.keyText(entry.key), into: &output)
                output += ":"
                write(entry.value, into: &output)
            }
            output += "}"
        default:
            Self.writeScalar(node.scalar ?? .null, into: &output)
        }
        if marks { output += "}" }
    }

    static func keyText(_ key: Node) -> String {
        switch key.scalar ?? .null {
        case .string(let text): text
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): doubleText(value)
        case .timestamp(let value): value.rfc3339
        }
    }

    static func writeScalar(_ scalar: Scalar, into output: inout String) {
        switch scalar {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): value.isFinite ? (output += doubleText(value)) : writeString(doubleText(value), into: &output)
        case .string(let text): writeString(text, into: &output)
        case .timestamp(let value): writeString(value.rfc3339, into: &output)
        }
    }

    static func doubleText(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        return "\(value)"
    }

    /// Writes a JSON string literal with the escapes JSON requires.
    static func writeString(_ text: String, into output: inout String) { JSONText.quote(text, into: &output) }
}
