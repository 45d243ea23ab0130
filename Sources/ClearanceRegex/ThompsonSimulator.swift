/// One step of Thompson's NFA simulation: from a set of instruction indices, follow every
/// non-consuming instruction, then advance the threads that accept the next scalar.
///
/// The simulator owns the scratch space of one search; the program is only read.
struct ThompsonSimulator {
    /// What a step found.
    enum Step {
        /// A thread reached `match` before the scalar was consumed.
        case match
        /// The threads after the scalar: the indices to resume at, in a canonical order.
        case next([Int32])
    }

    private let program: Program
    private var closure: ThreadList
    private var pending: [Int] = []

    /// Creates a simulator for `program`.
    init(_ program: Program) {
        self.program = program
        closure = ThreadList(capacity: program.instructions.count)
    }

    /// Follows `threads` through the position after `context` and before `scalar` (nil: the end),
    /// then over `scalar`. An unanchored program also starts a new thread at every position.
    mutating func step(from threads: [Int32], after context: ScalarContext, over scalar: Unicode.Scalar?) -> Step {
        closure.removeAll()
        for thread in threads where addClosure(from: Int(thread), after: context, before: scalar) {
            return .match
        }
        guard let scalar else { return .next([]) }
        var next: [Int32] = []
        for slot in 0..<closure.count {
            let index = closure[slot]
            if accepts(program.instructions[index], scalar) { next.append(Int32(index + 1)) }
        }
        if !program.isAnchoredAtStart { next.append(0) }
        return .next(next)
    }

    private func accepts(_ instruction: Instruction, _ scalar: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let value): value == scalar.value
        case .anyScalar: true
        case .anyExceptNewline: scalar != "\n"
        case .characterClass(let which): program.classes[which].contains(scalar)
        case .split, .jump, .assertion, .match: false
        }
    }

    /// Adds `start` and every instruction reachable from it without consuming; true on reaching a match.
    private mutating func addClosure(from start: Int, after context: ScalarContext, before scalar: Unicode.Scalar?)
        -> Bool
    {
        pending.append(start)
        while let index = pending.popLast() {
            guard closure.insert(index) else { continue }
            switch program.instructions[index] {
            case .jump(let offset):
                pending.append(index + offset)
            case .split(let first, let second):
                pending.append(index + second)
                pending.append(index + first)
            case .assertion(let assertion):
                if context.allows(assertion, before: scalar) { pending.append(index + 1) }
            case .match:
                pending.removeAll(keepingCapacity: true)
                return true
            case .scalar, .anyScalar, .anyExceptNewline, .characterClass:
                break
            }
        }
        return false
    }
}
