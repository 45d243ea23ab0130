import Synchronization

/// An interned mapping key: two symbols are equal exactly when their names are.
///
/// String keys in documents are stored as symbols, and expressions resolve field names to
/// symbols once when they compile, so looking a field up compares integers, not strings.
public struct Symbol: Hashable, Sendable, CustomStringConvertible {
    /// The symbol's number in the process-wide table.
    public let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The symbol for a name, creating it on first use.
    public init(_ name: String) { self = SymbolTable.shared.intern(name) }

    /// The name this symbol stands for.
    public var name: String { SymbolTable.shared.name(of: self) }

    /// The name this symbol stands for.
    public var description: String { name }

}

/// The process-wide table of symbols, safe to use from any thread.
final class SymbolTable: Sendable {
    static let shared = SymbolTable()

    private struct State {
        var numbers: [String: UInt32] = [:]
        var names: [String] = []
    }

    private let state = Mutex(State())

    func intern(_ name: String) -> Symbol {
        state.withLock { state in
            if let number = state.numbers[name] { return Symbol(rawValue: number) }
            let number = UInt32(state.names.count)
            state.names.append(name)
            state.numbers[name] = number
            return Symbol(rawValue: number)
        }
    }

    func name(of symbol: Symbol) -> String {
        state.withLock { $0.names[Int(symbol.rawValue)] }
    }
}
