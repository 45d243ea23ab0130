/// A mapping key's name with its symbol in one table, resolved once to be looked up in many
/// documents: by symbol in documents of that table, by name in any other.
public struct ResolvedKey: Sendable {
    /// The key as written.
    public let name: String
    /// The table the key was resolved in.
    public let table: SymbolTable
    /// The key's symbol in `table`, or `nil` when the table did not know it (documents of that
    /// table then look it up by name).
    public let symbol: Symbol?

    /// Resolves a name in a table without adding it.
    public init(_ name: String, in table: SymbolTable) {
        self.name = name
        self.table = table
        self.symbol = table.symbol(named: name)
    }

    /// Resolves a name in a table, adding it (a name from code or a policy, never from data).
    public init(interning name: String, in table: SymbolTable) {
        self.name = name
        self.table = table
        self.symbol = table.intern(name)
    }
}
