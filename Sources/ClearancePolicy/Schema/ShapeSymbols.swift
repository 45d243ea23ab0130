import ClearanceDocument

/// The property keys of some shapes as symbols of one table, made once per table, so documents
/// loaded with that table are checked by comparing integers instead of spelling keys out.
struct ShapeSymbols: Sendable {
    /// The table the symbols belong to.
    let table: SymbolTable
    /// Each object shape's property positions by symbol, by the shape's identity.
    private let positions: [ObjectIdentifier: PositionsBySymbol]
    /// The shapes flattened, to pass documents without a problem quickly.
    let screen: ShapeScreen

    /// The symbols of every object shape reachable from `shapes`, interned in `table` (names from
    /// the shapes, never from data).
    init(_ shapes: [Shape], in table: SymbolTable) {
        self.table = table
        var positions: [ObjectIdentifier: PositionsBySymbol] = [:]
        var pending = shapes
        while let shape = pending.popLast() {
            switch shape {
            case .nullable(let inner), .list(let inner), .dictionary(let inner): pending.append(inner)
            case .oneOf(let shapes): pending += shapes
            case .object(let object):
                guard positions[ObjectIdentifier(object)] == nil else { continue }
                positions[ObjectIdentifier(object)] = PositionsBySymbol(object.positionsByName.map { (table.intern($0.key), $0.value) })
                pending += object.properties.map(\.shape)
            default: continue
            }
        }
        self.positions = positions
        screen = ShapeScreen(shapes, in: table)
    }

    /// The property positions of `object` by symbol, or `nil` for a shape not among those resolved.
    func positions(of object: ObjectShape) -> PositionsBySymbol? { positions[ObjectIdentifier(object)] }
}

/// An object shape's property positions by symbol, in a table indexed by the symbol's number: every key of every input
/// document is looked up here, and an array read costs less than hashing.
struct PositionsBySymbol: Sendable {
    /// The position of the property whose symbol has each number, or -1.
    private let slots: [Int32]

    /// The table of `positions`, each a symbol and its property's position.
    init(_ positions: [(Symbol, Int)]) {
        var slots = [Int32](repeating: -1, count: Int(positions.map(\.0.rawValue).max() ?? 0) + 1)
        for (symbol, position) in positions { slots[Int(symbol.rawValue)] = Int32(position) }
        self.slots = slots
    }

    /// The position of the property a symbol names, or `nil` (a key the shape does not define, or one interned later).
    subscript(symbol: Symbol) -> Int? {
        let index = Int(symbol.rawValue)
        guard index < slots.count, slots[index] >= 0 else { return nil }
        return Int(slots[index])
    }
}
