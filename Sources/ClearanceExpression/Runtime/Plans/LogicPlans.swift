/// `a && b` and `a || b`, commutative as CEL defines them: a side that decides the result
/// (false for `&&`, true for `||`) wins even if the other side fails.
final class LogicalPlan: Plan {
    let left: any Plan
    let right: any Plan
    /// The value that decides the result: `false` for `&&`, `true` for `||`.
    let decisive: Bool
    let offset: Int
    let cost: Int

    init(_ function: String, left: any Plan, right: any Plan, offset: Int) {
        self.left = left
        self.right = right
        self.decisive = function == Operator.logicalOr
        self.offset = offset
        self.cost = left.cost + right.cost + 1
    }

    private var function: String { decisive ? Operator.logicalOr : Operator.logicalAnd }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        var failure: EvaluationError?
        do {
            switch try left.evaluate(&frame) {
            case .bool(let b): if b == decisive { return .bool(decisive) }
            case let other: failure = EvaluationError(message: RuntimeMessages.notBool(function, other), offset: offset)
            }
        } catch {
            failure = error
        }
        let value: Value
        do {
            value = try right.evaluate(&frame)
        } catch {
            throw failure ?? error
        }
        guard case .bool(let b) = value else {
            throw failure ?? EvaluationError(message: RuntimeMessages.notBool(function, value), offset: offset)
        }
        if b == decisive { return .bool(decisive) }
        if let failure { throw failure }
        return .bool(b)
    }
}

/// `c ? a : b`: evaluates only the branch the condition picks.
final class ConditionalPlan: Plan {
    let condition: any Plan
    let whenTrue: any Plan
    let whenFalse: any Plan
    let offset: Int
    let cost: Int

    init(condition: any Plan, whenTrue: any Plan, whenFalse: any Plan, offset: Int) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        self.offset = offset
        self.cost = condition.cost + whenTrue.cost + whenFalse.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        switch try condition.evaluate(&frame) {
        case .bool(true): return try whenTrue.evaluate(&frame)
        case .bool(false): return try whenFalse.evaluate(&frame)
        case let other: throw EvaluationError(message: RuntimeMessages.notBool(Operator.conditional, other), offset: offset)
        }
    }

    /// Resolves the chosen branch, so a document node it yields stays a node (a date stays a date).
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved {
        switch try condition.evaluate(&frame) {
        case .bool(true): return try whenTrue.resolve(&frame)
        case .bool(false): return try whenFalse.resolve(&frame)
        case let other: throw EvaluationError(message: RuntimeMessages.notBool(Operator.conditional, other), offset: offset)
        }
    }
}
