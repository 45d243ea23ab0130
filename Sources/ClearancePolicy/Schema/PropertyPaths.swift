import ClearanceDocument

/// The paths to some properties of each kind's shape, with their keys made symbols of one table:
/// made once per table, then used for every document of that table.
struct PropertyPaths: Sendable {
    /// The table the keys belong to.
    let table: SymbolTable
    private let paths: [DocumentKind: [PropertyPath]]

    /// The paths of each kind, resolved in `table`.
    init(_ paths: [(DocumentKind, [PropertyPath])], in table: SymbolTable) {
        self.table = table
        self.paths = Dictionary(paths.map { ($0.0, $0.1.map { $0.resolved(in: table) }) }, uniquingKeysWith: { first, _ in first })
    }

    /// The paths of one kind.
    subscript(kind: DocumentKind) -> [PropertyPath] { paths[kind] ?? [] }
}
