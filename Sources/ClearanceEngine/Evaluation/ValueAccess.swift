import ClearanceExpression
import ClearanceYAML

/// What the engine needs to read from expression values: list elements, bools, message text.
enum ValueAccess {
    /// The elements of a list value with the node each came from (for its location), or `nil` for a non-list.
    static func elements(of value: Value) -> [(value: Value, node: Node?)]? {
        switch value {
        case .list(let values): return values.map { ($0, $0.sourceNode.map { Node(document: $0.document, id: $0.id) }) }
        case .node(let node) where node.kind == .sequence: return node.elements.map { (Value(node: $0), $0) }
        default: return nil
        }
    }

    /// The value as it reads in a message: strings bare, timestamps in RFC 3339, lists as `[a, b]`.
    static func text(of value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .timestamp(let time): return time.rfc3339
        default: return "\(value)"
        }
    }

    /// The value's CEL type name, for messages such as "require must be a bool, not int".
    static func typeName(of value: Value) -> String { "\(value)" }
}
