import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// Stage 3: compile every `when`, `for_each`, `require` and message template, once.
struct CompileStage {
    /// The kinds a policy may target, which decide the variables its expressions see.
    let kinds: DocumentKinds
    private let compiler = ExpressionCompiler()
    /// The table field names are resolved in.
    let symbols: SymbolTable

    /// The compiled policies, every expression error at its place in the file, and the lint warnings.
    func run(drafts: [PolicyDraft], firstRuleIndex: Int = 0) -> (policies: [Policy], problems: [Diagnostic], warnings: [Diagnostic]) {
        var policies: [Policy] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var ruleIndex = firstRuleIndex
        for draft in drafts {
            let paramsType = Self.paramsType(draft)
            let paramsValue = Self.paramsValue(draft)
            let base = PolicyBindings.declarations(kinds: kinds, target: draft.target, params: paramsType, paramsValue: paramsValue, symbols: symbols)
            var rules: [Rule] = []
            for ruleDraft in draft.rules {
                if let rule = compile(ruleDraft, policy: draft, paramsType: paramsType, paramsValue: paramsValue, base: base,
                                      index: ruleIndex, problems: &problems) {
                    rules.append(rule)
                    warnings += RuleLinter(kinds: kinds).warnings(rule, whenNode: ruleDraft.when, requireNode: ruleDraft.require)
                    ruleIndex += 1
                }
            }
            policies.append(Policy(id: draft.id, title: draft.title, version: draft.version, description: draft.description,
                                   target: draft.target, params: draft.params, paramsValue: paramsValue, rules: rules,
                                   location: draft.node.location, declarations: base))
        }
        return (policies, problems, warnings)
    }

    /// The value of `params`: the policy's mapping, or an empty map.
    static func paramsValue(_ draft: PolicyDraft) -> Value {
        draft.params.map { Value(node: $0) } ?? .map(.empty)
    }

    /// `params` typed by its own keys, so `params.max_patch_agee` is caught when the policy loads.
    static func paramsType(_ draft: PolicyDraft) -> ExpressionType {
        guard let params = draft.params, params.kind == .mapping else { return .map(.string, .dyn) }
        var fields: [String: ExpressionType] = [:]
        for entry in params.entries { if let key = entry.key.string { fields[key] = .dyn } }
        return .object(ObjectType(name: "params of \(draft.id)", fields: fields, isOpen: false))
    }

    private func compile(_ draft: RuleDraft, policy: PolicyDraft, paramsType: ExpressionType, paramsValue: Value, base: Declarations,
                         index: Int, problems: inout [Diagnostic]) -> Rule? {
        let before = problems.count
        var declarations = base
        var forEach: ForEach?
        if let node = draft.forEach {
            if let (name, list) = parseForEach(node, base: base, target: policy.target, problems: &problems) {
                forEach = list
                let elementType: ExpressionType
                if case .list(let element) = list.list.program.resultType { elementType = element } else { elementType = .dyn }
                declarations = PolicyBindings.declarations(kinds: kinds, target: policy.target, params: paramsType, paramsValue: paramsValue,
                                                           element: (name, elementType), symbols: symbols)
            }
        }
        let when = draft.when.flatMap { compileWhole($0, declarations, problems: &problems) }
        let require = compileWhole(draft.require, declarations, problems: &problems)
        let message = compileMessage(draft, declarations, problems: &problems)
        guard problems.count == before, let require, let message, draft.when == nil || when != nil else { return nil }
        return Rule(id: draft.id, title: draft.title, description: draft.description, severity: draft.severity,
                    policyID: policy.id, target: policy.target, targetBinding: kinds.descriptor(policy.target)?.bindingName ?? "", when: when, forEach: forEach, require: require, message: message,
                    controls: draft.controls, remediation: draft.remediation, gates: draft.gates, location: draft.node.location,
                    index: index, policyTitle: policy.title)
    }

