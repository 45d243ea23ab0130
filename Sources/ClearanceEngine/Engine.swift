import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import Synchronization

/// Compiled policies prepared over a snapshot of an organisation, ready to evaluate documents:
/// the whole snapshot for an audit (``run(rules:subjects:progress:)``), or a few documents at a
/// time for a request (``evaluate(_:at:rules:)``).
///
/// Preparing sets aside evidence from the future, builds the lookup maps (`members`, `vendors`)
/// and the waiver book once; evaluating reads them and builds nothing that grows with the
/// organisation. An engine is immutable and safe to use from many threads at once.
public struct Engine: Sendable {
    /// The policies to evaluate.
    public let policies: PolicySet
    /// The organisation as rules read it at ``now`` (evidence from the future set aside), with its lookup maps.
    public let snapshot: DocumentSet
    /// The time the engine was prepared for: an audit's evaluation time, and the time the snapshot is read as of.
    public let now: Timestamp
    /// The number of threads an audit evaluates on.
    public let jobs: Int
    /// Whether pass and skip findings are kept in the report (JUnit lists them), not only counted.
    public let keepsAllFindings: Bool
    /// Whether pass and skip findings not kept are counted per subject and rule (``Report/passMarks``, the HTML
    /// checklists' marks), and the checked subjects described.
    public let keepsPassMarks: Bool
    /// The subjects, by rule id, whose pass and skip findings a run keeps apart (``Report/watchedFindings``) when it
    /// does not keep them all: what a history needs to tell a fixed finding from a removed one.
    public let watching: [String: Set<String>]
    let waivers: WaiverBook
    /// The evidence from the future set aside when the snapshot was prepared.
    private let futureEvidence: [FutureEvidence]
    /// How each rule's `for_each` elements are identified, by rule id.
    private let identities: [String: ElementIdentity]
    /// What reports say about the rules, made once.
    private let catalogue: RuleCatalogue
    /// Where each kind's evidence timestamps are, resolved for the snapshot's symbols.
    private let evidencePaths: EvidencePaths
    /// The parts of `when` conditions that several rules test.
    private let conditions: SharedConditions
    /// The snapshot's lookup maps the rules read, by position after ``PolicyBindings/firstLookup`` (`nil` for one no rule
    /// reads: it is left unbound, so a read would fail rather than find nothing).
    private let lookups: [Value?]
    /// The Account documents linked to each person, by member id (what a person's checklist shows).
    private let accountsByPerson: [String: [InputDocument]]
    /// The ManagedDevice documents linked to each person, by member id (what a person's checklist shows).
    private let devicesByPerson: [String: [InputDocument]]

    /// Prepares `policies` over `documents` as of `now`; `watching` names, by rule id, the subjects whose pass and
    /// skip findings to keep apart when not all are kept.
    public init(policies: PolicySet, documents: DocumentSet, now: Timestamp, jobs: Int = 1, keepsAllFindings: Bool = true,
                keepsPassMarks: Bool = false, watching: [String: Set<String>] = [:]) {
        self.policies = policies
        self.now = now
        self.jobs = max(1, jobs)
        self.keepsAllFindings = keepsAllFindings
        self.keepsPassMarks = keepsPassMarks
        self.watching = watching
        (snapshot, futureEvidence) = documents.settingAsideFutureEvidence(at: now, jobs: max(1, jobs))
        // Evaluation reads the snapshot's table (the policies', and the documents' when they were read with another) from
        // every thread and adds nothing to it.
        policies.symbols.freeze()
        snapshot.documents.first?.document.symbols.freeze()
        waivers = WaiverBook(documents.waivers, now: now)
        var identities: [String: ElementIdentity] = [:]
        for policy in policies.policies {
            let kind = policies.kinds.descriptor(policy.target)
            for rule in policy.rules { identities[rule.id] = ElementIdentity(kind: kind, fieldPath: rule.forEach?.fieldPath) }
        }
        self.identities = identities
        catalogue = RuleCatalogue(policies)
        conditions = SharedConditions(policies)
        lookups = snapshot.lookupValues(needed: Self.variablesRead(by: policies).contains)
        evidencePaths = EvidencePaths(policies.kinds, resolvedIn: policies.symbols)
        var accountsByPerson: [String: [InputDocument]] = [:]
        for account in snapshot.documents(of: .account) {
            if let person = account.root["person"]?.string { accountsByPerson[person, default: []].append(account) }
        }
        self.accountsByPerson = accountsByPerson
        var devicesByPerson: [String: [InputDocument]] = [:]
        for device in snapshot.documents(of: .managedDevice) {
            if let person = device.root["person"]?.string { devicesByPerson[person, default: []].append(device) }
        }
        self.devicesByPerson = devicesByPerson
    }

