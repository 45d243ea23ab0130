import ClearanceCore
import ClearanceDocument

/// Gives JSON inputs the typing their shapes say: JSON has no timestamps, so where a shape says
/// timestamp, a string in RFC 3339 or `YYYY-MM-DD` form is read as a timestamp (the form
/// `clearance inspect` writes), and what `clearance inspect` prints reads back.
struct JSONTimestamps: Sendable {
    /// Every path to a timestamp, per kind of document.
    private let paths: PropertyPaths

    /// The paths of `kinds`, with keys resolved in `table`.
    init(_ kinds: [KindDescriptor], in table: SymbolTable) {
        paths = PropertyPaths(kinds.map { ($0.kind, $0.timestampPaths) }, in: table)
    }

    /// Whether a document was read from a JSON file.
    static func isJSON(_ document: Document) -> Bool { document.source.path.hasSuffix(".json") }

    /// The document's root with every timestamp-shaped string where its kind's shape says
    /// timestamp read as a timestamp; the root itself when there is none.
    func typed(_ root: Node, as kind: DocumentKind) -> Node {
        var changes: [(NodeID, Document.Retyping)] = []
        for (_, node, _) in paths.nodes(of: kind, from: root, where: { document, id in document.kind(id) == .string }) {
            guard let text = node.string, case .timestamp(let value) = TimestampSyntax.parse(text) else { continue }
            changes.append((node.id, .timestamp(value, isDate: text.utf8.count == 10)))
        }
        guard !changes.isEmpty else { return root }
        return Node(document: root.document.retyped(changes), id: root.id)
    }
}

extension Shape {
    /// Whether the shape is a timestamp.
    var isTimestamp: Bool {
        if case .timestamp = self { return true }
        return false
    }
}
