extension Checker {
    /// Functions whose operands may be numbers of different kinds, or null (equality, membership, indexing).
    private static let relaxedFunctions: Set<String> = [Operator.equals, Operator.notEquals, Operator.in, Operator.index]

    mutating func checkCall(_ expr: Expr, _ function: String, _ target: Expr?, _ args: [Expr]) throws(ExpressionError) -> ExpressionType {
        var argumentTypes: [ExpressionType] = []
        if let target { argumentTypes.append(try check(target)) }
        for arg in args { argumentTypes.append(try check(arg)) }

        switch function {
        case Operator.logicalAnd, Operator.logicalOr:
            for (position, type) in argumentTypes.enumerated() where isStrict && type != .bool && type != .dyn {
                throw error(ExpressionErrorCode.type, CheckerMessages.noMatchingOverload(function, argumentTypes), spanning: args[position])
            }
            return .bool
        case Operator.conditional:
            if isStrict, argumentTypes[0] != .bool, argumentTypes[0] != .dyn {
                throw error(ExpressionErrorCode.type, CheckerMessages.notBool("the condition of ?:", argumentTypes[0]), spanning: args[0])
            }
            return TypeUnifier.join(argumentTypes[1], argumentTypes[2])
        default:
            break
        }

        guard let declaration = StandardLibrary.byName[function] else {
            guard isStrict else { return .dyn }  // evaluation reports the unknown function
            let names = StandardLibrary.declarations.filter { $0.overloads.contains { $0.isReceiver == (target != nil) } }.map(\.name)
            let suggestion = Suggestions.closest(to: function, among: names)
            throw error(ExpressionErrorCode.unknownFunction,
                        target == nil ? CheckerMessages.unknownFunction(function, suggestion: suggestion)
                                      : CheckerMessages.unknownMethod(function, suggestion: suggestion), at: expr)
        }
        let isMethod = target != nil
        let styled = declaration.overloads.filter { $0.isReceiver == isMethod }
        let shaped = styled.filter { $0.params.count == argumentTypes.count }
        guard !shaped.isEmpty else {
            guard isStrict else { return .dyn }
            if styled.isEmpty {
                throw error(ExpressionErrorCode.arity, isMethod ? CheckerMessages.notAMethod(function) : CheckerMessages.notAFunction(function), at: expr)
            }
            let counts = Set(styled.map { $0.params.count - (isMethod ? 1 : 0) })
            throw error(ExpressionErrorCode.arity,
                        CheckerMessages.arity(function, method: isMethod, expected: Array(counts), got: args.count), at: expr)
        }
        guard isStrict else {
            result.candidates[expr.id] = shaped
            return .dyn
        }
        var matched: [Overload] = []
        var resultType: ExpressionType?
        for overload in shaped {
            var unifier = TypeUnifier(relaxed: Self.relaxedFunctions.contains(function))
            guard zip(overload.params, argumentTypes).allSatisfy({ unifier.unify($0.0, $0.1) }) else { continue }
            matched.append(overload)
            let type = unifier.substitute(overload.result)
            resultType = resultType.map { $0 == type ? $0 : .dyn } ?? type
        }
        guard let resultType else {
            throw error(ExpressionErrorCode.type, CheckerMessages.noMatchingOverload(function, argumentTypes), at: expr)
        }
        result.candidates[expr.id] = matched
        return resultType
    }
}
