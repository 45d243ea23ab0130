import ClearanceDocument

/// A chain of field selections from a variable, a loop variable or any plan: `member.identity.mfa`.
///
/// Walks document mappings node to node, reading the base where it is stored, so no value is built
/// for the maps in between. Errors are those of selecting one field at a time, except for a step
/// that selects a declared field of a declared shape: there an absent key, or a `null` where the
/// shape's mapping belongs, reads as `null` (absent and null mean the same in a document).
/// Field names are symbols of the table the path was planned with; a document of another table
/// is read by name.
final class FieldPath: Sendable {
    /// Where the chain starts.
    enum Base: Sendable {
        case variable(slot: Int, name: String, offset: Int)
        case local(Int)
        case plan(any Plan)
    }

    /// One `.field` of the chain.
    struct Step: Sendable {
        /// The field, with its symbol in the plan's table.
        let key: ResolvedKey
        let offset: Int
        /// Whether the field is declared by the shape of the value it is selected from, so that a
        /// missing key, or a `null` in place of that value, reads as `null` instead of an error.
        let isDeclared: Bool

        /// A step selecting `field`, made a symbol of `symbols` (a name from the expression, never from data).
        init(field: String, in symbols: SymbolTable, offset: Int, isDeclared: Bool = false) {
            self.key = ResolvedKey(interning: field, in: symbols)
            self.offset = offset
            self.isDeclared = isDeclared
        }

        /// The field as written.
        var field: String { key.name }
    }

    let base: Base
    let steps: [Step]
    /// The steps' symbols, apart, so the walk reads plain integers.
    private let symbols: [Symbol]
    /// The table `symbols` belong to.
    private let table: SymbolTable
    /// Where each step's key was last found in its mapping: tried first next time (see ``LookupHints``).
    private let hints: LookupHints

    init(base: Base, steps: [Step], symbols: SymbolTable) {
        self.base = base
        self.steps = steps
        self.table = symbols
        self.symbols = steps.map { $0.key.symbol! }  // safe: steps intern their fields
        self.hints = LookupHints(count: steps.count)
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
            // A document's mapping or list is walked from its node, read without a reference count.
            if let node = frame.variableNodes[slot] { return try walk(node.document, node.id, from: 0) }
            switch frame.variables[slot] {
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
    private func walk(_ handle: Unmanaged<Document>, _ start: NodeID, from first: Int) throws(EvaluationError) -> Resolved {
        let count = symbols.count
        if first == count { return .node(handle, start) }
        // Most walks find every key as a symbol: they end here, without the steps below.
        let (reached, stoppedAt) = handle._withUnsafeGuaranteedRef { document in
            document.symbols === table ? document.follow(symbols, from: first, at: start, hints: hints) : (start, first)
        }
        if stoppedAt == count { return .node(handle, reached) }
        let outcome: Result<Resolved, EvaluationError> = handle._withUnsafeGuaranteedRef { document in
            let sameTable = document.symbols === table
            var id = reached
            var index = stoppedAt
            while index < count {
                // The keys are looked up first, as symbols: only a step that finds nothing asks what the node is.
                if sameTable, index > stoppedAt {
                    (id, index) = document.follow(symbols, from: index, at: id, hints: hints)
                    if index == count { break }
                }
                let found = sameTable
                    ? (document.hasPlainKeys ? document.plainKeyValue(named: steps[index].field, in: id) : nil)
                    : document.value(named: steps[index].field, in: id)
                guard let child = found else {
                    guard document.kind(id) == .mapping else {
                        if steps[index].isDeclared, document.kind(id) == .null { return .success(.value(.null)) }
                        return .failure(EvaluationError(message: RuntimeMessages.noSuchField(steps[index].field, on: Value(document: document, id: id)),
                                                        offset: steps[index].offset))
                    }
                    if steps[index].isDeclared { return .success(.value(.null)) }
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
                    if step.isDeclared { return .value(.null) }
                    throw EvaluationError(message: RuntimeMessages.noSuchKey(step.field), offset: step.offset)
                }
                value = next
            case .null where step.isDeclared:
                return .value(.null)
            default:
                throw EvaluationError(message: RuntimeMessages.noSuchField(step.field, on: value), offset: step.offset)
            }
        }
        // A document node reached through a Swift map (members[id]) resolves as a node, as if walked to.
        return Resolved(value)
    }
}
