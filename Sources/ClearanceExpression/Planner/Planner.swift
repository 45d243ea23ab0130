/// Turns a checked expression into plans: references become slots, fields become symbols, calls
/// become their candidate implementations, and calls on constants are folded at compile time.
struct Planner {
    let checked: CheckedExpression

    private func offset(_ expr: Expr) -> Int { checked.parsed.offsets[expr.id] }

    /// The plan of a node.
    func plan(_ expr: Expr) -> any Plan {
        if let reference = checked.references[expr.id] { return plan(reference, at: offset(expr)) }
        switch expr.kind {
        case .constant(let constant):
            return ConstantPlan(Self.value(of: constant))
        case .ident(let name):
            return FailurePlan(message: RuntimeMessages.undeclared(name), offset: offset(expr))
        case .select(let operand, let field, let testOnly):
            let operandPlan = plan(operand)
            return testOnly ? HasPlan(operand: operandPlan, field: field, offset: offset(expr))
                            : fold(SelectPlan(operand: operandPlan, field: field, offset: offset(expr)))
        case .call(let function, let target, let args):
            return planCall(expr, function, target, args)
        case .list(let elements):
            return fold(ListPlan(elements: elements.map(plan), offset: offset(expr)))
        case .map(let entries):
            let plans = entries.map { (key: plan($0.key), value: plan($0.value), offset: checked.parsed.offsets[$0.id]) }
            return fold(MapPlan(entries: plans, offset: offset(expr)))
        case .comprehension(let loop):
            let slots = checked.loopSlots[expr.id] ?? (0, nil)
            return LoopPlan(kind: loop.kind, macro: loop.macro, range: plan(loop.range), firstSlot: slots.first,
                            secondSlot: slots.second, filter: loop.filter.map(plan), body: plan(loop.body), offset: offset(expr))
        }
    }

    private func plan(_ reference: Reference, at offset: Int) -> any Plan {
        switch reference {
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

    private func planCall(_ expr: Expr, _ function: String, _ target: Expr?, _ args: [Expr]) -> any Plan {
        let arguments = (target.map { [plan($0)] } ?? []) + args.map(plan)
        let at = offset(expr)
        switch function {
        case Operator.logicalAnd: return AndPlan(left: arguments[0], right: arguments[1], offset: at)
        case Operator.logicalOr: return OrPlan(left: arguments[0], right: arguments[1], offset: at)
        case Operator.conditional:
            return ConditionalPlan(condition: arguments[0], whenTrue: arguments[1], whenFalse: arguments[2], offset: at)
        default: break
        }
        guard StandardLibrary.byName[function] != nil else {
            return NoOverloadPlan(function: function, arguments: arguments, message: RuntimeMessages.unknownFunction(function), offset: at)
        }
        let overloads = checked.candidates[expr.id] ?? []
        if let special = specialize(function, arguments, at: at) { return special }
        switch (arguments.count, overloads.isEmpty) {
        case (1, false):
            return fold(UnaryCallPlan(function: function, implementations: overloads.compactMap(\.unary), argument: arguments[0], offset: at))
        case (2, false):
            return fold(BinaryCallPlan(function: function, implementations: overloads.compactMap(\.binary),
                                       left: arguments[0], right: arguments[1], offset: at))
        case (3, false):
            return fold(TernaryCallPlan(function: function, implementations: overloads.compactMap(\.ternary),
                                        arguments: (arguments[0], arguments[1], arguments[2]), offset: at))
        default:
            return NoOverloadPlan(function: function, arguments: arguments, message: nil, offset: at)
        }
    }

    /// Faster plans for common shapes: equality with a string constant, membership in a constant list.
    private func specialize(_ function: String, _ arguments: [any Plan], at offset: Int) -> (any Plan)? {
        switch function {
        case Operator.equals, Operator.notEquals:
            let negated = function == Operator.notEquals
            if let constant = arguments[1] as? ConstantPlan, case .string(let text) = constant.value, !(arguments[0] is ConstantPlan) {
                return StringEqualityPlan(operand: arguments[0], constant: text, negated: negated)
            }
            if let constant = arguments[0] as? ConstantPlan, case .string(let text) = constant.value, !(arguments[1] is ConstantPlan) {
                return StringEqualityPlan(operand: arguments[1], constant: text, negated: negated)
            }
        case "matches" where arguments.count == 2:
            guard let pattern = arguments[1] as? ConstantPlan, case .string(let source) = pattern.value,
                  let regex = try? StandardLibrary.compileRegex(source) else { break }
            return RegexMatchPlan(subject: arguments[0], regex: regex, offset: offset)
        case Operator.in:
            guard !(arguments[0] is ConstantPlan), let list = arguments[1] as? ConstantPlan, case .list(let values) = list.value else { break }
            var keys = Set<MapKey>()
            for value in values {
                guard let key = MapKey(storing: value) else { return nil }
                keys.insert(key)
            }
            return InConstantSetPlan(element: arguments[0], keys: keys)
        default:
            break
        }
        return nil
    }

    /// Evaluates a plan whose inputs are all constants, once, now; keeps it when evaluation fails
    /// (so the error still happens at runtime, where `&&` and `||` may absorb it).
    private func fold(_ plan: any Plan) -> any Plan {
        guard let inputs = Self.inputs(of: plan), inputs.allSatisfy({ $0 is ConstantPlan }) else { return plan }
        let result: Value? = Frame.with(bindings: [], localCount: 0, budget: 1_000_000) { frame in try? plan.evaluate(&frame) }
        return result.map(ConstantPlan.init) ?? plan
    }

    /// The inputs of a plan that only computes from its inputs; `nil` for any other plan.
    private static func inputs(of plan: any Plan) -> [any Plan]? {
        switch plan {
        case let call as UnaryCallPlan: [call.argument]
        case let call as BinaryCallPlan: [call.left, call.right]
        case let call as TernaryCallPlan: [call.arguments.0, call.arguments.1, call.arguments.2]
        case let list as ListPlan: list.elements
        case let map as MapPlan: map.entries.flatMap { [$0.key, $0.value] }
        case let select as SelectPlan: [select.operand]
        default: nil
        }
    }
}

extension Overload {
    var unary: UnaryCallPlan.Function? { if case .unary(let f) = implementation { f } else { nil } }
    var binary: BinaryCallPlan.Function? { if case .binary(let f) = implementation { f } else { nil } }
    var ternary: TernaryCallPlan.Function? { if case .ternary(let f) = implementation { f } else { nil } }
}
