extension Parser {
    /// The macros, by name: which argument counts expand, and into which loop.
    private static let receiverMacros: [String: [Int: (kind: Comprehension.Kind, variables: Int, filtered: Bool)]] = [
        "all": [2: (.all, 1, false), 3: (.all, 2, false)],
        "exists": [2: (.exists, 1, false), 3: (.exists, 2, false)],
        "exists_one": [2: (.existsOne, 1, false), 3: (.existsOne, 2, false)],
        "existsOne": [2: (.existsOne, 1, false), 3: (.existsOne, 2, false)],
        "map": [2: (.map, 1, false), 3: (.map, 1, true)],
        "filter": [2: (.filter, 1, false)],
        "transformList": [3: (.transformList, 2, false), 4: (.transformList, 2, true)],
        "transformMap": [3: (.transformMap, 2, false), 4: (.transformMap, 2, true)],
    ]

    /// Builds a call, or the macro it spells: `has(e.f)`, `e.all(x, p)`, `e.map(x, t)`, ...
    mutating func makeCall(_ name: String, target: Expr?, args: [Expr], at offset: Int) throws(SyntaxError) -> Expr {
        if target == nil, name == "has", args.count == 1 {
            guard case .select(let operand, let field, false) = args[0].kind else {
                throw SyntaxError(message: SyntaxMessages.hasArgument, offset: offset)
            }
            return try make(.select(operand: operand, field: field, testOnly: true), at: offset, children: [operand])
        }
        guard let target, let shape = Self.receiverMacros[name]?[args.count] else {
            let children = (target.map { [$0] } ?? []) + args
            return try make(.call(function: name, target: target, args: args), at: offset, children: children)
        }
        var names: [String] = []
        for argument in args.prefix(shape.variables) {
            guard case .ident(let variable) = argument.kind else {
                throw SyntaxError(message: SyntaxMessages.macroVariable(name), offset: offset)
            }
            names.append(variable)
        }
        if names.count == 2, names[0] == names[1] {
            throw SyntaxError(message: SyntaxMessages.duplicateMacroVariables(names[0]), offset: offset)
        }
        let rest = Array(args.dropFirst(shape.variables))
        let filter = shape.filtered ? rest[0] : nil
        let body = rest[rest.count - 1]
        let comprehension = Comprehension(kind: shape.kind, macro: name, range: target, variable: names[0],
                                          variable2: names.count == 2 ? names[1] : nil, filter: filter, body: body)
        return try make(.comprehension(comprehension), at: offset, children: [target] + rest)
    }
}
