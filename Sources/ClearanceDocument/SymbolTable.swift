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
        /// The table as it stood when frozen: kept here for as long as the table is.
        var frozen: Frozen?
    }

    /// The names and numbers of a table when it was frozen, never changed: read by any thread without the lock.
    private final class Frozen: Sendable {
        let numbers: [String: UInt32]
        let names: [String]

        init(numbers: [String: UInt32], names: [String]) {
            self.numbers = numbers
            self.names = names
        }
    }

    private let state = Mutex(State())
    /// The address of `state.frozen` once set, else 0; published with release ordering after the object is made.
    private let frozenAddress = Atomic<UInt>(0)

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
        if let number = withFrozen({ $0.numbers[name] }) { return Symbol(rawValue: number) }
        return state.withLock { $0.numbers[name].map(Symbol.init(rawValue:)) }
    }

    /// The name a symbol of this table stands for.
    public func name(of symbol: Symbol) -> String {
        let index = Int(symbol.rawValue)
        if let name = withFrozen({ index < $0.names.count ? $0.names[index] : nil }) { return name }
        return state.withLock { $0.names[index] }
    }

    /// Lets every thread look up the names interned so far without taking the table's lock: once a snapshot is loaded,
    /// evaluation reads its table from every thread and adds nothing. Names interned later are still found, under the
    /// lock; only the first call freezes.
    public func freeze() {
        state.withLock { state in
            guard state.frozen == nil else { return }
            let frozen = Frozen(numbers: state.numbers, names: state.names)
            state.frozen = frozen
            frozenAddress.store(UInt(bitPattern: Unmanaged.passUnretained(frozen).toOpaque()), ordering: .releasing)
        }
    }

    /// `body` applied to the frozen table, without counting a reference to it (the table keeps it), or `nil` before
    /// ``freeze()``.
    @inline(__always)
    private func withFrozen<T>(_ body: (Frozen) -> T?) -> T? {
        let address = frozenAddress.load(ordering: .acquiring)
        guard let pointer = UnsafeRawPointer(bitPattern: address) else { return nil }
        return Unmanaged<Frozen>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
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
