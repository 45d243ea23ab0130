/// Resolves names and infers types; with checking on, rejects what can never evaluate.
///
/// Without checking (the conformance suite's `disable_check`), it still resolves names and
/// macro variables, but unknown names and functions become runtime errors and every type is `dyn`.
struct Checker {
    let declarations: Declarations
    let isStrict: Bool
    let source: String
    var result: CheckedExpression
    /// Loop variables in scope, innermost last.
    private var scopes: [(name: String, slot: Int, type: ExpressionType)] = []

    /// Checks a parsed expression.
    static func check(_ parsed: ParsedExpression, source: String, declarations: Declarations, strict: Bool) throws(ExpressionError) -> CheckedExpression {
        var checker = Checker(declarations: declarations, isStrict: strict, source: source,
                              result: CheckedExpression(parsed: parsed, types: Array(repeating: .dyn, count: parsed.nodeCount), isChecked: strict))
        _ = try checker.check(parsed.expr)
        if !strict { checker.result.types = Array(repeating: .dyn, count: parsed.nodeCount) }
        return checker.result
    }

    func error(_ code: String, _ message: String, at expr: Expr) -> ExpressionError {
        ExpressionError(code: code, message: message, offset: result.parsed.offsets[expr.id], source: source)
    }

    /// An error about a whole subexpression, placed where it starts.
    func error(_ code: String, _ message: String, spanning expr: Expr) -> ExpressionError {
        ExpressionError(code: code, message: message, offset: startOffset(expr), source: source)
    }

    /// Where a subexpression starts in the source: the leftmost offset of its nodes.
    private func startOffset(_ expr: Expr) -> Int {
        let own = result.parsed.offsets[expr.id]
        switch expr.kind {
        case .constant, .ident, .list, .map: return own
        case .select(let operand, _, let testOnly): return testOnly ? own : min(own, startOffset(operand))
        case .call(_, let target, let args):
            return ([target].compactMap { $0 } + args).reduce(own) { min($0, startOffset($1)) }
        case .comprehension(let loop): return min(own, startOffset(loop.range))
        }
    }

    /// Checks a node and records its type.
    mutating func check(_ expr: Expr) throws(ExpressionError) -> ExpressionType {
        let type: ExpressionType
        switch expr.kind {
        case .constant(let constant): type = Self.type(of: constant)
        case .ident(let name): type = try checkIdent(name, expr)
        case .select(let operand, let field, let testOnly): type = try checkSelect(expr, operand, field, testOnly)
        case .call(let function, let target, let args): type = try checkCall(expr, function, target, args)
        case .list(let elements):
            var element: ExpressionType?
            for item in elements {
                let itemType = try check(item)
                element = element.map { TypeUnifier.join($0, itemType) } ?? itemType
            }
            type = .list(element ?? .dyn)
        case .map(let entries):
            var key: ExpressionType?, value: ExpressionType?
            for entry in entries {
                let keyType = try check(entry.key)
                if isStrict, keyType != .dyn, ![.int, .uint, .bool, .string].contains(keyType) {
                    throw error(ExpressionErrorCode.type, CheckerMessages.mapKey(keyType), at: entry.key)
                }
                let valueType = try check(entry.value)
                key = key.map { TypeUnifier.join($0, keyType) } ?? keyType
                value = value.map { TypeUnifier.join($0, valueType) } ?? valueType
            }
            type = .map(key ?? .dyn, value ?? .dyn)
        case .comprehension(let comprehension): type = try checkComprehension(expr, comprehension)
        }
        result.types[expr.id] = type
        return type
    }

    static func type(of constant: Constant) -> ExpressionType {
        switch constant {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        }
    }

    // MARK: Names

    private func local(_ name: String) -> (slot: Int, type: ExpressionType)? {
        scopes.last(where: { $0.name == name }).map { ($0.slot, $0.type) }
    }

