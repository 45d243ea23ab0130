/// One step of Thompson's NFA simulation: from a set of instruction indices, follow every
/// non-consuming instruction, and advance the threads that accept the next scalar.
///
/// The simulator owns the scratch space of one search; the program is only read.
struct ThompsonSimulator {
    private let program: Program
    private var visited: VisitedSet
    private var pending: [Int] = []

    /// Creates a simulator for `program`.
    init(_ program: Program) {
        self.program = program
        visited = VisitedSet(capacity: program.instructions.count)
    }

    /// Follows `threads` through the position after `context` and before `scalar` (nil: the end),
    /// then over `scalar`, writing the threads that survive to `next`; true if a thread reached `match`.
    /// An unanchored program also starts a new thread at every position.
    /// - Complexity: O(*m*) for a program of *m* instructions: each is visited at most once.
    mutating func step(
        from threads: [Int32], after context: ScalarContext, over scalar: Unicode.Scalar?, into next: inout [Int32]
    ) -> Bool {
        visited.removeAll()
        next.removeAll(keepingCapacity: true)
        for thread in threads {
            pending.append(Int(thread))
            while let index = pending.popLast() {
                guard visited.insert(index) else { continue }
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
                    if let scalar, accepts(program.instructions[index], scalar) { next.append(Int32(index + 1)) }
                }
            }
        }
        if scalar != nil, !program.isAnchoredAtStart { next.append(0) }
        return false
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
}
