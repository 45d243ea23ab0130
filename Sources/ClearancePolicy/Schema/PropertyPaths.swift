import ClearanceDocument

/// The paths to some properties of each kind's shape, with their keys made symbols of one table:
/// made once per table, then used for every document of that table.
struct PropertyPaths: Sendable {
    /// The table the keys belong to.
    let table: SymbolTable
    private let paths: [DocumentKind: [PropertyPath]]

    /// The paths of every kind in `kinds` to a property that passes `test`, resolved in `table`.
    init(_ kinds: [DocumentKind], in table: SymbolTable, where test: (Property) -> Bool) {
        self.table = table
        paths = Dictionary(uniqueKeysWithValues: kinds.compactMap { kind in
            kind.shape.map { shape in (kind, PropertyPath.paths(in: shape, where: test).map { $0.resolved(in: table) }) }
        })
    }

    /// The paths of one kind.
    subscript(kind: DocumentKind) -> [PropertyPath] { paths[kind] ?? [] }
}
