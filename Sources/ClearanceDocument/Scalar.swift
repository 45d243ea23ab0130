import ClearanceCore

/// A resolved scalar value.
public enum Scalar: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case timestamp(Timestamp)

    /// The kind of node that holds this value.
    public var kind: NodeKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .string: .string
        case .timestamp: .timestamp
        }
    }
}
