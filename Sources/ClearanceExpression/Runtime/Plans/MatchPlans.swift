import ClearanceRegex

/// `x == 'text'` or `x != 'text'` against a string constant, compared without building anything.
final class StringEqualityPlan: Plan {
    let operand: any Plan
    let constant: String
    let negated: Bool
    let cost: Int

    init(operand: any Plan, constant: String, negated: Bool) {
        self.operand = operand
        self.constant = constant
        self.negated = negated
        self.cost = operand.cost + 2
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try operand.evaluate(&frame)
        guard case .string(let text) = value else { return .bool(negated) }
        return .bool(stringsEqual(text, constant) != negated)
    }
}

/// `text.matches('pattern')` with a constant pattern, compiled once when the expression compiles.
final class RegexMatchPlan: Plan {
    let subject: any Plan
    let regex: LinearRegex
    let offset: Int
    let cost: Int

    init(subject: any Plan, regex: LinearRegex, offset: Int) {
        self.subject = subject
        self.regex = regex
        self.offset = offset
        self.cost = subject.cost + 2
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try subject.evaluate(&frame)
        guard case .string(let text) = value else {
            throw EvaluationError(message: RuntimeMessages.noMatchingOverload("matches", [value, .string(regex.pattern)]), offset: offset)
        }
        try frame.charge(text.utf8.count / sizeUnitsPerStep, at: offset)
        return .bool(regex.matches(text))
    }
}

/// `text.matches(pattern)` with a pattern computed as the expression runs: compiled through the
/// plan's own cache, and charged as if compiled every time, so the cost never depends on what other
/// evaluations left in the cache (see ``compileCost(programSize:)``).
final class DynamicRegexMatchPlan: Plan {
    let subject: any Plan
    let pattern: any Plan
    let offset: Int
    let cost: Int
    private let regexes = RegexCache()

    /// Steps charged for a pattern that fails to compile (the work done before the error is unknown).
    static let failedCompileCost = 200_000

    /// Steps charged for compiling a program of `programSize` instructions.
    ///
    /// Measured, not derived: compiling costs up to about eighty steps' time per instruction
    /// (case-insensitive Unicode classes), and `{n,m}` expands in time quadratic in its size.
    static func compileCost(programSize: Int) -> Int {
        80 * programSize + programSize * programSize / 50
    }

    init(subject: any Plan, pattern: any Plan, offset: Int) {
        self.subject = subject
        self.pattern = pattern
        self.offset = offset
        self.cost = subject.cost + pattern.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try subject.evaluate(&frame)
        let patternValue = try pattern.evaluate(&frame)
        guard case .string(let text) = value, case .string(let source) = patternValue else {
            throw EvaluationError(message: RuntimeMessages.noMatchingOverload("matches", [value, patternValue]), offset: offset)
        }
        try frame.charge((text.utf8.count + source.utf8.count) / sizeUnitsPerStep, at: offset)
        let regex: LinearRegex
        do {
            regex = try regexes.regex(source)
        } catch {
            try frame.charge(Self.failedCompileCost, at: offset)
            throw error.placed(at: offset)
        }
        try frame.charge(Self.compileCost(programSize: regex.programSize), at: offset)
        return .bool(regex.matches(text))
    }
}
