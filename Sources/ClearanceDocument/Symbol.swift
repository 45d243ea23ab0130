/// An interned mapping key: a number in one ``SymbolTable``; two symbols of one table are equal
/// exactly when their names are.
///
/// String keys in documents are stored as symbols, and expressions resolve field names to
/// symbols once when they compile, so looking a field up compares integers, not strings. A
/// symbol means nothing without its table: read its name with ``SymbolTable/name(of:)``.
public struct Symbol: Hashable, Sendable {
    /// The symbol's number in its table.
    public let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }
}
