import ClearanceDocument

/// The paths to some properties of each kind's shape, with their keys made symbols of one table:
/// made once per table, then used for every document of that table.
struct PropertyPaths: Sendable {
    /// The table the keys belong to.
    let table: SymbolTable
    private let paths: [DocumentKind: [PropertyPath]]
    /// Each kind's paths as one walk, for documents of `table`.
    private let walks: [DocumentKind: PathWalk]

    /// The paths of each kind, resolved in `table`.
    init(_ paths: [(DocumentKind, [PropertyPath])], in table: SymbolTable) {
        self.table = table
        self.paths = Dictionary(paths.map { ($0.0, $0.1.map { $0.resolved(in: table) }) }, uniquingKeysWith: { first, _ in first })
        walks = self.paths.mapValues(PathWalk.init)
    }

    /// The paths of one kind.
    subscript(kind: DocumentKind) -> [PropertyPath] { paths[kind] ?? [] }

    /// The nodes the paths of `kind` reach from `root` that pass `test`, path by path in order, each with its path (among
    /// ``subscript(kind:)``) and the list positions taken on the way (``PropertyPath/written(indices:)``).
    func nodes(of kind: DocumentKind, from root: Node, where test: (_ document: Document, _ id: NodeID) -> Bool)
        -> [(path: Int, node: Node, indices: [Int])] {
        let document = root.document
        if document.symbols === table, !document.hasPlainKeys, let walk = walks[kind] {
            return walk.nodes(in: document, from: root.id, where: test).map { ($0.path, Node(document: document, id: $0.id), $0.indices) }
        }
        return self[kind].enumerated().flatMap { path, property in
            property.nodes(from: root, where: test).map { (path, $0.node, $0.indices) }
        }
    }
}
