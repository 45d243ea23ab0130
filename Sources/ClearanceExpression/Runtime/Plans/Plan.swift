import ClearanceDocument

/// A compiled expression node, ready to evaluate: names resolved to slots, fields to symbols,
/// functions to their implementations.
protocol Plan: AnyObject, Sendable {
    /// Evaluates the node.
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value
    /// Evaluates the node, giving a document node as such when that is what it yields (no value built).
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved
    /// The number of nodes in this subtree, the steps one evaluation of it is charged.
    var cost: Int { get }
}

extension Plan {
    /// Evaluates; a document list or map comes back as its node, as a field path gives it.
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved { Resolved(try evaluate(&frame)) }
}

/// What a plan yields, inside one evaluation: a document node (held unretained, see ``NodeCursor``)
/// or a value.
enum Resolved {
    case node(Unmanaged<Document>, NodeID)
    case value(Value)

    /// The result as a value (a document node becomes a value holding its document strongly).
    @inline(__always)
    var value: Value {
        switch self {
        case .node(let document, let id): Value(reading: document, id)
        case .value(let value): value
        }
    }

    /// A value, giving document lists and maps back as nodes.
    @inline(__always)
    init(_ value: Value) {
        switch value {
        case .nodeList(let document, let id), .nodeMap(let document, let id): self = .node(Unmanaged.passUnretained(document), id)
        default: self = .value(value)
        }
    }
}
