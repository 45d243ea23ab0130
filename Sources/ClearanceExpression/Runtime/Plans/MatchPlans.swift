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
