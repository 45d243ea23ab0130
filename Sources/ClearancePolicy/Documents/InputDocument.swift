import ClearanceDocument

/// One input document that passed its checks: its kind, its id and the loaded tree.
public struct InputDocument: Sendable {
    /// The document's kind.
    public let kind: DocumentKind
    /// The document's id.
    public let id: String
    /// The document's root node (the root of a YAML document, or an inline document in a tests file).
    public let root: Node

    /// The loaded YAML document the node belongs to.
    public var document: Document { root.document }
}