    /// A declared variable or a type denotation named exactly `name`.
    private func global(_ name: String) -> (Reference, ExpressionType)? {
        if let slot = declarations.slot(of: name) { return (.variable(slot: slot, name: name), declarations.types[slot]) }
        if let type = TypeValue.denotations[name] { return (.type(type), .type) }
        return nil
    }

    private mutating func checkIdent(_ name: String, _ expr: Expr) throws(ExpressionError) -> ExpressionType {
        if let local = local(name) {
            result.references[expr.id] = .local(slot: local.slot, name: name)
            return local.type
        }
        if let (reference, type) = global(name) {
            result.references[expr.id] = reference
            return type
        }
        return try undeclared(name, expr)
    }

    private mutating func undeclared(_ name: String, _ expr: Expr) throws(ExpressionError) -> ExpressionType {
        guard isStrict else {
            result.references[expr.id] = .undeclared(name)
            return .dyn
        }
        let candidates = scopes.map(\.name) + declarations.names.map { String($0.split(separator: ".").first ?? "") }
        throw error(ExpressionErrorCode.unknownIdentifier,
                    CheckerMessages.undeclared(name, suggestion: Suggestions.closest(to: name, among: Set(candidates))), at: expr)
    }

    /// The names of a chain `a.b.c` (ident then plain selects), with the node of each part.
    private static func qualifiedParts(_ expr: Expr) -> [(name: String, expr: Expr)]? {
        switch expr.kind {
        case .ident(let name): return [(name, expr)]
        case .select(let operand, let field, false): return qualifiedParts(operand).map { $0 + [(field, expr)] }
        default: return nil
        }
    }

    private mutating func checkSelect(_ expr: Expr, _ operand: Expr, _ field: String, _ testOnly: Bool) throws(ExpressionError) -> ExpressionType {
        // A qualified name resolves to the longest declared prefix: `a.b.c` may be a variable named "a.b.c".
        if !testOnly, let parts = Self.qualifiedParts(expr), local(parts[0].name) == nil {
            for length in stride(from: parts.count, to: 0, by: -1) {
                let name = parts[0..<length].map(\.name).joined(separator: ".")
                guard let (reference, type) = global(name) else { continue }
                let resolved = parts[length - 1].expr
                result.references[resolved.id] = reference
                result.types[resolved.id] = type
                var current = type
                for part in parts[length...] {
                    guard case .select(_, let partField, _) = part.expr.kind else { continue }
                    current = try selectType(current, field: partField, at: part.expr, testOnly: false)
                    result.types[part.expr.id] = current
                }
                return current
            }
            return try undeclared(parts[0].name, parts[0].expr)
        }
        let operandType = try check(operand)
        return try selectType(operandType, field: field, at: expr, testOnly: testOnly)
    }

    /// The type of selecting `field` from a value of `type` (or `bool` for a presence test).
    mutating func selectType(_ type: ExpressionType, field: String, at expr: Expr, testOnly: Bool) throws(ExpressionError) -> ExpressionType {
        let fieldType: ExpressionType
        switch type {
        case .dyn: fieldType = .dyn
        case .object(let object):
            if let declared = object.fields[field] {
                fieldType = declared
            } else if object.isOpen || !isStrict {
                fieldType = .dyn
            } else {
                throw error(ExpressionErrorCode.noSuchField,
                            CheckerMessages.noSuchField(field, in: object.name, suggestion: Suggestions.closest(to: field, among: object.fields.keys)),
                            at: expr)
            }
        case .map(let key, let value) where key == .string || key == .dyn:
            fieldType = value
        default:
            guard !isStrict else { throw error(ExpressionErrorCode.type, CheckerMessages.noFieldSelection(type, field: field), at: expr) }
            fieldType = .dyn
        }
        return testOnly ? .bool : fieldType
    }

    // MARK: Scopes

    mutating func pushLocal(_ name: String, _ type: ExpressionType) -> Int {
        let slot = scopes.count
        scopes.append((name, slot, type))
        result.localCount = max(result.localCount, scopes.count)
        return slot
    }

    mutating func popLocals(_ count: Int) { scopes.removeLast(count) }
}