    private func compileWhole(_ node: Node, _ declarations: Declarations, problems: inout [Diagnostic]) -> CompiledExpression? {
        guard let source = ExpressionCompiler.text(of: node) else { return nil }
        switch compiler.compile(source, in: node, declarations: declarations) {
        case .success(let compiled): return compiled
        case .failure(let problem): problems.append(problem); return nil
        }
    }

    /// Reads `NAME in EXPRESSION`.
    private func parseForEach(_ node: Node, base: Declarations, target: DocumentKind, problems: inout [Diagnostic]) -> (String, ForEach)? {
        guard let text = node.string else { return nil }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let nameStart = index
        while index < bytes.count, Self.isIdentifierByte(bytes[index], first: index == nameStart) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        var afterName = index
        while afterName < bytes.count, bytes[afterName] == 0x20 || bytes[afterName] == 0x0A { afterName += 1 }
        let hasIn = afterName + 2 <= bytes.count && bytes[afterName] == UInt8(ascii: "i") && bytes[afterName + 1] == UInt8(ascii: "n")
            && (afterName + 2 == bytes.count || bytes[afterName + 2] == 0x20 || bytes[afterName + 2] == 0x0A)
        guard !name.isEmpty, afterName > index, hasIn else {
            problems.append(ExpressionCompiler.diagnostic(code: "policy.for-each", message: "for_each must be `name in expression`, such as `device in member.devices`",
                                                          in: node, at: nameStart))
            return nil
        }
        if kinds.reservedNames.contains(name) {
            problems.append(ExpressionCompiler.diagnostic(code: "policy.for-each", message: "for_each cannot name its element '\(name)': that name is already bound",
                                                          in: node, at: nameStart))
            return nil
        }
        var listStart = afterName + 2
        while listStart < bytes.count, bytes[listStart] == 0x20 || bytes[listStart] == 0x0A { listStart += 1 }
        let source = String(decoding: bytes[listStart...], as: UTF8.self)
        switch compiler.compile(source, in: node, at: listStart, declarations: base) {
        case .failure(let problem):
            problems.append(problem)
            return nil
        case .success(let list):
            var fieldPath: String?
            if let path = list.program.selectPath, path.variable == kinds.descriptor(target)?.bindingName, !path.fields.isEmpty {
                fieldPath = path.fields.joined(separator: ".")
            }
            return (name, ForEach(variable: name, list: list, fieldPath: fieldPath))
        }
    }

    private static func isIdentifierByte(_ byte: UInt8, first: Bool) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || (!first && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private func compileMessage(_ draft: RuleDraft, _ declarations: Declarations, problems: inout [Diagnostic]) -> MessageTemplate? {
        guard let node = draft.message, let message = node.string else {
            return MessageTemplate(parts: [.text(draft.title)], source: draft.title)
        }
        switch TemplateScanner.scan(message) {
        case .failure(let unclosed):
            problems.append(ExpressionCompiler.diagnostic(code: "policy.template", message: "`{{` is never closed by `}}`", in: node, at: unclosed.offset))
            return nil
        case .success(let pieces):
            var parts: [MessageTemplate.Part] = []
            var failed = false
            for piece in pieces {
                switch piece {
                case .text(let text): parts.append(.text(text))
                case .placeholder(let placeholder):
                    guard !placeholder.expression.isEmpty else {
                        problems.append(ExpressionCompiler.diagnostic(code: "policy.template", message: "`{{ }}` holds no expression", in: node, at: placeholder.offset))
                        failed = true
                        continue
                    }
                    switch compiler.compile(placeholder.expression, in: node, at: placeholder.offset, declarations: declarations) {
                    case .success(let compiled): parts.append(.expression(compiled, written: placeholder.written))
                    case .failure(let problem): problems.append(problem); failed = true
                    }
                }
            }
            return failed ? nil : MessageTemplate(parts: parts, source: message)
        }
    }
}
