import ClearanceCore

extension Value: CustomStringConvertible {
    /// The value as a CEL literal: `true`, `42`, `42u`, `"text"`, `b"\xff"`, `[1, 2]`, `{"a": 1}`,
    /// `timestamp("2026-01-01T00:00:00Z")`, `duration("3600s")`.
    public var description: String {
        var output = ""
        write(to: &output, limit: .max)
        return output
    }

    /// The literal form cut after `maxLength` UTF-8 bytes and ended with `…` when cut.
    ///
    /// Only what is shown is visited, so a value that holds one list many times over (cheap to
    /// build, endless to print) still gives its first bytes at once.
    public func description(maxLength: Int) -> String {
        var output = ""
        write(to: &output, limit: maxLength)
        return output.cut(toUTF8Length: maxLength)
    }

    /// Writes the literal form until `output` holds more than `limit` bytes.
    private func write(to output: inout String, limit: Int) {
        guard output.utf8.count <= limit else { return }
        switch self {
        case .null: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .int(let i): output += String(i)
        case .uint(let u): output += String(u) + "u"
        case .double(let d): output += Self.doubleLiteral(d)
        case .string(let s): Self.writeQuoted(s, to: &output, limit: limit)
        case .bytes(let data): Self.writeBytes(data, to: &output, limit: limit)
        case .timestamp(let t): output += "timestamp(\"\(t.rfc3339)\")"
        case .duration(let d): output += "duration(\"\(d)\")"
        case .type(let t): output += t.name
        case .list, .nodeList:
            output += "["
            for position in 0..<(containerCount ?? 0) {
                if output.utf8.count > limit { return }
                if position > 0 { output += ", " }
                element(at: position).write(to: &output, limit: limit)
            }
            output += "]"
        case .map, .nodeMap:
            output += "{"
            for position in 0..<(containerCount ?? 0) {
                if output.utf8.count > limit { return }
                if position > 0 { output += ", " }
                let entry = entry(at: position)
                entry.key.write(to: &output, limit: limit)
                output += ": "
                entry.value.write(to: &output, limit: limit)
            }
            output += "}"
        }
    }

    /// A double as a literal that reads back as a double (`1.0`, `1e+100`, `double("NaN")`).
    static func doubleLiteral(_ d: Double) -> String {
        if d.isNaN { return "double(\"NaN\")" }
        if d.isInfinite { return d < 0 ? "double(\"-Infinity\")" : "double(\"Infinity\")" }
        return d.description
    }

    private static func writeQuoted(_ text: String, to output: inout String, limit: Int) {
        output += "\""
        for scalar in text.unicodeScalars {
            if output.utf8.count > limit { return }
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\\x" + hex(UInt8(scalar.value))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func writeBytes(_ data: [UInt8], to output: inout String, limit: Int) {
        output += "b\""
        for byte in data {
            if output.utf8.count > limit { return }
            switch byte {
            case UInt8(ascii: "\""): output += "\\\""
            case UInt8(ascii: "\\"): output += "\\\\"
            case 0x20..<0x7F: output.unicodeScalars.append(Unicode.Scalar(byte))
            default: output += "\\x" + hex(byte)
            }
        }
        output += "\""
    }

    private static func hex(_ byte: UInt8) -> String { [byte].lowercaseHex }

    /// The kind's name as messages show it: `int`, `string`, `timestamp`, `map`, ...
    var kindName: String {
        switch kind {
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .null: "null"
        default: TypeValue(kind: kind).name
        }
    }

    /// A map key as a message shows it: strings bare (`no such key: ticket`), other keys as literals.
    var keyDescription: String {
        if case .string(let s) = self { return s }
        return description
    }
}
