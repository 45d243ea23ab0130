import ClearanceCore

/// A node of a loaded document: a convenient view over ``Document`` and a ``NodeID``.
public struct Node: Sendable {
    /// The document the node belongs to.
    public let document: Document
    /// The node's identity within the document.
    public let id: NodeID

    /// Creates a view of a node.
    public init(document: Document, id: NodeID) {
        self.document = document
        self.id = id
    }

    /// What the node holds.
    public var kind: NodeKind { document.kind(id) }
    /// Where the node starts.
    public var location: SourceLocation { document.location(id) }
    /// The resolved scalar, or `nil` for a sequence or mapping.
    public var scalar: Scalar? { document.scalar(id) }
    /// How a scalar was written.
    public var style: ScalarStyle { document.style(id) }
    /// The resolved tag, such as `!!str`.
    public var tag: String { kind.tag }
    /// Whether the source gave an explicit tag.
    public var hasExplicitTag: Bool { document.hasExplicitTag(id) }

    /// The value of a bool node, else `nil`.
    public var bool: Bool? { kind == .bool ? document.bool(id) : nil }
    /// The value of an int node, else `nil`.
    public var int: Int64? { kind == .int ? document.int(id) : nil }
    /// The value of a double node, else `nil`.
    public var double: Double? { kind == .double ? document.double(id) : nil }
    /// The value of a string node, else `nil`.
    public var string: String? { kind == .string ? document.string(id) : nil }
    /// The value of a timestamp node, else `nil`.
    public var timestamp: Timestamp? { kind == .timestamp ? document.timestamp(id) : nil }
    /// Whether the node is null.
    public var isNull: Bool { kind == .null }

    /// The number of elements or entries; 0 for a scalar.
    public var count: Int { document.count(id) }

    /// The elements of a sequence (empty for anything else).
    public var elements: [Node] {
        guard kind == .sequence else { return [] }
        return (0..<count).map { Node(document: document, id: document.element($0, of: id)) }
    }

    /// The entries of a mapping in source order (empty for anything else).
    public var entries: [(key: Node, value: Node)] {
        guard kind == .mapping else { return [] }
        return (0..<count).map {
            (Node(document: document, id: document.key($0, of: id)), Node(document: document, id: document.value($0, of: id)))
        }
    }

    /// The value under a string key of a mapping, or `nil`.
    public subscript(key: String) -> Node? {
        document.value(named: key, in: id).map { Node(document: document, id: $0) }
    }

    /// The value under a key resolved once for many documents, or `nil`.
    public subscript(key: ResolvedKey) -> Node? {
        document.value(for: key, in: id).map { Node(document: document, id: $0) }
    }

    /// The value under a string key, given as a symbol of the document's table, of a mapping, or `nil`.
    public subscript(symbol: Symbol) -> Node? {
        document.value(for: symbol, in: id).map { Node(document: document, id: $0) }
    }

    /// The element at a position of a sequence, or `nil` when out of range or not a sequence.
    public subscript(index: Int) -> Node? {
        guard kind == .sequence, index >= 0, index < count else { return nil }
        return Node(document: document, id: document.element(index, of: id))
    }
}
