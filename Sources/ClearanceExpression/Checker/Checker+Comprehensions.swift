extension Checker {
    mutating func checkComprehension(_ expr: Expr, _ loop: Comprehension) throws(ExpressionError) -> ExpressionType {
        let rangeType = try check(loop.range)
        // What the loop variables range over: (index or key, element or value).
        let first: ExpressionType, second: ExpressionType
        switch rangeType {
        case .list(let element): (first, second) = loop.variable2 == nil ? (element, .dyn) : (.int, element)
        case .map(let key, let value): (first, second) = (key, value)
        case .object: (first, second) = (.string, .dyn)
        case .dyn: (first, second) = (.dyn, .dyn)
        default:
            if isStrict { throw error(ExpressionErrorCode.type, CheckerMessages.notIterable(loop.macro, rangeType), at: expr) }
            (first, second) = (.dyn, .dyn)
        }
        let firstSlot = pushLocal(loop.variable, first)
        let secondSlot = loop.variable2.map { pushLocal($0, second) }
        result.loopSlots[expr.id] = (firstSlot, secondSlot)
        defer { popLocals(secondSlot == nil ? 1 : 2) }

        if let filter = loop.filter {
            let filterType = try check(filter)
            if isStrict, filterType != .bool, filterType != .dyn {
                throw error(ExpressionErrorCode.type, CheckerMessages.notBool("the filter of \(loop.macro)()", filterType), spanning: filter)
            }
        }
        let bodyType = try check(loop.body)
        switch loop.kind {
        case .all, .exists, .existsOne, .filter:
            if isStrict, bodyType != .bool, bodyType != .dyn {
                throw error(ExpressionErrorCode.type, CheckerMessages.notBool("the predicate of \(loop.macro)()", bodyType), spanning: loop.body)
            }
            if loop.kind == .filter { return .list(first) }
            return .bool
        case .map, .transformList:
            return .list(bodyType)
        case .transformMap:
            return .map(first, bodyType)
        }
    }
}
