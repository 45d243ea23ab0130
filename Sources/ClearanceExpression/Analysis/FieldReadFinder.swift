/// Walks a checked expression for the field chains it reads.
struct FieldReadFinder {
    let checked: CheckedExpression
    /// Compiles a subexpression (a conditional's condition) into a program of its own.
    let compile: (Expr) -> Program
    /// Macro variables that range over a chain, with that chain (element included).
    private var locals: [String: (variable: String, fields: [String])] = [:]

    init(checked: CheckedExpression, compile: @escaping (Expr) -> Program) {
        self.checked = checked
        self.compile = compile
    }

    /// The reads of `expr` in source order.
    mutating func reads(_ expr: Expr, insideLoop: Bool = false) -> [ReadSite] {
        var found: [ReadSite] = []
        visit(expr, insideLoop: insideLoop, into: &found)
        return found
    }

    private mutating func visit(_ expr: Expr, insideLoop: Bool, into found: inout [ReadSite]) {
        if case .select(let operand, let field, true) = expr.kind, let path = chain(operand) {
            found.append(.field(FieldRead(variable: path.variable, fields: path.fields + [field], offset: checked.startOffset(of: expr))))
            for index in path.indexes { visit(index, insideLoop: insideLoop, into: &found) }
            return
        }
        if let path = chain(expr), !path.fields.isEmpty {
            found.append(.field(FieldRead(variable: path.variable, fields: path.fields, offset: checked.startOffset(of: expr))))
            for index in path.indexes { visit(index, insideLoop: insideLoop, into: &found) }
            return
        }
        switch expr.kind {
        case .call(Operator.conditional, nil, let args) where args.count == 3:
            let conditional = ConditionalReads(condition: insideLoop ? nil : compile(args[0]),
                                               conditionReads: reads(args[0], insideLoop: insideLoop),
                                               whenTrue: reads(args[1], insideLoop: insideLoop),
                                               whenFalse: reads(args[2], insideLoop: insideLoop))
            found.append(.conditional(conditional))
        case .call(_, let target, let args):
            for child in [target].compactMap({ $0 }) + args { visit(child, insideLoop: insideLoop, into: &found) }
        case .select(let operand, _, _):
            visit(operand, insideLoop: insideLoop, into: &found)
        case .list(let elements):
            for element in elements { visit(element, insideLoop: insideLoop, into: &found) }
        case .map(let entries):
            for entry in entries {
                visit(entry.key, insideLoop: insideLoop, into: &found)
                visit(entry.value, insideLoop: insideLoop, into: &found)
            }
        case .comprehension(let loop):
            visit(loop.range, insideLoop: insideLoop, into: &found)
            let saved = locals
            let elementVariable = loop.variable2 ?? loop.variable
            if let range = chain(loop.range) {
                locals[elementVariable] = (range.variable, range.fields + [FieldRead.element])
            } else {
                locals[elementVariable] = nil
            }
            if loop.variable2 != nil { locals[loop.variable] = nil }
            for child in [loop.filter].compactMap({ $0 }) + [loop.body] { visit(child, insideLoop: true, into: &found) }
            locals = saved
        case .constant, .ident:
            break
        }
    }

    /// `variable.a.b`, `member.labels[k]` or `d.managed` for a macro variable `d` over a chain, with
    /// the index expressions met on the way (outermost first).
    private func chain(_ expr: Expr) -> (variable: String, fields: [String], indexes: [Expr])? {
        guard let found = checked.chain(endingAt: expr) else { return nil }
        let fields = found.steps.map { $0.fieldName(element: FieldRead.element) }
        let indexes = found.steps.compactMap { step -> Expr? in if case .index(let index) = step { index } else { nil } }
        switch found.root {
        case .variable(let name):
            return (name, fields, indexes)
        case .local(let name):
            guard let range = locals[name] else { return nil }
            return (range.variable, range.fields + fields, indexes)
        }
    }
}
