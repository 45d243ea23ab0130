extension CheckedExpression {
    /// The offset of the first character of `expr` in the source (an operator's node sits at the
    /// operator, so `a.b == c` starts at `a`, not at `==`).
    func startOffset(of expr: Expr) -> Int {
        var offset = parsed.offsets[expr.id]
        var current = expr
        while true {
            let first: Expr?
            switch current.kind {
            case .call(_, let target?, _): first = target
            case .call(_, nil, let args): first = args.first
            case .select(let operand, _, _): first = operand
            case .comprehension(let loop): first = loop.range
            default: first = nil
            }
            guard let first else { return offset }
            offset = min(offset, parsed.offsets[first.id])
            current = first
        }
    }
}
