import ClearanceDocument

/// The property keys of some shapes as symbols of one table, made once per table, so documents
/// loaded with that table are checked by comparing integers instead of spelling keys out.
struct ShapeSymbols: Sendable {
    /// The shapes flattened with keys as symbols of ``table``: it passes documents without a problem quickly, and holds each
    /// object shape's property positions by symbol for the full check.
    let screen: ShapeScreen

    /// The table the symbols belong to.
    var table: SymbolTable { screen.table }

    /// The symbols of every object shape reachable from `shapes`, interned in `table` (names from
    /// the shapes, never from data).
    init(_ shapes: [Shape], in table: SymbolTable) {
        screen = ShapeScreen(shapes, in: table)
    }

    /// The property positions of `object` by symbol, or `nil` for a shape not among those resolved.
    func positions(of object: ObjectShape) -> ShapeScreen.PositionsBySymbol? { screen.positions(of: object) }
}
