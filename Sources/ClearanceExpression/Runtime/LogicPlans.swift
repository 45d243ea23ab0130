/// `a && b`: false if either side is false, even if the other fails (CEL's commutative `&&`).
final class AndPlan: Plan {
    let left: any Plan
    let right: any Plan
    let offset: Int
    let cost: Int

    init(left: any Plan, right: any Plan, offset: Int) {
        self.left = left
        self.right = right
        self.offset = offset
        self.cost = left.cost + right.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        var failure: EvaluationError?
        do {
            switch try left.evaluate(&frame) {
            case .bool(false): return .bool(false)
            case .bool(true): break
            case let other: failure = EvaluationError(message: RuntimeMessages.notBool(Operator.logicalAnd, other), offset: offset)
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
        switch value {
        case .bool(false): return .bool(false)
        case .bool(true):
            if let failure { throw failure }
            return .bool(true)
        default:
            throw failure ?? EvaluationError(message: RuntimeMessages.notBool(Operator.logicalAnd, value), offset: offset)
        }
    }
}

/// `a || b`: true if either side is true, even if the other fails (CEL's commutative `||`).
final class OrPlan: Plan {
    let left: any Plan
    let right: any Plan
    let offset: Int
    let cost: Int

    init(left: any Plan, right: any Plan, offset: Int) {
        self.left = left
        self.right = right
        self.offset = offset
        self.cost = left.cost + right.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        var failure: EvaluationError?
        do {
            switch try left.evaluate(&frame) {
            case .bool(true): return .bool(true)
            case .bool(false): break
            case let other: failure = EvaluationError(message: RuntimeMessages.notBool(Operator.logicalOr, other), offset: offset)
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
        switch value {
        case .bool(true): return .bool(true)
        case .bool(false):
            if let failure { throw failure }
            return .bool(false)
        default:
            throw failure ?? EvaluationError(message: RuntimeMessages.notBool(Operator.logicalOr, value), offset: offset)
        }
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
}
