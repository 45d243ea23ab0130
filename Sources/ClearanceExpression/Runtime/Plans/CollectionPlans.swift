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
            try frame.charge(key.textSizeForCost / sizeUnitsPerStep, at: entry.offset)  // hashed
            pairs.append((key, value))
        }
        do {
            return .map(try ValueMap(entries: pairs))
        } catch {
            throw error.placed(at: offset)
        }
    }
}
