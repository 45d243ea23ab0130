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