    /// The lookup maps the rules of `policies` read, by position after ``PolicyBindings/firstLookup``: every variable of
    /// every expression a rule evaluates (`when`, `for_each`, `require`, its message).
    private static func variablesRead(by policies: PolicySet) -> Set<Int> {
        var read = Set<Int>()
        for policy in policies.policies {
            for rule in policy.rules {
                let programs = [rule.when?.program, rule.forEach?.list.program, rule.require.program].compactMap { $0 } + rule.message.pieces.programs
                for program in programs { read.formUnion(program.shape().variableSlots) }
            }
        }
        return Set(read.compactMap { $0 >= PolicyBindings.firstLookup ? $0 - PolicyBindings.firstLookup : nil })
    }

    /// Documents per batch of work.
    static let batchSize = 64

    /// Evaluates the snapshot's subjects at ``now`` and returns the report; `rules` and `subjects` narrow
    /// the run when given, and `progress` hears how many documents have been evaluated of how many.
    public func run(rules: Set<String>? = nil, subjects: Set<String>? = nil,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> Report {
        let plans = self.plans(rules)
        let targets = snapshot.subjects.filter { document in
            subjects?.contains(document.id) ?? true && plans.contains { $0.policy.target == document.kind }
        }
        let batches = (targets.count + Self.batchSize - 1) / Self.batchSize
        let total = targets.count
        let done = progress.map { progress in { @Sendable (batches: Int) in progress(min(total, batches * Self.batchSize), total) } }
        // Each batch's findings and counts join the run's as soon as the batches before it have, so only the batches
        // still waiting for an earlier one are held apart.
        let merged = Mutex(sink(plans, keepsAll: keepsAllFindings))
        ParallelMap.forEachInOrder(batches, jobs: jobs, done: done) { [self] batch in
            evaluate(targets[(batch * Self.batchSize)..<min(targets.count, (batch + 1) * Self.batchSize)], plans, waivers: waivers, at: now,
                     keepsAll: keepsAllFindings)
        } consume: { result in
            merged.withLock { $0.append(result) }
        }
        var sink = merged.withLock { $0 }
        for finding in outsidePlan(rules: rules, subjects: subjects) { sink.addOutsidePlan(finding) }
        // Who each checked document is (name, status), for reports that list every person; only when they are kept.
        let checked = keepsAllFindings || keepsPassMarks
            ? snapshot.subjects.filter { policies.kinds.contains($0.kind) && (subjects?.contains($0.id) ?? true) } : []
        return report(sink, plans, documentsChecked: targets.count, at: now, subjects: checked)
    }

    /// The findings of a run that no planned rule gives: expired waivers and overrides (when every subject is checked),
    /// and evidence from the future.
    func outsidePlan(rules: Set<String>?, subjects: Set<String>?) -> [Finding] {
        var found: [Finding] = []
        if subjects == nil {
            let reported = Set(snapshot.reportedWaivers.map(\.id))
            for finding in waivers.expiredFindings() where rules?.contains(finding.waiver?.ruleID ?? "") ?? true && reported.contains(finding.subject) {
                found.append(finding)
            }
            for override in policies.expiredOverrides where rules?.contains(override.ruleID) ?? true {
                found.append(Self.finding(expired: override))
            }
        }
        if rules?.contains(RuleInfo.futureEvidence.id) ?? true {
            for evidence in futureEvidence where subjects?.contains(evidence.document.id) ?? true && !snapshot.isContext(evidence.document) {
                found.append(Self.finding(evidence, now: now))
            }
        }
        return found
    }

    /// Evaluates `documents` (a candidate's record, a changed manifest) at `time` in the context of the
    /// snapshot: lookups read the snapshot's maps, and live waivers apply. Evidence from the future of
    /// `time` in the documents is set aside and reported; expired waivers are not (an audit reports them).
    ///
    /// The cost depends on the documents and the rules, not on the size of the snapshot. `keepsPasses`
    /// overrides ``keepsAllFindings`` for this call: `false` counts passes and skips without building them.
    public func evaluate(_ documents: [InputDocument], at time: Timestamp, rules: Set<String>? = nil, keepsPasses: Bool? = nil) -> Report {
        let plans = self.plans(rules)
        var future: [FutureEvidence] = []
        let read = documents.map { document in
            let (read, found) = FutureEvidence.settingAside(in: document, at: time, paths: evidencePaths)
            future += found
            return read
        }
        let book = time == now ? waivers : WaiverBook(snapshot.waivers, now: time)
        var sink = evaluate(read[...], plans, waivers: book, at: time, keepsAll: keepsPasses ?? keepsAllFindings)
        if rules?.contains(RuleInfo.futureEvidence.id) ?? true {
            for evidence in future { sink.addOutsidePlan(Self.finding(evidence, now: time)) }
        }
        let targets = read.filter { document in plans.contains { $0.policy.target == document.kind } }
        let checked = keepsAllFindings || keepsPassMarks ? read.filter { policies.kinds.contains($0.kind) } : []
        return report(sink, plans, documentsChecked: targets.count, at: time, subjects: checked)
    }

    /// The finding of an override of `clearance.yaml` past its expiry.
    static func finding(expired override: RuleOverride) -> Finding {
        let change = override.disabled ? "turned it off" : "set its severity to \(override.severity?.rawValue ?? "")"
        return Finding(rule: RuleInfo.expiredOverride, status: .fail, subject: override.ruleID, kind: .ruleOverride, element: nil,
                       message: "the override of \(override.ruleID) that \(change) expired \(override.expiresText); the rule applies as its pack wrote it",
                       location: override.expiresLocation, waiver: nil)
    }

    /// A policy with the rules of it that a run evaluates.
    typealias Plan = (policy: Policy, rules: [Rule])

    /// The policies with at least one rule among `rules` (every rule when `nil`).
    func plans(_ rules: Set<String>?) -> [Plan] {
        policies.policies.compactMap { policy in
            let selected = policy.rules.filter { rules?.contains($0.id) ?? true }
            return selected.isEmpty ? nil : (policy, selected)
        }
    }

    /// An empty sink for a run of `plans`, keeping passes and skips when `keepsAll`: one counter slot per planned rule, in plan order,
    /// filled as a first `pass` fills it (``FirstPass``: by default, as a run that keeps its findings).
    func sink(_ plans: [Plan], keepsAll: Bool, pass: FirstPass = FirstPass()) -> FindingSink {
        FindingSink(keepsAll: keepsAll, marksPasses: keepsPassMarks, watching: watching, ruleSlots: plans.reduce(0) { $0 + $1.rules.count },
                    pass: pass)
    }

    /// Evaluates every planned rule on each document of its target kind, on this thread; with `only`, only the rules of
    /// the documents (by their position in the slice) it holds.
    func evaluate(_ documents: ArraySlice<InputDocument>, _ plans: [Plan], waivers: WaiverBook, at time: Timestamp, keepsAll: Bool,
                  pass: FirstPass = FirstPass(), only: RuleMask? = nil) -> FindingSink {
        let evaluator = RuleEvaluator(waivers: waivers, identities: identities)
        var memo = ConditionMemo(slotCount: conditions.slotCount)
        var sink = sink(plans, keepsAll: keepsAll, pass: pass)
        guard let first = plans.first else { return sink }
        // Each plan's rules by their slots: those of plan `p` from `slotStarts[p]` up to `slotStarts[p + 1]`.
        var slotStarts = [0]
        for plan in plans { slotStarts.append(slotStarts[slotStarts.count - 1] + plan.rules.count) }
        var bindings = Bindings(first.policy.declarations)
        bindings[PolicyBindings.now] = .timestamp(time)
        for (index, lookup) in lookups.enumerated() { if let lookup { bindings[PolicyBindings.firstLookup + index] = lookup } }
        // The policies and rules unretained (the plans hold them for the call): every subject reads them all, on every thread.
        let policies = plans.map { Unmanaged.passUnretained($0.policy) }
        let rules = plans.flatMap { $0.rules.map(Unmanaged.passUnretained) }
        let shared = plans.flatMap { $0.rules.map(conditions.condition(of:)) }
        for (position, document) in zip(documents.indices, documents) {
            sink.subject = position
            memo.nextDocument()
            bindings[PolicyBindings.target] = Value(node: document.root)
            let inPipeline = document.kind == .teamMember && CredentialState(member: document.root).isInPipeline
            for planIndex in policies.indices {
                policies[planIndex]._withUnsafeGuaranteedRef { policy in
                    guard policy.target == document.kind else { return }
                    bindings[PolicyBindings.params] = policy.paramsValue
                    for slot in slotStarts[planIndex]..<slotStarts[planIndex + 1] {
                        sink.rule = slot
                        if let only, !only.contains(subject: position, rule: slot) { continue }
                        rules[slot]._withUnsafeGuaranteedRef { rule in
                            evaluator.evaluate(rule, on: document, inPipeline: inPipeline, shared: shared[slot], bindings: &bindings, memo: &memo,
                                               into: &sink)
                        }
                    }
                }
            }
        }
        return sink
    }

    /// The report of what a sink gathered.
    func report(_ sink: FindingSink, _ plans: [Plan], documentsChecked: Int, at time: Timestamp, subjects: [InputDocument],
                streamed: FindingStream? = nil, selected: SelectedFindings? = nil) -> Report {
        let counts = Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0, sink.counts[$0.index]) })
        let kinds = policies.kinds
        var accounts: [String: [ObservedAccount]] = [:], devices: [String: [ObservedDevice]] = [:]
        for subject in subjects where subject.kind == .teamMember {
            if let found = accountsByPerson[subject.id] { accounts[subject.id] = ObservedAccount.ordered(found.map(ObservedAccount.init)) }
            if let found = devicesByPerson[subject.id] { devices[subject.id] = ObservedDevice.ordered(found.map(ObservedDevice.init)) }
        }
        let fails = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, sink.failsBySeverity[$0.rank]) })
        return Report(asOf: time, findings: streamed == nil ? sink.findings : [], summary: counts, failsBySeverity: fails,
                      streamed: streamed, selected: selected,
                      ruleCounts: sink.ruleCounts(slots: plans.flatMap { $0.rules.map(\.id) }),
                      watchedFindings: sink.watched, passMarks: sink.marks, documentsChecked: documentsChecked, catalogue: catalogue,
                      inputFiles: snapshot.digests, waivers: snapshot.waivers,
                      subjects: subjects.map { Subject($0, naming: kinds.descriptor($0.kind)?.naming) }, sources: snapshot.sources, accounts: accounts,
                      devices: devices)
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
