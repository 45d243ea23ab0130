/// A per-loader map from key bytes to symbols, so interning a key builds no `String` and takes no lock.
///
/// Misses (a key never seen by this loader) go to the process-wide ``SymbolTable``.
struct SymbolCache {
    private var table = ByteKeyedTable()

    /// The symbol for the key spelled by `text`.
    mutating func symbol(for text: UnsafeBufferPointer<UInt8>) -> Symbol {
        if let known = table.value(for: text) { return Symbol(rawValue: known) }
        let symbol = Symbol(String(decoding: text, as: UTF8.self))
        table.insert(text, value: symbol.rawValue)
        return symbol
    }
}
