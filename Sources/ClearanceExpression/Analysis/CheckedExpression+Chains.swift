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

/// Where a chain of selections starts: a declared variable (`member`) or a macro's loop variable (`d`).
enum ChainRoot {
    case variable(String)
    case local(String)
}

/// One step of a chain of selections: `.field`, or `[index]` with its index expression.
enum ChainStep {
    case field(String)
    case index(Expr)

    /// The step as a field name, an index as `element`.
    func fieldName(element: String) -> String {
        if case .field(let name) = self { return name }
        return element
    }
}

extension CheckedExpression {
    /// The selections and indexes that end at `expr`, from its root on (`member.devices[0].id`), or `nil`
    /// when the chain starts at anything but a variable.
    func chain(endingAt expr: Expr) -> (root: ChainRoot, steps: [ChainStep])? {
        var steps: [ChainStep] = []
        var current = expr
        while true {
            switch references[current.id] {
            case .variable(_, let name)?: return (.variable(name), steps.reversed())
            case .local(_, let name)?: return (.local(name), steps.reversed())
            default: break
            }
            switch current.kind {
            case .select(let operand, let field, false):
                steps.append(.field(field))
                current = operand
            case .call(Operator.index, nil, let args) where args.count == 2:
                steps.append(.index(args[1]))
                current = args[0]
            default:
                return nil
            }
        }
    }
}
