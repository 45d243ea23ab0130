import ClearanceCore
import ClearancePolicy

/// One subject's checklist: every rule of its kind with the subject's outcome for it, a person's pre-credentials
/// gate first, then each policy's other rules. The `checklist` command, the HTML report and a server show this one model.
public struct Checklist: Sendable {
    /// A group of items: the pre-credentials gate, or one policy's rules.
    public struct Section: Sendable {
        /// The policy whose rules the section lists; `nil` for the pre-credentials gate.
        public let policy: PolicyInfo?
        /// The items, in rule load order.
        public let items: [ChecklistItem]

        /// Whether the section is the pre-credentials gate.
        public var isGate: Bool { policy == nil }
    }

    /// Who the checklist is about.
    public let subject: Subject
    /// Every finding about the subject, in report order (built-in rules' too, which no item lists).
    public let findings: [Finding]
    /// A person's pre-credentials gate; `nil` for other kinds, or when no loaded rule belongs to the gate.
    public let gate: CredentialsGate?
    /// The sections, the gate first; a policy without items of its own is left out.
    public let sections: [Section]
    /// A person's accounts as the sources observed them, by system, scope and name (none for other kinds, or without sources).
    public let accounts: [ObservedAccount]
    /// A person's managed devices as the device managers' exports observed them, by system and name (none for other kinds, or without such sources).
    public let devices: [ObservedDevice]

    /// The checklist of a subject from its findings (in report order), its passes and skips only counted, the catalogue's
    /// rules of its kind and its observed accounts and devices.
    public init(subject: Subject, findings: [Finding], marks: [PassMarks.Count] = [], catalogue: RuleCatalogue, accounts: [ObservedAccount] = [],
                devices: [ObservedDevice] = []) {
        var byRule: [String: [Finding]] = [:]
        for finding in findings { byRule[finding.rule.id, default: []].append(finding) }
        var marked: [String: (pass: Int, skip: Int)] = [:]
        for count in marks {
            marked[count.rule.id, default: (0, 0)].pass += count.pass
            marked[count.rule.id, default: (0, 0)].skip += count.skip
        }
        let rules = catalogue.rules(for: subject.kind)
        func item(_ rule: RuleInfo) -> ChecklistItem {
            ChecklistItem(rule: rule, findings: byRule[rule.id] ?? [], passes: marked[rule.id]?.pass ?? 0, skips: marked[rule.id]?.skip ?? 0)
        }
        let gate = subject.credentials.flatMap { CredentialsGate(items: rules.filter(\.isPreCredentials).map(item), credentials: $0) }
        var itemsByPolicy: [String: [ChecklistItem]] = [:]
        for rule in rules where gate == nil || !rule.isPreCredentials { itemsByPolicy[rule.policyID, default: []].append(item(rule)) }
        var sections = gate.map { [Section(policy: nil, items: $0.items)] } ?? []
        for policy in catalogue.policies where policy.target == subject.kind {
            if let items = itemsByPolicy[policy.id] { sections.append(Section(policy: policy, items: items)) }
        }
        self.subject = subject
        self.findings = findings
        self.gate = gate
        self.sections = sections
        self.accounts = accounts
        self.devices = devices
    }

    /// The checklist of a subject from a report's findings, pass marks and catalogue.
    public init(subject: Subject, in report: Report) {
        self = Self.all(report, subjects: [subject])[0]
    }

    /// Every item, section by section.
    public var items: [ChecklistItem] { sections.flatMap(\.items) }

    /// Whether anything about the subject fails, errors or is pending.
    public var needsAttention: Bool { findings.contains { $0.status.isFailing || $0.status == .pending } }

    /// The checklists of subjects, in the order given, from a report's findings, pass marks and catalogue, made on up to
    /// `jobs` threads (the same checklists for any number).
    public static func all(_ report: Report, subjects: [Subject], jobs: Int = 1) -> [Checklist] {
        // A subject's findings mostly come together in report order: each run is added with one lookup.
        var findingsBySubject: [SubjectKey: [Finding]] = [:]
        var run: [Finding] = []
        func endRun() {
            guard let first = run.first else { return }
            findingsBySubject[SubjectKey(kind: first.kind, id: first.subject), default: []] += run
            run.removeAll(keepingCapacity: true)
        }
        for finding in report.findings {
            if let first = run.first, first.subject != finding.subject || first.kind != finding.kind { endRun() }
            run.append(finding)
        }
        endRun()
        var marksBySubject: [SubjectKey: [PassMarks.Count]] = [:]
        for marks in report.passMarks { marksBySubject[marks.subject, default: []] += marks.counts }
        let findings = findingsBySubject, marks = marksBySubject
        let batch = 1_024
        @Sendable func checklist(_ subject: Subject) -> Checklist {
            let key = SubjectKey(kind: subject.kind, id: subject.id)
            let isPerson = subject.kind == .teamMember
            return Checklist(subject: subject, findings: findings[key] ?? [], marks: marks[key] ?? [], catalogue: report.catalogue,
                             accounts: isPerson ? report.accounts[subject.id] ?? [] : [], devices: isPerson ? report.devices[subject.id] ?? [] : [])
        }
        let pieces: [[Checklist]] = ParallelMap.map((subjects.count + batch - 1) / batch, jobs: jobs) { number in
            subjects[(number * batch)..<min(subjects.count, (number + 1) * batch)].map(checklist)
        }
        return pieces.flatMap { $0 }
    }
}
