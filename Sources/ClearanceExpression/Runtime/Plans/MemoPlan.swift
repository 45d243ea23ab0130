/// A part of a loop body that depends on no loop variable: evaluated at most once per evaluation.
final class MemoPlan: Plan {
    let inner: any Plan
    let slot: Int
    var cost: Int { inner.cost }

    init(inner: any Plan, slot: Int) {
        self.inner = inner
        self.slot = slot
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value { try resolve(&frame).value }

    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved {
        if let known = frame.memos[slot] { return known }
        let resolved = try inner.resolve(&frame)
        frame.memos[slot] = resolved
        return resolved
    }
}
