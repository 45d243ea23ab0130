import ClearancePolicy

/// Gathers a run's findings: keeps those a report lists, counts every outcome in all and per rule.
struct FindingSink: Sendable {
    /// Whether pass and skip findings are kept, not only counted.
    let keepsAll: Bool
    /// Whether pass and skip findings not kept are counted per subject and rule (``marks``).
    let marksPasses: Bool
    /// The subjects, by rule id, whose pass and skip findings are kept apart in ``watched`` when ``keepsAll`` is off.
    let watching: [String: Set<String>]
    /// Whether no pass or skip finding is kept at all (neither ``keepsAll`` nor any ``watching``): most outcomes are then only counted.
    let keepsNoPassOrSkip: Bool
    private(set) var findings: [Finding] = []
    /// Where the kept findings' messages and element identities are written (one arena per sink, so per thread).
    let texts = TextArena()
    /// The pass and skip findings of ``watching``'s rules and subjects (a history needs them to tell a fixed finding from a removed one).
    private(set) var watched: [Finding] = []
    /// The passes and skips not kept, per subject, in evaluation order, when ``marksPasses``.
    private(set) var marks: [PassMarks] = []
    private(set) var counts = [Int](repeating: 0, count: FindingStatus.allCases.count)
    /// Outcomes per planned rule: `ruleSlots * statuses` counters, the rule at ``rule`` counting now.
    private(set) var perRule: [Int]
    /// The planned rule whose outcomes are being counted (its position in the run's plan).
    var rule = 0
    /// The position among the run's subjects of the document being evaluated, when ``FirstPass/notesKept``.
    var subject = 0
    /// How a first pass fills the sink; a run that keeps its findings has the default.
    let pass: FirstPass
    /// The subjects and planned rules with an outcome kept, as `subject * ruleSlots + rule`, when ``FirstPass/notesKept``.
    private(set) var kept: [Int] = []
    /// Outcomes per rule id of the findings added outside a planned rule (expired waivers and overrides, future evidence).
    private(set) var otherRules: [String: [Int]] = [:]
    /// The fail findings (not waived, not pending) counted by their rule's severity, by ``Severity/rank``.
    private(set) var failsBySeverity = [Int](repeating: 0, count: Severity.allCases.count)
    /// Whether a `for_each` element was a node of another document than its subject's, so that a finding may be placed
    /// in that document's file rather than among its subject's.
    private(set) var elementsElsewhere = false
    /// How many findings joined each list of ``FirstPass/selection``, built or not.
    private(set) var selectedCounts: [Int]

    /// A sink for a run of `ruleSlots` planned rules.
    init(keepsAll: Bool, marksPasses: Bool = false, watching: [String: Set<String>] = [:], ruleSlots: Int = 0, pass: FirstPass = FirstPass()) {
        self.keepsAll = keepsAll
        self.pass = pass
        selectedCounts = Array(repeating: 0, count: pass.selection?.listCount ?? 0)
        self.marksPasses = marksPasses && !keepsAll
        self.watching = watching
        keepsNoPassOrSkip = !keepsAll && watching.isEmpty
        perRule = [Int](repeating: 0, count: ruleSlots * FindingStatus.allCases.count)
    }

    /// Whether a finding of `rule` on `subject` with this outcome is kept (so is worth building).
    func keeps(_ status: FindingStatus, rule: String, subject: String) -> Bool {
        keepsAll || (status != .pass && status != .skip) || (!watching.isEmpty && watching[rule]?.contains(subject) == true)
    }

    /// Counts an outcome of the current planned rule whose finding is not kept.
    mutating func count(_ status: FindingStatus) {
        counts[status.index] += 1
        perRule[rule * FindingStatus.allCases.count + status.index] += 1
    }

    /// Counts a pass or a skip of `rule` on a subject in ``marks`` (when ``marksPasses``; its finding is not kept).
    mutating func mark(_ status: FindingStatus, of rule: RuleInfo, on kind: DocumentKind, _ subject: String) {
        guard marksPasses else { return }
        if let last = marks.last, last.subject.id == subject, last.subject.kind == kind {
            marks[marks.count - 1].add(status, of: rule)
        } else {
            var subjectMarks = PassMarks(subject: SubjectKey(kind: kind, id: subject))
            subjectMarks.add(status, of: rule)
            marks.append(subjectMarks)
        }
    }

    /// Counts a fail finding of a rule of `severity` (whether its finding is kept or not).
    mutating func countFail(_ severity: Severity) {
        failsBySeverity[severity.rank] += 1
    }

