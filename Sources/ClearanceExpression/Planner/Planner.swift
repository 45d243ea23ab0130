import ClearanceDocument

/// Turns a checked expression into plans: references become slots, fields become symbols, calls
/// become their candidate implementations, calls on constants are folded at compile time, and
/// parts of loop bodies that depend on no loop variable are evaluated once per evaluation.
struct Planner {
    let checked: CheckedExpression
    /// The memo slots handed out so far.
    private(set) var memoCount = 0
    /// The nodes whose subtree reads a loop variable.
    private let loopDependent: Set<Int>
    /// The values of variables declared as constants, by slot.
    private let constants: [Value?]
    /// The table field names become symbols of.
    private let symbols: SymbolTable

    init(checked: CheckedExpression, constants: [Value?] = [], symbols: SymbolTable) {
        self.checked = checked
        self.constants = constants
        self.symbols = symbols
        var dependent = Set<Int>()
        Self.markLoopDependent(checked.parsed.expr, checked, &dependent)
        self.loopDependent = dependent
    }

    private func offset(_ expr: Expr) -> Int { checked.parsed.offsets[expr.id] }

    /// The plan of a node; `insideLoop` when the node is in a macro's body.
    mutating func plan(_ expr: Expr, insideLoop: Bool = false) -> any Plan {
        guard insideLoop, !loopDependent.contains(expr.id) else { return planNode(expr, insideLoop: insideLoop) }
        let plan = planNode(expr, insideLoop: false)
        if plan is ConstantPlan || plan is VariablePlan || plan is FailurePlan { return plan }
        memoCount += 1
        return MemoPlan(inner: plan, slot: memoCount - 1)
    }

    private mutating func planNode(_ expr: Expr, insideLoop: Bool) -> any Plan {
        if let reference = checked.references[expr.id] { return plan(reference, at: offset(expr)) }
        switch expr.kind {
        case .constant(let constant):
            return ConstantPlan(Self.value(of: constant))
        case .ident(let name):
            return FailurePlan(message: RuntimeMessages.undeclared(name), offset: offset(expr))
        case .select(let operand, let field, let testOnly):
            if testOnly {
                return PathHasPlan(path: fieldPath(operand, insideLoop: insideLoop),
                                   field: FieldPath.Step(field: field, in: symbols, offset: offset(expr), isDeclared: declares(operand, field)))
            }
            return fold(SelectPathPlan(path: fieldPath(expr, insideLoop: insideLoop)))
        case .call(let function, let target, let args):
            return planCall(expr, function, target, args, insideLoop: insideLoop)
        case .list(let elements):
            return fold(ListPlan(elements: elements.map { plan($0, insideLoop: insideLoop) }, offset: offset(expr)))
        case .map(let entries):
            var plans: [(key: any Plan, value: any Plan, offset: Int)] = []
            for entry in entries {
                plans.append((plan(entry.key, insideLoop: insideLoop), plan(entry.value, insideLoop: insideLoop), checked.parsed.offsets[entry.id]))
            }
            return fold(MapPlan(entries: plans, offset: offset(expr)))
        case .comprehension(let loop):
            let slots = checked.loopSlots[expr.id] ?? (0, nil)
            let range = plan(loop.range, insideLoop: insideLoop)
            let filter = loop.filter.map { plan($0, insideLoop: true) }
            return LoopPlan(kind: loop.kind, macro: loop.macro, range: range, firstSlot: slots.first, secondSlot: slots.second,
                            filter: filter, body: plan(loop.body, insideLoop: true), offset: offset(expr))
        }
    }

    /// The field chain that ends at `expr` (`a.b.c`), starting at the first node that is not a plain selection.
    private mutating func fieldPath(_ expr: Expr, insideLoop: Bool) -> FieldPath {
        var steps: [FieldPath.Step] = []
        var current = expr
        while checked.references[current.id] == nil, case .select(let operand, let field, false) = current.kind {
            steps.append(FieldPath.Step(field: field, in: symbols, offset: offset(current), isDeclared: declares(operand, field)))
            current = operand
        }
        let base: FieldPath.Base
        switch checked.references[current.id] {
        case .variable(let slot, _)? where constant(slot) != nil: base = .plan(plan(current, insideLoop: insideLoop))
        case .variable(let slot, let name)?: base = .variable(slot: slot, name: name, offset: offset(current))
        case .local(let slot, _)?: base = .local(slot)
        default: base = .plan(plan(current, insideLoop: insideLoop))
        }
        return FieldPath(base: base, steps: steps.reversed(), symbols: symbols)
    }

    /// Whether the checked type of `operand` is a declared shape that declares `field`: selecting
    /// it then reads `null` when the key is absent or `operand` is `null` (optional within shapes).
    private func declares(_ operand: Expr, _ field: String) -> Bool {
        guard case .object(let object) = checked.type(of: operand) else { return false }
        return object.fields[field] != nil
    }

    /// The value of a variable declared as a constant.
    private func constant(_ slot: Int) -> Value? { slot < constants.count ? constants[slot] : nil }

    private func plan(_ reference: Reference, at offset: Int) -> any Plan {
        switch reference {
        case .variable(let slot, _) where constant(slot) != nil: ConstantPlan(constant(slot)!)  // safe: just checked
        case .variable(let slot, let name): VariablePlan(slot: slot, name: name, offset: offset)
        case .local(let slot, _): LocalPlan(slot: slot)
        case .type(let type): ConstantPlan(.type(type))
        case .undeclared(let name): FailurePlan(message: RuntimeMessages.undeclared(name), offset: offset)
        }
    }

    static func value(of constant: Constant) -> Value {
        switch constant {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .uint(let u): .uint(u)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .bytes(let b): .bytes(b)
        }
    }

