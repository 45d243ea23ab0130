import ClearanceRegex

/// A list literal.
final class ListPlan: Plan {
    let elements: [any Plan]
    let offset: Int
    let cost: Int

    init(elements: [any Plan], offset: Int) {
        self.elements = elements
        self.offset = offset
        self.cost = elements.reduce(1) { $0 + $1.cost }
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.evaluate(&frame)) }
        return .list(values)
    }
}

/// A map literal; a key of an unsupported type or a repeated key is an error.
final class MapPlan: Plan {
    let entries: [(key: any Plan, value: any Plan, offset: Int)]
    let offset: Int
    let cost: Int

    init(entries: [(key: any Plan, value: any Plan, offset: Int)], offset: Int) {
        self.entries = entries
        self.offset = offset
        self.cost = entries.reduce(1) { $0 + $1.key.cost + $1.value.cost }
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        var pairs: [(key: Value, value: Value)] = []
        pairs.reserveCapacity(entries.count)
        for entry in entries {
            let key = try entry.key.evaluate(&frame)
            let value = try entry.value.evaluate(&frame)
            pairs.append((key, value))
        }
        do {
            return .map(try ValueMap(entries: pairs))
        } catch {
            throw error.placed(at: offset)
        }
    }
}

/// `x in [constants]`: a hash lookup in the constants instead of a scan.
final class InConstantSetPlan: Plan {
    let element: any Plan
    let keys: Set<MapKey>
    let cost: Int

    init(element: any Plan, keys: Set<MapKey>) {
        self.element = element
        self.keys = keys
        self.cost = element.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        guard let key = MapKey(lookingUp: try element.evaluate(&frame)) else { return .bool(false) }
        return .bool(keys.contains(key))
    }
}

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
        return .bool(regex.matches(text))
    }
}
