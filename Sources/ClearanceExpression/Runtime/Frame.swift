/// The state of one evaluation: the bound variables, the loop-variable slots and the step count.
///
/// It lives on the evaluating thread's stack for the duration of one ``Program/evaluate(_:)``;
/// nothing in it is shared, so programs evaluate concurrently without locks.
struct Frame {
    /// The bound variables, by slot (`nil` for a declared variable nothing was bound to).
    let variables: UnsafeBufferPointer<Value?>
    /// The loop variables of macros, by slot.
    let locals: UnsafeMutablePointer<Value>
    /// Steps taken so far.
    var steps: Int
    /// The most steps allowed.
    let budget: Int

    /// Counts `cost` steps, failing once the budget is spent.
    @inline(__always)
    mutating func charge(_ cost: Int, at offset: Int) throws(EvaluationError) {
        steps &+= cost
        if steps > budget { throw EvaluationError(message: RuntimeMessages.budgetExceeded(budget), offset: offset) }
    }

    /// Runs `body` with a frame over `bindings` and `localCount` fresh loop-variable slots.
    static func with<R>(bindings: [Value?], localCount: Int, budget: Int, _ body: (inout Frame) -> R) -> R {
        bindings.withUnsafeBufferPointer { variables in
            withUnsafeTemporaryAllocation(of: Value.self, capacity: max(1, localCount)) { buffer in
                // safe: a temporary allocation of capacity >= 1 always has a base address
                let locals = buffer.baseAddress!
                locals.initialize(repeating: .null, count: buffer.count)
                defer { locals.deinitialize(count: buffer.count) }
                var frame = Frame(variables: variables, locals: locals, steps: 0, budget: budget)
                return body(&frame)
            }
        }
    }
}
