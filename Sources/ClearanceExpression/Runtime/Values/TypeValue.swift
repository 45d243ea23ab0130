/// A type as a runtime value: what `type(x)` returns and what `int` or `string` denote.
public struct TypeValue: Hashable, Sendable, CustomStringConvertible {
    /// The CEL name of the type, such as `int` or `google.protobuf.Timestamp`.
    public let name: String

    /// Creates a type value from its CEL name.
    public init(name: String) { self.name = name }

    init(kind: ValueKind) {
        switch kind {
        case .null: name = "null_type"
        case .bool: name = "bool"
        case .int: name = "int"
        case .uint: name = "uint"
        case .double: name = "double"
        case .string: name = "string"
        case .bytes: name = "bytes"
        case .timestamp: name = "google.protobuf.Timestamp"
        case .duration: name = "google.protobuf.Duration"
        case .type: name = "type"
        case .list: name = "list"
        case .map: name = "map"
        }
    }

    /// The CEL name.
    public var description: String { name }

    /// The names that denote types in expressions (`int`, `google.protobuf.Timestamp`, ...).
    static let denotations: [String: TypeValue] = {
        var table: [String: TypeValue] = [:]
        for kind in ValueKind.allCases { table[TypeValue(kind: kind).name] = TypeValue(kind: kind) }
        return table
    }()
}
