import ClearanceDocument

/// The property keys of some shapes as symbols of one table, made once per table, so documents
/// loaded with that table are checked by comparing integers instead of spelling keys out.
struct ShapeSymbols: Sendable {
    /// The table the symbols belong to.
    let table: SymbolTable
    /// Each object shape's property positions by symbol, by the shape's identity.
    private let positions: [ObjectIdentifier: [Symbol: Int]]

    /// The symbols of every object shape reachable from `shapes`, interned in `table` (names from
    /// the shapes, never from data).
    init(_ shapes: [Shape], in table: SymbolTable) {
        self.table = table
        var positions: [ObjectIdentifier: [Symbol: Int]] = [:]
        var pending = shapes
        while let shape = pending.popLast() {
            switch shape {
            case .nullable(let inner), .list(let inner), .dictionary(let inner): pending.append(inner)
            case .oneOf(let shapes): pending += shapes
            case .object(let object):
                guard positions[ObjectIdentifier(object)] == nil else { continue }
                positions[ObjectIdentifier(object)] = Dictionary(uniqueKeysWithValues: object.positionsByName.map { (table.intern($0.key), $0.value) })
                pending += object.properties.map(\.shape)
            default: continue
            }
        }
        self.positions = positions
    }

    /// The property positions of `object` by symbol, or `nil` for a shape not among those resolved.
    func positions(of object: ObjectShape) -> [Symbol: Int]? { positions[ObjectIdentifier(object)] }
}
