import ClearanceYAML

/// A chain of field selections from a variable, a loop variable or any plan: `member.identity.mfa`.
///
/// Walks document mappings node to node, reading the base where it is stored, so no value is built
/// for the maps in between. Errors are those of selecting one field at a time.
final class FieldPath: Sendable {
    /// Where the chain starts.
    enum Base: Sendable {
        case variable(slot: Int, name: String, offset: Int)
        case local(Int)
        case plan(any Plan)
    }

    /// One `.field` of the chain.
    struct Step: Sendable {
        let field: String
        let symbol: Symbol
        let offset: Int

        init(field: String, offset: Int) {
            self.field = field
            self.symbol = Symbol(field)
            self.offset = offset
        }
    }

    let base: Base
    let steps: [Step]
    /// The steps' symbols, apart, so the walk reads plain integers.
    private let symbols: [Symbol]

    init(base: Base, steps: [Step]) {
        self.base = base
        self.steps = steps
        self.symbols = steps.map(\.symbol)
    }

    var cost: Int {
        switch base {
        case .variable, .local: 1 + steps.count
        case .plan(let plan): plan.cost + steps.count
        }
    }

    /// Follows the chain.
    @inline(__always)
    func resolve(_ frame: inout Frame) throws(EvaluationError) -> Resolved {
        switch base {
        case .local(let slot):
            if let cursor = frame.cursors[slot] { return try walk(cursor.document, cursor.id, from: 0) }
            return try walk(frame.locals[slot], from: 0)
        case .variable(let slot, let name, let offset):
            guard slot < frame.variables.count else { throw EvaluationError(message: RuntimeMessages.unbound(name), offset: offset) }
            switch frame.variables[slot] {
            case .nodeMap(let document, let id)?: return try walk(Unmanaged.passUnretained(document), id, from: 0)
            case let value?: return try walk(value, from: 0)
            case nil: throw EvaluationError(message: RuntimeMessages.unbound(name), offset: offset)
            }
        case .plan(let plan):
            switch try plan.resolve(&frame) {
            case .node(let document, let id): return try walk(document, id, from: 0)
            case .value(let value): return try walk(value, from: 0)
            }
        }
    }

    /// Follows the steps from `first` on, starting at a document node.
    private func walk(_ handle: Unmanaged<YAMLDocument>, _ start: NodeID, from first: Int) throws(EvaluationError) -> Resolved {
        let count = symbols.count
        if first == count { return .node(handle, start) }
        let outcome: Result<Resolved, EvaluationError> = handle._withUnsafeGuaranteedRef { document in
            var id = start
            var index = first
            while index < count {
                guard document.kind(id) == .mapping else {
                    return .failure(EvaluationError(message: RuntimeMessages.noSuchField(steps[index].field, on: Value(document: document, id: id)),
                                                    offset: steps[index].offset))
                }
                guard let child = document.value(for: symbols[index], in: id) else {
                    return .failure(EvaluationError(message: RuntimeMessages.noSuchKey(steps[index].field), offset: steps[index].offset))
                }
                id = child
                index += 1
            }
            return .success(.node(handle, id))
        }
        return try outcome.get()
    }

    /// Follows the steps from `first` on, starting at any value.
    private func walk(_ start: Value, from first: Int) throws(EvaluationError) -> Resolved {
        var value = start
        for index in first..<steps.count {
            let step = steps[index]
            switch value {
            case .nodeMap(let document, let id): return try walk(Unmanaged.passUnretained(document), id, from: index)
            case .map(let map):
                guard let next = map.value(forString: step.field) else {
                    throw EvaluationError(message: RuntimeMessages.noSuchKey(step.field), offset: step.offset)
                }
                value = next
            default:
                throw EvaluationError(message: RuntimeMessages.noSuchField(step.field, on: value), offset: step.offset)
            }
        }
        return .value(value)
    }
}

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
            let symbol = field.symbol
            let found: Bool? = handle._withUnsafeGuaranteedRef { document in
                document.kind(id) == .mapping ? document.value(for: symbol, in: id) != nil : nil
            }
            guard let found else {
                throw EvaluationError(message: RuntimeMessages.noSuchField(field.field, on: Value(document: handle.takeUnretainedValue(), id: id)),
                                      offset: field.offset)
            }
            return .bool(found)
        case .value(.map(let map)):
            return .bool(map.value(forString: field.field) != nil)
        case .value(let other):
            throw EvaluationError(message: RuntimeMessages.noSuchField(field.field, on: other), offset: field.offset)
        }
    }
}

/// `x in list` or `x in map` without overload dispatch; document lists of strings are compared
/// where they are stored.
final class InPlan: Plan {
    let element: any Plan
    let container: any Plan
    let offset: Int
    let cost: Int

    init(element: any Plan, container: any Plan, offset: Int) {
        self.element = element
        self.container = container
        self.offset = offset
        self.cost = element.cost + container.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try element.evaluate(&frame)
        switch try container.resolve(&frame) {
        case .node(let handle, let id):
            let found: Bool? = handle._withUnsafeGuaranteedRef { document in
                switch document.kind(id) {
                case .sequence:
                    let count = document.count(id)
                    if case .string(let text) = value {
                        for position in 0..<count {
                            let child = document.element(position, of: id)
                            if document.kind(child) == .string, stringsEqual(document.string(child), text) { return true }
                        }
                        return false
                    }
                    for position in 0..<count where celEquals(Value(document: document, id: document.element(position, of: id)), value) {
                        return true
                    }
                    return false
                case .mapping:
                    return NodeMaps.value(in: document, id, forKey: value) != nil
                default:
                    return nil
                }
            }
            if let found { return .bool(found) }
            throw EvaluationError(message: RuntimeMessages.noMatchingOverload(Operator.in, [value, Value(document: handle.takeUnretainedValue(), id: id)]),
                                  offset: offset)
        case .value(.list(let values)):
            for candidate in values where celEquals(candidate, value) { return .bool(true) }
            return .bool(false)
        case .value(.map(let map)):
            return .bool(map.value(for: value) != nil)
        case .value(let other):
            throw EvaluationError(message: RuntimeMessages.noMatchingOverload(Operator.in, [value, other]), offset: offset)
        }
    }
}

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
