import ClearanceCore
import ClearanceExpression
import ClearancePolicy

/// Runs every rule over every document of its target kind and gathers the findings into a report.
public struct Engine: Sendable {
    /// The policies to evaluate.
    public let policies: PolicySet
    /// The documents to evaluate them on.
    public let documents: DocumentSet
    /// The evaluation time (`now` in expressions; it also decides which waivers are live).
    public let now: Timestamp

    /// Creates an engine.
    public init(policies: PolicySet, documents: DocumentSet, now: Timestamp) {
        self.policies = policies
        self.documents = documents
        self.now = now
    }

    /// Evaluates and returns the report; `rules` and `subjects` narrow the run when given.
    public func run(rules: Set<String>? = nil, subjects: Set<String>? = nil) -> Report {
        let waivers = WaiverBook(documents.waivers, now: now)
        let evaluator = RuleEvaluator(waivers: waivers)
        var findings: [Finding] = []
        for policy in policies.policies {
            let selected = policy.rules.filter { rules?.contains($0.id) ?? true }
            guard !selected.isEmpty else { continue }
            var bindings = Bindings(policy.declarations)
            bindings[PolicyBindings.params] = policy.params.map { Value(node: $0) } ?? Value.lookupMap([:])
            bindings[PolicyBindings.now] = .timestamp(now)
            bindings[PolicyBindings.members] = documents.membersValue
            bindings[PolicyBindings.vendors] = documents.vendorsValue
            for document in documents.documents(of: policy.target) where subjects?.contains(document.id) ?? true {
                bindings[PolicyBindings.target] = Value(node: document.root)
                for rule in selected { evaluator.evaluate(rule, on: document, bindings: &bindings, into: &findings) }
            }
        }
        if subjects == nil { findings += waivers.expiredFindings().filter { rules?.contains($0.waiver?.ruleID ?? "") ?? true } }
        let checked = documents.documents.filter { DocumentKind.targets.contains($0.kind) && (subjects?.contains($0.id) ?? true) }
        return Report(asOf: now, findings: findings, policies: policies, inputFiles: documents.digests, waivers: documents.waivers,
                      subjects: checked.map(Subject.init))
    }
}
