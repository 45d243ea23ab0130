/// A per-loader map from key bytes to symbols of its table, so interning a key builds no `String`
/// and takes no lock.
///
/// Misses (a key never seen by this loader) go to the ``SymbolTable``: interned, or only looked
/// up with ``KeyInterning/lookUpOnly``, when a key the table does not know has no symbol.
struct SymbolCache {
    let symbols: SymbolTable
    let interning: KeyInterning
    private var table = ByteKeyedTable()

    init(symbols: SymbolTable, interning: KeyInterning) {
        self.symbols = symbols
        self.interning = interning
    }

    /// The symbol for the key spelled by `text`, or `nil` when only looking up and the table does not know it.
    mutating func symbol(for text: UnsafeBufferPointer<UInt8>) -> Symbol? {
        if let known = table.value(for: text) { return Symbol(rawValue: known) }
        let name = String(decoding: text, as: UTF8.self)
        let found = switch interning {
        case .intern: symbols.intern(name)
        case .lookUpOnly: symbols.symbol(named: name)
        }
        if let found { table.insert(text, value: found.rawValue) }
        return found
    }
}
