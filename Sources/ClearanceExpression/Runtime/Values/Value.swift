import ClearanceCore
import ClearanceDocument

/// A CEL value: a scalar, a list or map, a timestamp, a duration or a type.
///
/// Lists and maps read from a YAML document stay in the document (``nodeList(_:_:)`` and
/// ``nodeMap(_:_:)``): selecting a field reads the child node directly, no copy is made.
/// Lists and maps that an expression builds are Swift-backed (``list(_:)`` and ``map(_:)``).
public enum Value: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A 64-bit signed integer.
    case int(Int64)
    /// A 64-bit unsigned integer (`42u`).
    case uint(UInt64)
    /// A 64-bit floating-point number.
    case double(Double)
    /// A string of Unicode code points.
    case string(String)
    /// A sequence of bytes (`b'...'`).
    case bytes([UInt8])
    /// An instant, 0001-01-01 to 9999-12-31 UTC.
    case timestamp(Timestamp)
    /// A span of time.
    case duration(DurationValue)
    /// A type, as `type(x)` returns it.
    case type(TypeValue)
    /// A list built by an expression or by the caller.
    case list([Value])
    /// A map built by an expression or by the caller, such as a lookup table of documents by id.
    case map(ValueMap)
    /// A YAML sequence, read in place.
    case nodeList(Document, NodeID)
    /// A YAML mapping, read in place.
    case nodeMap(Document, NodeID)

    /// The value of a document node: scalars as Swift values, sequences and mappings in place.
    public init(node: Node) { self = Value(document: node.document, id: node.id) }

    /// The value of a document node given by identity.
    @inline(__always)
    public init(document: Document, id: NodeID) {
        self = withExtendedLifetime(document) { Value(reading: Unmanaged.passUnretained(document), id) }
    }

    /// The value of a document node the caller keeps alive: a scalar is read without taking a
    /// reference to its document (the common case on the evaluation path); only a list or a map
    /// holds its document.
    @inline(__always)
    init(reading handle: Unmanaged<Document>, _ id: NodeID) {
        let scalar: Value? = handle._withUnsafeGuaranteedRef { document in
            switch document.kind(id) {
            case .null: .null
            case .bool: .bool(document.bool(id))
            case .int: .int(document.int(id))
            case .double: .double(document.double(id))
            case .string: .string(document.string(id))
            case .timestamp: .timestamp(document.timestamp(id))
            case .sequence, .mapping: nil
            }
        }
        if let scalar { self = scalar; return }
        let document = handle.takeUnretainedValue()
        self = document.kind(id) == .sequence ? .nodeList(document, id) : .nodeMap(document, id)
    }

    /// The value of a whole document: its root node.
    public init(document: Document) { self = Value(document: document, id: document.rootID) }

    /// A list of strings.
    public init(strings: [String]) { self = .list(strings.map { .string($0) }) }

    /// The document node behind a node-backed list or map; `nil` for every other value.
    public var sourceNode: (document: Document, id: NodeID)? {
        switch self {
        case .nodeList(let document, let id), .nodeMap(let document, let id): (document, id)
        default: nil
        }
    }

    /// The node of each element of a node-backed list, in order; `nil` for any other value.
    ///
    /// The policy layer reports a `for_each` finding at its element's node.
    public var elementNodeIDs: [NodeID]? {
        guard case .nodeList(let document, let id) = self else { return nil }
        return (0..<document.count(id)).map { document.element($0, of: id) }
    }

    /// The elements of a list (node-backed or not); `nil` for any other value.
    public var listElements: [Value]? {
        switch self {
        case .list(let values): values
        case .nodeList(let document, let id): (0..<document.count(id)).map { Value(document: document, id: document.element($0, of: id)) }
        default: nil
        }
    }

    /// The runtime kind of the value, as the `type()` function reports it.
    public var runtimeType: TypeValue { TypeValue(kind: kind) }

    /// The runtime kind of the value.
    var kind: ValueKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .timestamp: .timestamp
        case .duration: .duration
        case .type: .type
        case .list, .nodeList: .list
        case .map, .nodeMap: .map
        }
    }
}

/// The runtime kinds of values, as function overloads dispatch on them.
enum ValueKind: UInt8, Sendable, CaseIterable {
    case null, bool, int, uint, double, string, bytes, timestamp, duration, type, list, map
}

extension Value {

    /// The node behind a node-backed list or map, as a ``Node`` view; `nil` for every other value.
    public var node: Node? { sourceNode.map { Node(document: $0.document, id: $0.id) } }

    /// The name of the value's type as messages show it: `int`, `string`, `list`, `map`, `timestamp`, ...
    public var typeName: String { kindName }
}
