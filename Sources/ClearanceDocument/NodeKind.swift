/// What a node holds once its scalar has been resolved.
public enum NodeKind: UInt8, Sendable, CaseIterable {
    case null, bool, int, double, string, timestamp, sequence, mapping

    /// The YAML tag of this kind, such as `!!int`.
    public var tag: String {
        switch self {
        case .null: "!!null"
        case .bool: "!!bool"
        case .int: "!!int"
        case .double: "!!float"
        case .string: "!!str"
        case .timestamp: "!!timestamp"
        case .sequence: "!!seq"
        case .mapping: "!!map"
        }
    }

    /// Whether the node is a scalar (not a sequence or a mapping).
    public var isScalar: Bool { self != .sequence && self != .mapping }
}

/// How a scalar was written in the source.
public enum ScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}
