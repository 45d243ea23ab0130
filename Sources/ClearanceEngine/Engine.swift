import ClearanceCore
import ClearanceExpression
import ClearancePolicy

/// Runs every rule over every document of its target kind and gathers the findings into a report.
///
/// Documents are evaluated in batches on up to `jobs` threads; batches are merged in input order,
/// so the report is the same whatever the number of jobs.
public struct Engine: Sendable {
    /// The policies to evaluate.
    public let policies: PolicySet
    /// The documents to evaluate them on.
    public let documents: DocumentSet
    /// The evaluation time (`now` in expressions; it also decides which waivers are live).
    public let now: Timestamp
    /// The number of threads to evaluate on.
    public let jobs: Int
    /// Whether pass and skip findings are kept in the report (JUnit and HTML list them), not only counted.
    public let keepsAllFindings: Bool

    /// Creates an engine.
    public init(policies: PolicySet, documents: DocumentSet, now: Timestamp, jobs: Int = 1, keepsAllFindings: Bool = true) {
        self.policies = policies
        self.documents = documents
        self.now = now
        self.jobs = max(1, jobs)
        self.keepsAllFindings = keepsAllFindings
    }

    /// Documents per batch of work.
    static let batchSize = 64

    /// Evaluates and returns the report; `rules` and `subjects` narrow the run when given, and
    /// `progress` hears how many documents have been evaluated of how many.
    public func run(rules: Set<String>? = nil, subjects: Set<String>? = nil,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> Report {
        let waivers = WaiverBook(documents.waivers, now: now)
        let (documents, future) = self.documents.settingAsideFutureEvidence(at: now)
        let plans = policies.policies.compactMap { policy -> (Policy, [Rule], Value)? in
            let selected = policy.rules.filter { rules?.contains($0.id) ?? true }
            guard !selected.isEmpty else { return nil }
            return (policy, selected, policy.paramsValue)
        }
        let targets = documents.subjects.filter { document in
            subjects?.contains(document.id) ?? true && plans.contains { $0.0.target == document.kind }
        }
        let batches = (targets.count + Self.batchSize - 1) / Self.batchSize
        let keepsAll = keepsAllFindings, now = now, members = documents.membersValue, vendors = documents.vendorsValue
        let total = targets.count
        let report = progress.map { progress in { @Sendable (batches: Int) in progress(min(total, batches * Self.batchSize), total) } }
        var identities: [String: ElementIdentity] = [:]
        for (policy, selected, _) in plans {
            for rule in selected { identities[rule.id] = ElementIdentity(kind: policy.target, fieldPath: rule.forEach?.fieldPath) }
        }
        let results = ParallelMap.map(batches, jobs: jobs, done: report) { [identities] batch -> FindingSink in
            let evaluator = RuleEvaluator(waivers: waivers, identities: identities)
            var sink = FindingSink(keepsAll: keepsAll)
            guard let first = plans.first else { return sink }
            var bindings = Bindings(first.0.declarations)
            bindings[PolicyBindings.now] = .timestamp(now)
            bindings[PolicyBindings.members] = members
            bindings[PolicyBindings.vendors] = vendors
            for document in targets[(batch * Self.batchSize)..<min(targets.count, (batch + 1) * Self.batchSize)] {
                bindings[PolicyBindings.target] = Value(node: document.root)
                let inPipeline = document.kind == .teamMember && CredentialState(member: document.root).isInPipeline
                for (policy, selected, params) in plans where policy.target == document.kind {
                    bindings[PolicyBindings.params] = params
                    for rule in selected { evaluator.evaluate(rule, on: document, inPipeline: inPipeline, bindings: &bindings, into: &sink) }
                }
            }
            return sink
        }
        var sink = FindingSink(keepsAll: keepsAll)
        for result in results { sink.append(result) }
        if subjects == nil {
            let reported = Set(documents.reportedWaivers.map(\.id))
            for finding in waivers.expiredFindings() where rules?.contains(finding.waiver?.ruleID ?? "") ?? true && reported.contains(finding.subject) {
                sink.add(finding)
            }
        }
        if rules?.contains(RuleInfo.futureEvidence.id) ?? true {
            for evidence in future where subjects?.contains(evidence.document.id) ?? true && !documents.isContext(evidence.document) { sink.add(Self.finding(evidence, now: now)) }
        }
        let counts = Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0, sink.counts[$0.index]) })
        // Who each checked document is (name, status), for reports that list every person; only when they are kept.
        let checked = keepsAll ? documents.subjects.filter { DocumentKind.targets.contains($0.kind) && (subjects?.contains($0.id) ?? true) } : []
        return Report(asOf: now, findings: sink.findings, summary: counts, documentsChecked: targets.count, catalogue: RuleCatalogue(policies),
                      inputFiles: documents.digests, waivers: documents.waivers, subjects: checked.map(Subject.init))
    }

    /// The finding of the built-in rule for one piece of evidence from the future.
    static func finding(_ evidence: FutureEvidence, now: Timestamp) -> Finding {
        let claimed = evidence.isDate ? String(evidence.value.rfc3339.prefix(10)) : evidence.value.rfc3339
        let evaluated = now.seconds % 86_400 == 0 && now.nanos == 0 ? String(now.rfc3339.prefix(10)) : now.rfc3339
        return Finding(rule: RuleInfo.futureEvidence, status: .fail, subject: evidence.document.id, kind: evidence.document.kind,
                       element: evidence.path,
                       message: "\(evidence.path) is \(claimed), after the evaluation time \(evaluated); evidence cannot be from the future",
                       location: evidence.node.location)
    }
}
