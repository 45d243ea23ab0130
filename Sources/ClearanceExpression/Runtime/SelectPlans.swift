import ClearanceYAML

/// `operand.field`: a map's value under a string key; a missing key is an error.
final class SelectPlan: Plan {
    let operand: any Plan
    let field: String
    /// The field's symbol, resolved when the expression compiled: YAML lookups compare integers.
    let symbol: Symbol
    let offset: Int
    let cost: Int

    init(operand: any Plan, field: String, offset: Int) {
        self.operand = operand
        self.field = field
        self.symbol = Symbol(field)
        self.offset = offset
        self.cost = operand.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let base = try operand.evaluate(&frame)
        switch base {
        case .nodeMap(let document, let id):
            if let child = document.value(for: symbol, in: id) { return Value(document: document, id: child) }
        case .map(let map):
            if let value = map.value(forString: field) { return value }
        default:
            throw EvaluationError(message: RuntimeMessages.noSuchField(field, on: base), offset: offset)
        }
        throw EvaluationError(message: RuntimeMessages.noSuchKey(field), offset: offset)
    }
}

/// `has(operand.field)`: whether a map has a string key.
final class HasPlan: Plan {
    let operand: any Plan
    let field: String
    let symbol: Symbol
    let offset: Int
    let cost: Int

    init(operand: any Plan, field: String, offset: Int) {
        self.operand = operand
        self.field = field
        self.symbol = Symbol(field)
        self.offset = offset
        self.cost = operand.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let base = try operand.evaluate(&frame)
        switch base {
        case .nodeMap(let document, let id): return .bool(document.value(for: symbol, in: id) != nil)
        case .map(let map): return .bool(map.value(forString: field) != nil)
        default: throw EvaluationError(message: RuntimeMessages.noSuchField(field, on: base), offset: offset)
        }
    }
}
