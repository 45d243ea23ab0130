/// The static type of an expression, as the checker infers it.
///
/// `dyn` stands for "not known until runtime"; the checker never rejects what a `dyn` could satisfy.
public indirect enum ExpressionType: Hashable, Sendable, CustomStringConvertible {
    case dyn, null, bool, int, uint, double, string, bytes, timestamp, duration, type
    case list(ExpressionType)
    case map(ExpressionType, ExpressionType)
    /// A declared document shape, such as a `TeamMember`.
    case object(ObjectType)

    /// The type as messages show it: `int`, `list(string)`, `map(string, int)`, `TeamMember`.
    public var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .type: "type"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .object(let object): object.name
        }
    }

    /// Whether the type is `int`, `uint` or `double`.
    var isNumeric: Bool { self == .int || self == .uint || self == .double }

    /// Parses a type as CEL writes it: `int`, `list(string)`, `map(string, int)`,
    /// `null_type`, `google.protobuf.Timestamp`; `nil` when the text is not one.
    public init?(parsing text: String) {
        var parser = TypeParser(text: Array(text.unicodeScalars))
        guard let type = parser.parseType(), parser.atEnd else { return nil }
        self = type
    }
}

/// Reads the textual form of a type.
private struct TypeParser {
    let text: [Unicode.Scalar]
    var position = 0

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return position == text.count
        }
    }

    mutating func skipSpaces() { while position < text.count, text[position] == " " { position += 1 } }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard position < text.count, text[position] == scalar else { return false }
        position += 1
        return true
    }

    mutating func name() -> String {
        skipSpaces()
        var result = ""
        while position < text.count, text[position].properties.isAlphabetic || text[position] == "_" || text[position] == "."
            || ("0"..."9").contains(text[position]) {
            result.unicodeScalars.append(text[position])
            position += 1
        }
        return result
    }

    mutating func parseType() -> ExpressionType? {
        switch name() {
        case "dyn", "any", "google.protobuf.Any", "google.protobuf.Value": return .dyn
        case "null", "null_type", "google.protobuf.NullValue": return .null
        case "bool": return .bool
        case "int": return .int
        case "uint": return .uint
        case "double": return .double
        case "string": return .string
        case "bytes": return .bytes
        case "timestamp", "google.protobuf.Timestamp": return .timestamp
        case "duration", "google.protobuf.Duration": return .duration
        case "type": return take("(") ? (parseType() != nil && take(")") ? .type : nil) : .type
        case "list":
            guard take("("), let element = parseType(), take(")") else { return nil }
            return .list(element)
        case "map":
            guard take("("), let key = parseType(), take(","), let value = parseType(), take(")") else { return nil }
            return .map(key, value)
        default: return nil
        }
    }
}