    private mutating func planCall(_ expr: Expr, _ function: String, _ target: Expr?, _ args: [Expr], insideLoop: Bool) -> any Plan {
        var arguments: [any Plan] = []
        for argument in [target].compactMap({ $0 }) + args { arguments.append(plan(argument, insideLoop: insideLoop)) }
        let at = offset(expr)
        switch function {
        case Operator.logicalAnd, Operator.logicalOr:
            // A constant side that decides the result decides it whatever the other side does.
            let decisive = Value.bool(function == Operator.logicalOr)
            for side in arguments.prefix(2) {
                if let constant = side as? ConstantPlan, celEquals(constant.value, decisive) { return constant }
            }
            return foldAlways(LogicalPlan(function, left: arguments[0], right: arguments[1], offset: at), inputs: Array(arguments.prefix(2)))
        case Operator.conditional:
            if let condition = arguments[0] as? ConstantPlan, case .bool(let b) = condition.value { return b ? arguments[1] : arguments[2] }
            return ConditionalPlan(condition: arguments[0], whenTrue: arguments[1], whenFalse: arguments[2], offset: at)
        default: break
        }
        guard let declaration = StandardLibrary.byName[function] else {
            return NoOverloadPlan(function: function, arguments: arguments, message: RuntimeMessages.unknownFunction(function), offset: at)
        }
        let overloads = checked.candidates[expr.id] ?? []
        if !overloads.isEmpty, let special = Specializer.specialize(function, arguments, at: at) { return fold(special) }
        switch (arguments.count, overloads.isEmpty) {
        case (1, false):
            return fold(UnaryCallPlan(function: function, implementations: overloads.compactMap(\.unary), argument: arguments[0],
                                      costsBySize: declaration.costsBySize, offset: at))
        case (2, false):
            return fold(BinaryCallPlan(function: function, implementations: overloads.compactMap(\.binary),
                                       left: arguments[0], right: arguments[1], costsBySize: declaration.costsBySize, offset: at))
        case (3, false):
            return fold(TernaryCallPlan(function: function, implementations: overloads.compactMap(\.ternary),
                                        arguments: (arguments[0], arguments[1], arguments[2]), offset: at))
        case (4, false):
            return fold(QuaternaryCallPlan(function: function, implementations: overloads.compactMap(\.quaternary),
                                           arguments: (arguments[0], arguments[1], arguments[2], arguments[3]), offset: at))
        default:
            return NoOverloadPlan(function: function, arguments: arguments, message: nil, offset: at)
        }
    }

    /// Evaluates a plan whose inputs are all constants, once, now; keeps it when evaluation fails
    /// (so the error still happens at runtime, where `&&` and `||` may absorb it).
    private func fold(_ plan: any Plan) -> any Plan {
        guard let inputs = Self.inputs(of: plan) else { return plan }
        return foldAlways(plan, inputs: inputs)
    }

    private func foldAlways(_ plan: any Plan, inputs: [any Plan]) -> any Plan {
        guard inputs.allSatisfy({ $0 is ConstantPlan }) else { return plan }
        let result: Value? = Frame.with(bindings: .empty, localCount: 0, memoCount: 0, budget: 1_000_000, passing: plan) { plan, frame in
            try? plan.evaluate(&frame)
        }
        return result.map(ConstantPlan.init) ?? plan
    }

    /// The inputs of a plan that only computes from its inputs; `nil` for any other plan.
    private static func inputs(of plan: any Plan) -> [any Plan]? {
        switch plan {
        case let call as UnaryCallPlan: [call.argument]
        case let call as BinaryCallPlan: [call.left, call.right]
        case let equality as EqualityPlan: [equality.left, equality.right]
        case let match as DynamicRegexMatchPlan: [match.subject, match.pattern]
        case let call as TernaryCallPlan: [call.arguments.0, call.arguments.1, call.arguments.2]
        case let call as QuaternaryCallPlan: [call.arguments.0, call.arguments.1, call.arguments.2, call.arguments.3]
        case let list as ListPlan: list.elements
        case let map as MapPlan: map.entries.flatMap { [$0.key, $0.value] }
        case let select as SelectPathPlan: if case .plan(let base) = select.path.base { [base] } else { nil }
        default: nil
        }
    }

    /// Records every node whose subtree reads a loop variable.
    @discardableResult
    private static func markLoopDependent(_ expr: Expr, _ checked: CheckedExpression, _ marks: inout Set<Int>) -> Bool {
        var dependent = false
        if case .local? = checked.references[expr.id] { dependent = true }
        let children: [Expr]
        switch expr.kind {
        case .constant, .ident: children = []
        case .select(let operand, _, _): children = [operand]
        case .call(_, let target, let args): children = [target].compactMap { $0 } + args
        case .list(let elements): children = elements
        case .map(let entries): children = entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let loop): children = [loop.range, loop.body] + [loop.filter].compactMap { $0 }
        }
        for child in children where markLoopDependent(child, checked, &marks) { dependent = true }
        if dependent { marks.insert(expr.id) }
        return dependent
    }
}

extension Overload {
    var unary: UnaryCallPlan.Overload? { if case .unary(let f) = implementation { .init(call: f) } else { nil } }
    var binary: BinaryCallPlan.Overload? { if case .binary(let f) = implementation { .init(call: f) } else { nil } }
    var ternary: TernaryCallPlan.Overload? { if case .ternary(let f) = implementation { .init(call: f) } else { nil } }
    var quaternary: QuaternaryCallPlan.Overload? { if case .quaternary(let f) = implementation { .init(call: f) } else { nil } }
}
