import ClearanceYAML

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
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved { .value(try evaluate(&frame)) }
}

/// What a plan yields, inside one evaluation: a document node (held unretained, see ``NodeCursor``)
/// or a value.
enum Resolved {
    case node(Unmanaged<YAMLDocument>, NodeID)
    case value(Value)

    /// The result as a value (a document node becomes a value holding its document strongly).
    @inline(__always)
    var value: Value {
        switch self {
        case .node(let document, let id): Value(document: document.takeUnretainedValue(), id: id)
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

/// A value known when the expression compiled.
final class ConstantPlan: Plan {
    let value: Value
    init(_ value: Value) { self.value = value }
    var cost: Int { 1 }
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value { value }
}

/// A declared variable, read from its slot.
final class VariablePlan: Plan {
    let slot: Int
    let name: String
    let offset: Int
    init(slot: Int, name: String, offset: Int) {
        self.slot = slot
        self.name = name
        self.offset = offset
    }
    var cost: Int { 1 }
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        guard slot < frame.variables.count, let value = frame.variables[slot] else {
            throw EvaluationError(message: RuntimeMessages.unbound(name), offset: offset)
        }
        return value
    }
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved {
        guard slot < frame.variables.count else { throw EvaluationError(message: RuntimeMessages.unbound(name), offset: offset) }
        switch frame.variables[slot] {
        case .nodeMap(let document, let id)?, .nodeList(let document, let id)?: return .node(Unmanaged.passUnretained(document), id)
        case let value?: return .value(value)
        case nil: throw EvaluationError(message: RuntimeMessages.unbound(name), offset: offset)
        }
    }
}

/// A macro's loop variable, read from its slot.
final class LocalPlan: Plan {
    let slot: Int
    init(slot: Int) { self.slot = slot }
    var cost: Int { 1 }
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value { frame.local(slot) }
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved {
        if let cursor = frame.cursors[slot] { return .node(cursor.document, cursor.id) }
        return Resolved(frame.locals[slot])
    }
}

/// A part of an unchecked expression that can only fail (an undeclared name, an unknown function).
final class FailurePlan: Plan {
    let message: String
    let offset: Int
    init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
    var cost: Int { 1 }
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        throw EvaluationError(message: message, offset: offset)
    }
}
