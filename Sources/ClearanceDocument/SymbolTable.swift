import Synchronization

/// The symbols of one snapshot (its policies and documents), safe to use from any thread.
///
/// A table only grows by interning: loading a snapshot interns its keys, while reading a document
/// against a prepared snapshot (``KeyInterning/lookUpOnly``) never adds to it, so a long-running
/// process does not grow with the keys of what it reads. The table goes when its documents and
/// programs go.
public final class SymbolTable: Sendable {
    private struct State {
        var numbers: [String: UInt32] = [:]
        var names: [String] = []
    }

    private let state = Mutex(State())

    /// An empty table.
    public init() {}

    /// The number of symbols in the table.
    public var count: Int { state.withLock { $0.names.count } }

    /// The symbol for a name, adding it to the table on first use.
    public func intern(_ name: String) -> Symbol {
        state.withLock { state in
            if let number = state.numbers[name] { return Symbol(rawValue: number) }
            let number = UInt32(state.names.count)
            state.names.append(name)
            state.numbers[name] = number
            return Symbol(rawValue: number)
        }
    }

    /// The symbol for a name already in the table, or `nil`; never adds one.
    public func symbol(named name: String) -> Symbol? {
        state.withLock { $0.numbers[name].map(Symbol.init(rawValue:)) }
    }

    /// The name a symbol of this table stands for.
    public func name(of symbol: Symbol) -> String {
        state.withLock { $0.names[Int(symbol.rawValue)] }
    }
}

/// Whether a loader adds the mapping keys it reads to its symbol table.
public enum KeyInterning: Sendable {
    /// Every key becomes a symbol (loading a snapshot: policies, the organisation's documents).
    case intern
    /// Keys the table knows become symbols; any other key stays a plain string of its document,
    /// so the table never grows (reading a request's document against a prepared snapshot).
    case lookUpOnly
}
