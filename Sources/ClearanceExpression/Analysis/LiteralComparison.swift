/// A comparison of a field chain with literals inside an expression, such as
/// `member.status == 'actve'`, `grant.environment in ['prod']`, `'admin' in member.roles` or
/// `has(member.id)`: what `clearance lint` checks against the shapes of documents.
public struct LiteralComparison: Sendable {
    /// How the chain is compared.
    public enum Relation: Sendable {
        /// `chain == literal`.
        case equals
        /// `chain != literal`.
        case notEquals
        /// `chain in [literal, ...]`.
        case isIn
        /// `literal in chain`: the chain is a list.
        case contains
        /// `has(chain)`: the last field is present (``literals`` is empty).
        case isPresent
    }

    /// Where the comparison sits in the expression.
    public enum Position: Sendable {
        /// It is the whole expression.
        case whole
        /// It is one of the expression's top-level `&&` conjuncts: when it is always false, so is
        /// the expression.
        case conjunct
        /// Anywhere else.
        case nested
    }

    /// The variable the chain starts at (`member`, `members`, or a `for_each` name).
    public let variable: String
    /// The fields selected, in order; ``element`` stands for an element of a list or a value of a map
    /// (an index such as `members[id]`, or the variable of a macro such as `member.grants.all(g, ...)`).
    public let fields: [String]
    /// The chain as the expression spells it: `member.status`, `g.role`, `members[…].status`.
    public let written: String
    /// How it is compared.
    public let relation: Relation
    /// The literal or literals compared with.
    public let literals: [Value]
    /// The UTF-8 offset of the comparison in the expression.
    public let offset: Int
    /// Where it sits.
    public let position: Position

    /// The field name that stands for any element of a list or value of a map.
    public static let element = "[]"

    /// The comparisons in `root`, a node of a compiled expression, in source order.
    static func find(in checked: CheckedExpression, root: Expr) -> [LiteralComparison] {
        var found: [LiteralComparison] = []
        var walker = Walker(checked: checked)
        walker.visit(root, position: .whole, into: &found)
        return found.sorted { $0.offset < $1.offset }
    }

    /// A chain of selections from a variable.
    private typealias Chain = (variable: String, fields: [String], written: String)

    /// Walks an expression, knowing which macro variables range over which chains.
    private struct Walker {
        let checked: CheckedExpression
        var locals: [String: Chain] = [:]

        mutating func visit(_ expr: Expr, position: Position, into found: inout [LiteralComparison]) {
            if let comparison = comparison(expr, position: position) {
                found.append(comparison)
                return
            }
            switch expr.kind {
            case .call(let function, let target, let args):
                let childPosition: Position = position != .nested && function == Operator.logicalAnd ? .conjunct : .nested
                for child in [target].compactMap({ $0 }) + args { visit(child, position: childPosition, into: &found) }
            case .select(let operand, _, _):
                visit(operand, position: .nested, into: &found)
            case .list(let elements):
                for element in elements { visit(element, position: .nested, into: &found) }
            case .map(let entries):
                for entry in entries {
                    visit(entry.key, position: .nested, into: &found)
                    visit(entry.value, position: .nested, into: &found)
                }
            case .comprehension(let loop):
                visit(loop.range, position: .nested, into: &found)
                let saved = locals
                let elementVariable = loop.variable2 ?? loop.variable
                if let range = chain(loop.range) {
                    locals[elementVariable] = (range.variable, range.fields + [LiteralComparison.element], elementVariable)
                } else {
                    locals[elementVariable] = nil
                }
                if loop.variable2 != nil { locals[loop.variable] = nil }
                for child in [loop.filter].compactMap({ $0 }) + [loop.body] { visit(child, position: .nested, into: &found) }
                locals = saved
            case .constant, .ident:
                break
            }
        }

        private func comparison(_ expr: Expr, position: Position) -> LiteralComparison? {
            if case .select(let operand, let field, true) = expr.kind, let path = chain(operand) {
                return LiteralComparison(variable: path.variable, fields: path.fields + [field], written: path.written + "." + field,
                                         relation: .isPresent, literals: [],
                                         offset: checked.startOffset(of: expr), position: position)
            }
            guard case .call(let function, nil, let args) = expr.kind, args.count == 2 else { return nil }
            let relation: Relation
            switch function {
            case Operator.equals: relation = .equals
            case Operator.notEquals: relation = .notEquals
            case Operator.in: relation = .isIn
            default: return nil
            }
            let offset = checked.startOffset(of: expr)
            if relation == .isIn {
                if let path = chain(args[0]), let values = Self.literals(args[1], list: true) {
                    return LiteralComparison(variable: path.variable, fields: path.fields, written: path.written, relation: .isIn, literals: values,
                                             offset: offset, position: position)
                }
                if let values = Self.literals(args[0], list: false), let path = chain(args[1]) {
                    return LiteralComparison(variable: path.variable, fields: path.fields, written: path.written, relation: .contains, literals: values,
                                             offset: offset, position: position)
                }
                return nil
            }
            for (chainSide, literalSide) in [(args[0], args[1]), (args[1], args[0])] {
                if let path = chain(chainSide), let values = Self.literals(literalSide, list: false) {
                    return LiteralComparison(variable: path.variable, fields: path.fields, written: path.written, relation: relation, literals: values,
                                             offset: offset, position: position)
                }
            }
            return nil
        }

        /// `variable.a.b`, `members[id].status` or `g.role` for a macro variable `g` over a chain.
        private func chain(_ expr: Expr) -> Chain? {
            guard let found = checked.chain(endingAt: expr) else { return nil }
            let fields = found.steps.map { $0.fieldName(element: LiteralComparison.element) }
            func written(_ start: String) -> String {
                fields.reduce(start) { $0 + ($1 == LiteralComparison.element ? "[…]" : "." + $1) }
            }
            switch found.root {
            case .variable(let name):
                return (name, fields, written(name))
            case .local(let name):
                guard let range = locals[name] else { return nil }
                return (range.variable, range.fields + fields, written(range.written))
            }
        }

        private static func literals(_ expr: Expr, list: Bool) -> [Value]? {
            if !list, case .constant(let constant) = expr.kind { return [Planner.value(of: constant)] }
            guard list, case .list(let elements) = expr.kind else { return nil }
            var values: [Value] = []
            for element in elements {
                guard case .constant(let constant) = element.kind else { return nil }
                values.append(Planner.value(of: constant))
            }
            return values
        }
    }
}
