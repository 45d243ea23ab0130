import ClearanceCore
import ClearancePolicy

/// One (rule, document, element) and its outcome, with everything a report prints. Immutable, and a class so that the
/// lists a run makes of its findings (report order, most severe first, per subject) share each one instead of copying it.
public final class Finding: Sendable {
    /// The rule, as reports describe it.
    public let rule: RuleInfo
    /// The outcome.
    public let status: FindingStatus
    /// The id of the document the finding is about.
    public let subject: String
    /// The kind of that document.
    public let kind: DocumentKind
    /// The `for_each` element: `devices[1]`, or `[1]` when the list is not a field path; `nil` otherwise.
    public let element: String?
    /// The element's 0-based position, for ordering.
    public let elementIndex: Int
    /// What identifies the element in its list, for the fingerprint: its list and identity fields
    /// (`access` with `system=aws`, `resource=…`, `role=…`), its value, or its position when nothing else does.
    public var elementIdentity: String? { keptIdentity?.string }
    /// What is wrong (or, for a pass or a skip, the rule's title).
    public var message: String { keptMessage.string }
    /// Where the finding is: the element, or the document.
    public let location: SourceLocation
    /// The waiver that covers it, for a waived finding.
    public var waiver: Waiver? { waiverBox?.waiver }
    /// The waiver, held apart: a waiver is large and few findings have one, so a finding without stays small (a first
    /// audit can hold millions of findings).
    private let waiverBox: WaiverBox?
    /// The message and the element's identity, kept in the evaluating batch's ``TextArena`` when it gave one.
    private let keptMessage: KeptText, keptIdentity: KeptText?

    /// Creates a finding; without an `elementIdentity` the element is identified by its path (`devices[1]`).
    public convenience init(rule: RuleInfo, status: FindingStatus, subject: String, kind: DocumentKind, element: String?, elementIndex: Int = -1,
                            elementIdentity: String? = nil, message: String, location: SourceLocation, waiver: Waiver? = nil) {
        self.init(rule: rule, status: status, subject: subject, kind: kind, element: element, elementIndex: elementIndex,
                  elementIdentity: elementIdentity.map(KeptText.init), message: KeptText(message), location: location, waiver: waiver)
    }

    /// A finding whose message and element identity are already kept (in a ``TextArena``, say).
    init(rule: RuleInfo, status: FindingStatus, subject: String, kind: DocumentKind, element: String?, elementIndex: Int,
         elementIdentity: KeptText?, message: KeptText, location: SourceLocation, waiver: Waiver?) {
        self.rule = rule
        self.status = status
        self.subject = subject
        self.kind = kind
        self.element = element
        self.elementIndex = elementIndex
        keptIdentity = elementIdentity ?? element.map(KeptText.init)
        keptMessage = message
        self.location = location
        waiverBox = waiver.map(WaiverBox.init)
    }

    /// Whether the finding needs someone's attention: a fail, an error, a waiver or a pending gate item.
    public var needsAttention: Bool { status == .fail || status == .error || status == .waived || status == .pending }

    /// Findings in report order (see ``precedes(_:_:)``), sorted on integer keys: each file's and each
    /// rule's rank is computed once, not compared as text on every comparison, and positions are sorted,
    /// not the findings themselves, which are copied once into place.
    public static func sortedForReports(_ findings: [Finding]) -> [Finding] {
        // Files and rules are ranked once each; consecutive findings mostly share a file, and its rank is reused.
        // A rule is told by its object, hashed as a pointer; its rank is that of its id among the ids.
        var files = Set<String>(), rules: [ObjectIdentifier: RuleInfo] = [:]
        var lastFile: String?
        for finding in findings {
            if finding.location.file != lastFile {
                lastFile = finding.location.file
                files.insert(finding.location.file)
            }
            rules[ObjectIdentifier(finding.rule)] = finding.rule
        }
        let fileRank = Dictionary(uniqueKeysWithValues: files.sorted { $0.precedesByBytes($1) }.enumerated().map { ($1, $0) })
        let idRank = Dictionary(uniqueKeysWithValues: Set(rules.values.map(\.id)).sorted().enumerated().map { ($1, $0) })
        let ruleRank = rules.mapValues { idRank[$0.id] ?? 0 }
        var last: (file: String, rank: Int)?
        let keys = findings.map { finding in
            let file: Int
            if let last, last.file == finding.location.file {
                file = last.rank
            } else {
                file = fileRank[finding.location.file] ?? 0
                last = (finding.location.file, file)
            }
            return SortKey(file: file, line: finding.location.line, column: finding.location.column,
                           rule: ruleRank[ObjectIdentifier(finding.rule)] ?? 0, element: finding.elementIndex)
        }
        let order = findings.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : findings[a].subject < findings[b].subject
        }
        return order.map { findings[$0] }
    }

    /// A finding's place in report order but for its subject: file, line, column, rule and element, as ranks and numbers.
    private struct SortKey: Comparable {
        let file: Int, line: Int, column: Int, rule: Int, element: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.file, a.line, a.column, a.rule, a.element) < (b.file, b.line, b.column, b.rule, b.element)
        }
    }

    /// The deterministic order of reports: file, line, column, rule, then element and subject.
    public static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.location.file != b.location.file { return a.location.file.precedesByBytes(b.location.file) }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.rule.id != b.rule.id { return a.rule.id < b.rule.id }
        if a.elementIndex != b.elementIndex { return a.elementIndex < b.elementIndex }
        return a.subject < b.subject
    }
}
