/// One value sent to or read from a history database: the store's columns hold integers, text or nothing.
public enum SQLValue: Sendable, Hashable {
    /// A 64-bit integer.
    case integer(Int64)
    /// UTF-8 text.
    case text(String)
    /// SQL NULL.
    case null

    /// The text, or nil for another value.
    public var text: String? { if case .text(let value) = self { value } else { nil } }
    /// The integer, or nil for another value.
    public var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    /// The integer as an `Int`, or nil.
    public var int: Int? { integer.map { Int($0) } }

    /// Text, or NULL for nil.
    public static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    /// An integer, or NULL for nil.
    public static func optional(_ value: Int64?) -> SQLValue { value.map(SQLValue.integer) ?? .null }
    /// An `Int`.
    public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
}
