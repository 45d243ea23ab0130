import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// Finds rules that are valid but cannot do their job: a `require` that can never fail, a `when`
/// that can never be true, a comparison with a value the field never holds.
struct RuleLinter {
    /// The kinds of the rule's policies: their shapes tell which comparisons can never hold.
    let kinds: DocumentKinds
    /// Which of a rule's expressions is being linted.
    enum Part: String {
        case when, require
    }

    /// The warnings about one compiled rule, at their places in the policy file.
    func warnings(_ rule: Rule, whenNode: Node?, requireNode: Node) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if let when = rule.when, let whenNode {
            if case .bool(false)? = when.program.constantValue {
                warnings.append(warning("lint.when-never-true", "`when` is always false: rule \(rule.id) never applies", in: whenNode, at: 0))
            }
            warnings += comparisons(in: when, part: .when, rule: rule, node: whenNode)
        }
        if case .bool(true)? = rule.require.program.constantValue {
            warnings.append(warning("lint.require-cannot-fail", "`require` is always true: rule \(rule.id) can never fail", in: requireNode, at: 0))
        }
        warnings += comparisons(in: rule.require, part: .require, rule: rule, node: requireNode)
        return warnings
    }

    private func comparisons(in expression: CompiledExpression, part: Part, rule: Rule, node: Node) -> [Diagnostic] {
        expression.program.literalComparisons.compactMap { comparison in
            guard let shape = shape(of: comparison.variable, rule: rule),
                  let problem = problem(comparison, shape: shape) else { return nil }
            let consequence = consequence(problem.alwaysTrue, comparison: comparison, part: part, rule: rule)
            return warning(problem.code, problem.message + consequence, in: node, at: comparison.offset)
        }
    }

    /// What is wrong with one comparison, and whether it is always true (else always false, or partly dead).
    private func problem(_ comparison: LiteralComparison, shape: Shape) -> (code: String, message: String, alwaysTrue: Bool?)? {
        let path = comparison.written
        switch comparison.relation {
        case .isPresent:
            guard let field = comparison.fields.last, case .object(let object)? = shape.following(comparison.fields.dropLast())?.withoutNull,
                  let property = object.property(field), property.isRequired else { return nil }
            return ("lint.always-present", "`has(\(path))` is always true: every \(object.name) has `\(field)`", true)
        case .contains:
            guard let element = shape.following(comparison.fields + [LiteralComparison.element]), let literal = comparison.literals.first,
                  let reason = element.reasonNeverEqual(to: literal) else { return nil }
            return ("lint.impossible-value", "\(literal.literalText) is never an element of `\(path)`: \(reason)", false)
        case .equals, .notEquals, .isIn:
            guard let field = shape.following(comparison.fields) else { return nil }
            let impossible = comparison.literals.compactMap { literal in field.reasonNeverEqual(to: literal).map { (literal, $0) } }
            guard let first = impossible.first else { return nil }
            let always = impossible.count == comparison.literals.count
            let alwaysTrue: Bool? = always ? comparison.relation == .notEquals : nil
            let values = impossible.map(\.0.literalText).joined(separator: ", ")
            return ("lint.impossible-value", "`\(path)` is never \(values): \(first.1)", alwaysTrue)
        }
    }

    /// What an always-true or always-false comparison does to the rule.
    private func consequence(_ alwaysTrue: Bool?, comparison: LiteralComparison, part: Part, rule: Rule) -> String {
        guard let alwaysTrue else { return "" }
        switch (part, alwaysTrue, comparison.position) {
        case (.when, false, .whole), (.when, false, .conjunct):
            return "; so `when` can never be true and rule \(rule.id) never applies"
        case (.require, true, .whole):
            return "; so `require` can never fail"
        case (.require, false, .whole), (.require, false, .conjunct):
            return "; so `require` can never hold and rule \(rule.id) fails everywhere it applies"
        default:
            return comparison.relation == .isPresent ? "" : "; so the comparison is always \(alwaysTrue)"
        }
    }

    /// The shape of a variable of the rule's expressions, where documents have one.
    private func shape(of variable: String, rule: Rule) -> Shape? {
        if let target = kinds.descriptor(rule.target), variable == target.bindingName { return .object(target.shape) }
        if let lookup = kinds.lookups.first(where: { $0.lookupName == variable }) { return .dictionary(.object(lookup.shape)) }
        guard let forEach = rule.forEach, forEach.variable == variable, let list = forEach.list.program.selectPath,
              let listShape = shape(of: list.variable, rule: rule)?.following(list.fields) else { return nil }
        return listShape.following([LiteralComparison.element])
    }

    private func warning(_ code: String, _ message: String, in node: Node, at offset: Int) -> Diagnostic {
        var diagnostic = ExpressionCompiler.diagnostic(code: code, message: message, in: node, at: offset)
        diagnostic.level = .warning
        return diagnostic
    }
}

extension Value {
    /// A literal as a policy would write it: `'active'`, `3`, `null`.
    var literalText: String {
        if case .string(let text) = self { return "'\(text)'" }
        return description
    }
}
