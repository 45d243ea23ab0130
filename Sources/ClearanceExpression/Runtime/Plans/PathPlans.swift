import ClearanceDocument

/// `a.b.c`: a field chain's value.
final class SelectPathPlan: Plan {
    let path: FieldPath
    let cost: Int

    init(path: FieldPath) {
        self.path = path
        self.cost = path.cost
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value { try path.resolve(&frame).value }

    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved { try path.resolve(&frame) }
}

/// `a.b == 'text'` (or `!=`): compares the field's string where it is stored, building no value.
final class PathStringEqualityPlan: Plan {
    let path: FieldPath
    let constant: String
    let negated: Bool
    let cost: Int

    init(path: FieldPath, constant: String, negated: Bool) {
        self.path = path
        self.constant = constant
        self.negated = negated
        self.cost = path.cost + 2
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        switch try path.resolve(&frame) {
        case .node(let handle, let id):
            let constant = self.constant
            let equal = handle._withUnsafeGuaranteedRef { document in
                document.kind(id) == .string && stringsEqual(document.string(id), constant)
            }
            return .bool(equal != negated)
        case .value(.string(let text)):
            return .bool(stringsEqual(text, constant) != negated)
        case .value:
            return .bool(negated)
        }
    }
}

/// `has(a.b.c)`: whether the map the chain `a.b` reaches has the field `c`.
///
/// For a field the shape of `a.b` declares, absent and `null` mean the same: `has` is true when
/// the field is present and not `null`, and false when `a.b` itself is `null` or absent.
final class PathHasPlan: Plan {
    let path: FieldPath
    let field: FieldPath.Step
    let cost: Int

    init(path: FieldPath, field: FieldPath.Step) {
        self.path = path
        self.field = field
        self.cost = path.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        switch try path.resolve(&frame) {
        case .node(let handle, let id):
            let key = field.key, declared = field.isDeclared
            let found: Bool? = handle._withUnsafeGuaranteedRef { document in
                switch document.kind(id) {
                case .mapping:
                    guard let child = document.value(for: key, in: id) else { return false }
                    return !declared || document.kind(child) != .null
                case .null where declared: return false
                default: return nil
                }
            }
            guard let found else {
                throw EvaluationError(message: RuntimeMessages.noSuchField(field.field, on: Value(document: handle.takeUnretainedValue(), id: id)),
                                      offset: field.offset)
            }
            return .bool(found)
        case .value(.map(let map)):
            guard let child = map.value(forString: field.field) else { return .bool(false) }
            if field.isDeclared, case .null = child { return .bool(false) }
            return .bool(true)
        case .value(.null) where field.isDeclared:
            return .bool(false)
        case .value(let other):
            throw EvaluationError(message: RuntimeMessages.noSuchField(field.field, on: other), offset: field.offset)
        }
    }
}
