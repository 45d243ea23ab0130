import ClearanceCore
import ClearanceDocument

/// Stage 1: read each policy file, check every value's type against the policy shape, and
/// decode the policies into drafts.
struct DecodeStage {
    let limits: LoaderLimits
    /// The kinds a policy may target.
    let kinds: DocumentKinds
    /// The table the policies' keys are interned in.
    let symbols: SymbolTable

    /// The drafts of every policy in `files`, and every problem met.
    func run(files: [String]) -> (drafts: [PolicyDraft], documents: [Document], digests: [FileDigest], problems: [Diagnostic]) {
        let loader = YAMLLoader(limits: limits, symbols: symbols)
        var drafts: [PolicyDraft] = []
        var documents: [Document] = []
        var problems: [Diagnostic] = []
        var digests: [FileDigest] = []
        for file in files {
            do {
                let bytes = try FileReader.read(path: file, limit: limits.maximumFileSize)
                digests.append(FileDigest(path: file, role: .policy, bytes: bytes))
                try decode(bytes: bytes, name: file, loader: loader, drafts: &drafts, documents: &documents, problems: &problems)
            } catch {
                problems.append(error)
            }
        }
        return (drafts, documents, digests, problems)
    }

    /// The drafts of the policies in `bytes`, named `name` in messages, and every problem met.
    func run(bytes: [UInt8], name: String) -> (drafts: [PolicyDraft], documents: [Document], digests: [FileDigest], problems: [Diagnostic]) {
        var drafts: [PolicyDraft] = []
        var documents: [Document] = []
        var problems: [Diagnostic] = []
        do {
            try decode(bytes: bytes, name: name, loader: YAMLLoader(limits: limits, symbols: symbols), drafts: &drafts, documents: &documents, problems: &problems)
        } catch {
            problems.append(error)
        }
        return (drafts, documents, [FileDigest(path: name, role: .policy, bytes: bytes)], problems)
    }

    private func decode(bytes: [UInt8], name: String, loader: YAMLLoader, drafts: inout [PolicyDraft], documents: inout [Document],
                        problems: inout [Diagnostic]) throws(Diagnostic) {
        for document in try loader.load(bytes: bytes, name: name, allowEmpty: false) {
            documents.append(document)
            if let draft = decode(document.root, problems: &problems) { drafts.append(draft) }
        }
    }

    func decode(_ root: Node, problems: inout [Diagnostic]) -> PolicyDraft? {
        guard root.kind == .mapping else {
            problems.append(ShapeChecker.notAMapping(root, code: "policy.not-a-policy"))
            return nil
        }
        if FrameworkStage.isFramework(root) { return nil }  // a control table, read by FrameworkStage
        if let kind = root["kind"]?.string, kind != DocumentKind.policy.rawValue {
            problems.append(ShapeChecker.diagnostic(root["kind"]!, code: "policy.not-a-policy",  // safe: just read
                                                    "a policy file holds Policy documents; this is a \(kind) (pass it as an input instead)"))
            return nil
        }
        if let params = root["params"], params.kind == .mapping, let problem = Self.undeclaredParam(params) {
            problems.append(problem)
            return nil
        }
        let found = ShapeChecker(check: .values).problems(root, .object(kinds.policyShape), name: "policy")
        problems += found
        guard found.isEmpty, let idNode = root["id"], let id = idNode.string, let title = root["title"]?.string,
              let target = root["target"]?.string.map(DocumentKind.init(rawValue:)), kinds.contains(target), let rules = root["rules"] else { return nil }
        var draft = PolicyDraft(node: root, id: id, idNode: idNode, title: title, version: root["version"]?.string,
                                description: root["description"]?.string, target: target, params: root["params"], rules: [])
        for (key, value) in root["params"]?.entries ?? [] {
            if let parameter = Self.parameter(key: key, value: value, policyID: id, problems: &problems) { draft.parameters.append(parameter) }
        }
        for rule in rules.elements {
            guard let ruleIDNode = rule["id"], let ruleID = ruleIDNode.string, let ruleTitle = rule["title"]?.string,
                  let severity = rule["severity"]?.string.flatMap(Severity.init(rawValue:)), let require = rule["require"] else { continue }
            draft.rules.append(RuleDraft(
                node: rule, id: ruleID, idNode: ruleIDNode, title: ruleTitle, description: rule["description"]?.string,
                severity: severity, when: rule["when"], forEach: rule["for_each"], require: require, message: rule["message"],
                controls: (rule["controls"]?.elements ?? []).compactMap { $0.string.flatMap(Control.init) }.sorted(),
                remediation: rule["remediation"]?.string, gates: (rule["gates"]?.elements ?? []).compactMap(\.string)))
        }
        return draft
    }

    /// A param declared with its type, default and description, its default checked against its type.
    static func parameter(key: Node, value: Node, policyID: String, problems: inout [Diagnostic]) -> PolicyParameter? {
        guard let name = key.string, let type = value["type"]?.string.flatMap(ParameterType.init(rawValue:)), let defaultValue = value["default"],
              let description = value["description"]?.string else { return nil }
        let parameter = PolicyParameter(name: name, type: type, oneOf: value["one_of"].map { $0.elements.compactMap(\.string) },
                                        defaultValue: defaultValue, description: description, location: key.location)
        guard Self.isParamName(name) else {
            problems.append(ShapeChecker.diagnostic(key, code: "policy.param", "param '\(VisibleText.value(name))' must be a name expressions can read: letters, digits and _, not starting with a digit"))
            return nil
        }
        let found = parameter.problems(with: defaultValue, what: "the default of param \(name)")
        problems += found
        return found.isEmpty ? parameter : nil
    }

    /// The problem of a pack still written with bare param values (`max_patch_age: 30d`), which must now declare each.
    static func undeclaredParam(_ params: Node) -> Diagnostic? {
        guard let (key, value) = params.entries.first(where: { $0.value.kind != .mapping || $0.value["type"] == nil }) else { return nil }
        let example = value.kind.isScalar ? "{type: ..., default: \(VisibleText.value(value.string ?? ShapeChecker.describe(value))), description: ...}" : "{type: ..., default: ..., description: ...}"
        return ShapeChecker.diagnostic(value, code: "policy.param",
                                       "param \(VisibleText.value(ShapeChecker.keyText(key))) must declare its type, default and description, such as \(example)")
    }

    /// Whether `params.NAME` can spell the name: ASCII letters, digits and `_`, not starting with a digit.
    static func isParamName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F }
    }
}
