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
        if let node = frame.variableNodes[slot] { return .node(node.document, node.id) }
        switch frame.variables[slot] {
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
