/// `a == b` and `a != b` over any values, charging the comparison to the step budget (see
/// ``celEquals(_:_:charging:at:)``).
final class EqualityPlan: Plan {
    let left: any Plan
    let right: any Plan
    let negated: Bool
    let offset: Int
    let cost: Int

    init(left: any Plan, right: any Plan, negated: Bool, offset: Int) {
        self.left = left
        self.right = right
        self.negated = negated
        self.offset = offset
        self.cost = left.cost + right.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let a = try left.evaluate(&frame)
        let b = try right.evaluate(&frame)
        return .bool(try celEquals(a, b, charging: &frame, at: offset) != negated)
    }
}

/// `a == null` or `a == true` (or `false`, or `!=`): reads the operand where it is stored, building no value. Equal exactly
/// when ``celEquals(_:_:charging:at:)`` says so, which charges nothing for these kinds.
final class NullOrBoolEqualityPlan: Plan {
    let operand: any Plan
    /// The bool compared with; `nil` for `null`.
    let constant: Bool?
    let negated: Bool
    let cost: Int

    init(operand: any Plan, constant: Bool?, negated: Bool) {
        self.operand = operand
        self.constant = constant
        self.negated = negated
        self.cost = operand.cost + 2  // as the general plan charges: the operand, the constant and the comparison
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let constant = self.constant
        let equal: Bool
        switch try operand.resolve(&frame) {
        case .node(let handle, let id):
            equal = handle._withUnsafeGuaranteedRef { document in
                switch document.kind(id) {
                case .null: constant == nil
                case .bool: constant == document.bool(id)
                default: false
                }
            }
        case .value(.null): equal = constant == nil
        case .value(.bool(let flag)): equal = constant == flag
        case .value: equal = false
        }
        return .bool(equal != negated)
    }
}
