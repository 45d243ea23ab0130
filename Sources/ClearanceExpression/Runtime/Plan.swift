/// A compiled expression node, ready to evaluate: names resolved to slots, fields to symbols,
/// functions to their implementations.
protocol Plan: AnyObject, Sendable {
    /// Evaluates the node.
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value
    /// The number of nodes in this subtree, the steps one evaluation of it is charged.
    var cost: Int { get }
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
}

/// A macro's loop variable, read from its slot.
final class LocalPlan: Plan {
    let slot: Int
    init(slot: Int) { self.slot = slot }
    var cost: Int { 1 }
    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value { frame.locals[slot] }
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
