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

    /// The compiled policies, every expression error at its place in the file, and the lint warnings; each pack's
    /// params take the values `settings` decided, and each rule its live override.
    func run(drafts: [PolicyDraft], settings: SettingsStage.Outcome = SettingsStage.Outcome(),
             firstRuleIndex: Int = 0) -> (policies: [Policy], problems: [Diagnostic], warnings: [Diagnostic]) {
        var policies: [Policy] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var ruleIndex = firstRuleIndex
        for draft in drafts {
            let effective = draft.parameters.map { parameter in
                let set = settings.values[draft.id]?[parameter.name]
                return ParameterSetting(parameter: parameter, value: set ?? parameter.defaultValue, setAt: set?.location)
            }
            let paramsType = Self.paramsType(draft)
            let paramsValue = Self.paramsValue(effective)
            let base = PolicyBindings.declarations(kinds: kinds, target: draft.target, params: paramsType, paramsValue: paramsValue, symbols: symbols)
            let texts = PolicyTexts(paramsType: paramsType, paramsValue: paramsValue, symbols: symbols)
            var rules: [Rule] = []
            var disabled: [DisabledRule] = []
            for ruleDraft in draft.rules {
                let override = settings.overrides[ruleDraft.id]
                let isDisabled = override?.disabled ?? false
                if let rule = compile(ruleDraft, policy: draft, paramsType: paramsType, paramsValue: paramsValue, base: base, texts: texts,
                                      severity: override?.severity ?? ruleDraft.severity, index: isDisabled ? -1 : ruleIndex, problems: &problems) {
                    if let override, isDisabled {
                        disabled.append(DisabledRule(info: rule.info, override: override))
                        continue
                    }
                    rules.append(rule)
                    warnings += RuleLinter(kinds: kinds).warnings(rule, whenNode: ruleDraft.when, requireNode: ruleDraft.require)
                    ruleIndex += 1
                }
            }
            let title = texts.render(draft.title, in: draft.node["title"], problems: &problems)
            let description = draft.description.map { texts.render($0, in: draft.node["description"], problems: &problems) }
            policies.append(Policy(id: draft.id, title: title, version: draft.version, description: description,
                                   target: draft.target, paramsValue: paramsValue, settings: effective, rules: rules,
                                   disabledRules: disabled, overrides: rules.compactMap { settings.overrides[$0.id] },
                                   location: draft.node.location, declarations: base))
        }
        return (policies, problems, warnings)
    }

    /// `params` as expressions read it: each declared param at its value in effect.
    static func paramsValue(_ settings: [ParameterSetting]) -> Value {
        .map(ValueMap(Dictionary(settings.map { ($0.parameter.name, $0.parameter.type.value(of: $0.value)) }, uniquingKeysWith: { first, _ in first })))
    }

    /// `params` typed by its declarations, so `params.max_patch_agee` is caught when the policy loads.
    static func paramsType(_ draft: PolicyDraft) -> ExpressionType {
        var fields: [String: ExpressionType] = [:]
        for parameter in draft.parameters { fields[parameter.name] = parameter.type.expressionType }
        return .object(ObjectType(name: "params of \(draft.id)", fields: fields, isOpen: false))
    }

    private func compile(_ draft: RuleDraft, policy: PolicyDraft, paramsType: ExpressionType, paramsValue: Value, base: Declarations,
                         texts: PolicyTexts, severity: Severity, index: Int, problems: inout [Diagnostic]) -> Rule? {
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
        let title = texts.render(draft.title, in: draft.node["title"], problems: &problems)
        let description = draft.description.map { texts.render($0, in: draft.node["description"], problems: &problems) }
        let remediation = draft.remediation.map { texts.render($0, in: draft.node["remediation"], problems: &problems) }
        let message = compileMessage(draft, title: title, declarations, problems: &problems)
        guard problems.count == before, let require, let message, draft.when == nil || when != nil else { return nil }
        return Rule(id: draft.id, title: title, description: description, severity: severity, packSeverity: draft.severity,
                    policyID: policy.id, target: policy.target, targetBinding: kinds.descriptor(policy.target)?.bindingName ?? "", when: when, forEach: forEach, require: require, message: message,
                    controls: draft.controls, remediation: remediation, gates: draft.gates, location: draft.node.location,
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

    private func compileMessage(_ draft: RuleDraft, title: String, _ declarations: Declarations, problems: inout [Diagnostic]) -> MessageTemplate? {
        guard let node = draft.message, let message = node.string else {
            return MessageTemplate(parts: [.text(title)], source: title)
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
                    case .success(let compiled): parts.append(.expression(compiled.program, written: placeholder.written))
                    case .failure(let problem): problems.append(problem); failed = true
                    }
                }
            }
            return failed ? nil : MessageTemplate(parts: parts, source: message)
        }
    }
}
