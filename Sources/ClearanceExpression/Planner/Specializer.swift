import ClearanceRegex

/// Faster plans for common call shapes, chosen when the expression compiles: equality (with a
/// string, null or bool constant, or charged to the step budget), membership, matching (against a constant
/// pattern, or charged for compiling one).
enum Specializer {
    /// A specialized plan for a call, or `nil` to use the general one.
    static func specialize(_ function: String, _ arguments: [any Plan], at offset: Int) -> (any Plan)? {
        switch function {
        case Operator.equals, Operator.notEquals:
            let negated = function == Operator.notEquals
            for (constantSide, other) in [(arguments[1], arguments[0]), (arguments[0], arguments[1])] {
                guard let constant = constantSide as? ConstantPlan, !(other is ConstantPlan) else { continue }
                switch constant.value {
                case .string(let text):
                    if let select = other as? SelectPathPlan { return PathStringEqualityPlan(path: select.path, constant: text, negated: negated) }
                    return StringEqualityPlan(operand: other, constant: text, negated: negated)
                case .null: return NullOrBoolEqualityPlan(operand: other, constant: nil, negated: negated)
                case .bool(let flag): return NullOrBoolEqualityPlan(operand: other, constant: flag, negated: negated)
                default: continue
                }
            }
            return EqualityPlan(left: arguments[0], right: arguments[1], negated: negated, offset: offset)
        case "matches" where arguments.count == 2:
            guard !(arguments[0] is ConstantPlan), let pattern = arguments[1] as? ConstantPlan, case .string(let source) = pattern.value,
                  let regex = try? StandardLibrary.compileRegex(source) else {
                return DynamicRegexMatchPlan(subject: arguments[0], pattern: arguments[1], offset: offset)
            }
            return RegexMatchPlan(subject: arguments[0], regex: regex, offset: offset)
        case Operator.in:
            if arguments[0] is ConstantPlan && arguments[1] is ConstantPlan { break }
            if let list = arguments[1] as? ConstantPlan, let values = list.value.listElements {
                var keys = Set<MapKey>()
                for value in values {
                    guard let key = MapKey(storing: value) else { return InPlan(element: arguments[0], container: arguments[1], offset: offset) }
                    keys.insert(key)
                }
                return InConstantSetPlan(element: arguments[0], keys: keys, offset: offset)
            }
            return InPlan(element: arguments[0], container: arguments[1], offset: offset)
        default:
            break
        }
        return nil
    }
}
