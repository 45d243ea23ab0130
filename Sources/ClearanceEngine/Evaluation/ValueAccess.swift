import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// What the engine needs to read from expression values: list elements with their nodes, message text.
enum ValueAccess {
    /// The elements of a list value with the node each came from (for its location), or `nil` for a non-list.
    static func elements(of value: Value) -> [(value: Value, node: Node?)]? {
        if case .nodeList(let document, _) = value, let ids = value.elementNodeIDs {
            return ids.map { (Value(document: document, id: $0), Node(document: document, id: $0)) }
        }
        return value.listElements?.map { ($0, $0.node) }
    }

    /// The most UTF-8 bytes one `{{ }}` of a message shows; past it the text is cut and ends in `…`.
    static let maximumTextLength = 1_000

    /// The value as it reads in a message: strings bare, timestamps in RFC 3339 (as `YYYY-MM-DD` when
    /// `asDate`), anything else in CEL's literal form; cut after ``maximumTextLength`` bytes.
    static func text(of value: Value, asDate: Bool = false) -> String {
        switch value {
        case .string(let text): text.cut(toUTF8Length: maximumTextLength)
        case .timestamp(let time): asDate ? String(time.rfc3339.prefix(10)) : time.rfc3339
        default: value.description(maxLength: maximumTextLength)
        }
    }

    /// The value's CEL type name, for messages such as "require must give a bool, not int".
    static func typeName(of value: Value) -> String { value.typeName }
}
