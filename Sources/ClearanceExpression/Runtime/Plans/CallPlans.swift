/// A one-argument call, bound to the overloads the checker left possible (tried in order).
final class UnaryCallPlan: Plan {
    typealias Function = @Sendable (Value) throws(EvaluationError) -> Value?
    /// An overload's code, kept in a struct so it is held as written: an array of bare closures would hold each behind a
    /// thunk whose context is counted on every call.
    struct Overload: Sendable { let call: Function }
    let function: String
    let implementations: [Overload]
    let argument: any Plan
    let costsBySize: Bool
    let offset: Int
    let cost: Int

    init(function: String, implementations: [Overload], argument: any Plan, costsBySize: Bool = false, offset: Int) {
        self.function = function
        self.implementations = implementations
        self.argument = argument
        self.costsBySize = costsBySize
        self.offset = offset
        self.cost = argument.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try argument.evaluate(&frame)
        try frame.charge((costsBySize ? value.sizeForCost : value.textSizeForCost) / sizeUnitsPerStep, at: offset)
        do {
            for implementation in implementations {
                if let result = try implementation.call(value) { return result }
            }
        } catch {
            throw error.placed(at: offset)
        }
        throw EvaluationError(message: RuntimeMessages.noMatchingOverload(function, [value]), offset: offset)
    }
}

/// A two-argument call (most operators), bound to its possible overloads.
final class BinaryCallPlan: Plan {
    typealias Function = @Sendable (Value, Value) throws(EvaluationError) -> Value?
    /// An overload's code, kept in a struct so it is held as written: an array of bare closures would hold each behind a
    /// thunk whose context is counted on every call.
    struct Overload: Sendable { let call: Function }
    let function: String
    let implementations: [Overload]
    let left: any Plan
    let right: any Plan
    let costsBySize: Bool
    let offset: Int
    let cost: Int

    init(function: String, implementations: [Overload], left: any Plan, right: any Plan, costsBySize: Bool = false, offset: Int) {
        self.function = function
        self.implementations = implementations
        self.left = left
        self.right = right
        self.costsBySize = costsBySize
        self.offset = offset
        self.cost = left.cost + right.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let a = try left.evaluate(&frame)
        let b = try right.evaluate(&frame)
        try frame.charge((costsBySize ? a.sizeForCost + b.sizeForCost : a.textSizeForCost + b.textSizeForCost) / sizeUnitsPerStep, at: offset)
        do {
            for implementation in implementations {
                if let result = try implementation.call(a, b) { return result }
            }
        } catch {
            throw error.placed(at: offset)
        }
        throw EvaluationError(message: RuntimeMessages.noMatchingOverload(function, [a, b]), offset: offset)
    }
}

/// A three-argument call, bound to its possible overloads.
final class TernaryCallPlan: Plan {
    typealias Function = @Sendable (Value, Value, Value) throws(EvaluationError) -> Value?
    /// An overload's code, kept in a struct so it is held as written: an array of bare closures would hold each behind a
    /// thunk whose context is counted on every call.
    struct Overload: Sendable { let call: Function }
    let function: String
    let implementations: [Overload]
    let arguments: (any Plan, any Plan, any Plan)
    let offset: Int
    let cost: Int

    init(function: String, implementations: [Overload], arguments: (any Plan, any Plan, any Plan), offset: Int) {
        self.function = function
        self.implementations = implementations
        self.arguments = arguments
        self.offset = offset
        self.cost = arguments.0.cost + arguments.1.cost + arguments.2.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let a = try arguments.0.evaluate(&frame)
        let b = try arguments.1.evaluate(&frame)
        let c = try arguments.2.evaluate(&frame)
        try frame.charge((a.textSizeForCost + b.textSizeForCost + c.textSizeForCost) / sizeUnitsPerStep, at: offset)
        do {
            for implementation in implementations {
                if let result = try implementation.call(a, b, c) { return result }
            }
        } catch {
            throw error.placed(at: offset)
        }
        throw EvaluationError(message: RuntimeMessages.noMatchingOverload(function, [a, b, c]), offset: offset)
    }
}

/// A four-argument call, bound to its possible overloads.
final class QuaternaryCallPlan: Plan {
    typealias Function = @Sendable (Value, Value, Value, Value) throws(EvaluationError) -> Value?
    /// An overload's code, kept in a struct so it is held as written: an array of bare closures would hold each behind a
    /// thunk whose context is counted on every call.
    struct Overload: Sendable { let call: Function }
    let function: String
    let implementations: [Overload]
    let arguments: (any Plan, any Plan, any Plan, any Plan)
    let offset: Int
    let cost: Int

    init(function: String, implementations: [Overload], arguments: (any Plan, any Plan, any Plan, any Plan), offset: Int) {
        self.function = function
        self.implementations = implementations
        self.arguments = arguments
        self.offset = offset
        self.cost = arguments.0.cost + arguments.1.cost + arguments.2.cost + arguments.3.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let a = try arguments.0.evaluate(&frame)
        let b = try arguments.1.evaluate(&frame)
        let c = try arguments.2.evaluate(&frame)
        let d = try arguments.3.evaluate(&frame)
        try frame.charge((a.textSizeForCost + b.textSizeForCost + c.textSizeForCost + d.sizeForCost) / sizeUnitsPerStep, at: offset)
        do {
            for implementation in implementations {
                if let result = try implementation.call(a, b, c, d) { return result }
            }
        } catch {
            throw error.placed(at: offset)
        }
        throw EvaluationError(message: RuntimeMessages.noMatchingOverload(function, [a, b, c, d]), offset: offset)
    }
}

/// A call no overload can take, whatever the arguments (unchecked expressions only): evaluates the
/// arguments, so their errors come first, then fails.
final class NoOverloadPlan: Plan {
    let function: String
    let arguments: [any Plan]
    let message: String?
    let offset: Int
    let cost: Int

    init(function: String, arguments: [any Plan], message: String?, offset: Int) {
        self.function = function
        self.arguments = arguments
        self.message = message
        self.offset = offset
        self.cost = arguments.reduce(1) { $0 + $1.cost }
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        var values: [Value] = []
        for argument in arguments { values.append(try argument.evaluate(&frame)) }
        throw EvaluationError(message: message ?? RuntimeMessages.noMatchingOverload(function, values), offset: offset)
    }
}