    /// Notes that the current subject and planned rule have an outcome kept (when ``FirstPass/notesKept``).
    mutating func noteKept() {
        guard pass.notesKept else { return }
        let entry = subject * (perRule.count / FindingStatus.allCases.count) + rule
        if kept.last != entry { kept.append(entry) }
    }

    /// Counts a kept outcome of a rule of `severity` in its list of ``FirstPass/selection``, and says whether its finding
    /// may be shown (so must be built even when only counting).
    mutating func select(_ status: FindingStatus, _ severity: Severity) -> Bool {
        guard let list = pass.selection?.list(status, severity) else { return false }
        selectedCounts[list] += 1
        return list < pass.openLists
    }

    /// Notes a `for_each` element that is a node of another document than its subject's.
    mutating func noteElementElsewhere() {
        elementsElsewhere = true
    }

    /// Counts and keeps a finding of the current planned rule.
    mutating func add(_ finding: Finding) {
        count(finding.status)
        keep(finding)
    }

    /// Counts and keeps a finding that no planned rule gave (counted under its rule id).
    mutating func addOutsidePlan(_ finding: Finding) {
        counts[finding.status.index] += 1
        if finding.status == .fail { countFail(finding.rule.severity) }
        otherRules[finding.rule.id, default: [Int](repeating: 0, count: FindingStatus.allCases.count)][finding.status.index] += 1
        keep(finding)
    }

    private mutating func keep(_ finding: Finding) {
        if keepsAll || (finding.status != .pass && finding.status != .skip) {
            findings.append(finding)
        } else {
            watched.append(finding)
            mark(finding.status, of: finding.rule, on: finding.kind, finding.subject)
        }
    }

    /// Lets the findings kept so far go, keeping their counts.
    mutating func letFindingsGo() {
        findings = []
    }

    /// Adds what another sink of the same plan gathered, after this one's.
    mutating func append(_ other: FindingSink) {
        findings += other.findings
        watched += other.watched
        marks += other.marks
        for index in counts.indices { counts[index] += other.counts[index] }
        for index in perRule.indices { perRule[index] += other.perRule[index] }
        for index in failsBySeverity.indices { failsBySeverity[index] += other.failsBySeverity[index] }
        elementsElsewhere = elementsElsewhere || other.elementsElsewhere
        for index in selectedCounts.indices where index < other.selectedCounts.count { selectedCounts[index] += other.selectedCounts[index] }
        for (rule, counts) in other.otherRules {
            var total = otherRules[rule] ?? [Int](repeating: 0, count: counts.count)
            for index in counts.indices { total[index] += counts[index] }
            otherRules[rule] = total
        }
    }

    /// The outcomes of each rule, by rule id, given the rule ids of the plan's slots in order.
    func ruleCounts(slots: [String]) -> [String: [FindingStatus: Int]] {
        var result: [String: [FindingStatus: Int]] = [:]
        func add(_ rule: String, _ counts: ArraySlice<Int>) {
            for status in FindingStatus.allCases where counts[counts.startIndex + status.index] > 0 {
                result[rule, default: [:]][status, default: 0] += counts[counts.startIndex + status.index]
            }
        }
        let width = FindingStatus.allCases.count
        for (slot, rule) in slots.enumerated() where slot * width < perRule.count { add(rule, perRule[(slot * width)..<((slot + 1) * width)]) }
        for (rule, counts) in otherRules { add(rule, counts[...]) }
        return result
    }
}

extension FindingStatus {
    /// The position of the outcome in ``allCases``.
    var index: Int {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 2
        case .waived: 3
        case .skip: 4
        case .pending: 5
        }
    }
}

/// How a first pass fills a sink: a run that may not keep its findings
/// (``Engine/runKeepingFew(keepingAtMost:selecting:progress:)``) counts them, builds only those a report may still show,
/// and notes where each kept outcome was.
struct FirstPass: Sendable {
    /// Whether outcomes are only counted, no finding built even where a report keeps it (but those ``selection`` may
    /// still show): the first pass of a run whose findings are made again as they are written.
    var countsOnly = false
    /// What a report that shows only some findings takes of the run.
    var selection: FindingSelection?
    /// The lists of ``selection`` whose findings may still be shown: those below this.
    var openLists = 0
    /// Whether the sink notes, in ``FindingSink/kept``, each subject and planned rule with an outcome it keeps.
    var notesKept = false
}
