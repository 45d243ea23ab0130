import ClearancePolicy

/// One rule of a checklist and the subject's outcome for it.
public struct ChecklistItem: Sendable {
    /// The rule.
    public let rule: RuleInfo
    /// The subject's findings of the rule, in report order (several for a rule checked element by element); passes and
    /// skips only counted (``PassMarks``) are not among them.
    public let findings: [Finding]
    /// How many outcomes the rule had on the subject: the findings, and the passes and skips only counted.
    public let outcomeCount: Int
    /// The outcome that decides the item (see ``FindingStatus/worst(among:)``); `nil` without findings.
    public let status: FindingStatus?

    /// Creates an item from a rule, the subject's findings of it and how many passes and skips were only counted.
    public init(rule: RuleInfo, findings: [Finding], passes: Int = 0, skips: Int = 0) {
        self.rule = rule
        self.findings = findings
        outcomeCount = findings.count + passes + skips
        let counted: [FindingStatus] = (passes > 0 ? [.pass] : []) + (skips > 0 ? [.skip] : [])
        status = FindingStatus.worst(among: findings.map(\.status) + counted)
    }

    /// Whether the item still blocks credentials: it failed, is pending or could not be evaluated.
    public var isOpen: Bool { status == .error || status == .fail || status == .pending }

    /// Whether the item is met: it passed or is waived.
    public var isMet: Bool { status == .pass || status == .waived }

    /// Whether the rule applied to the subject: it has a finding other than a skip.
    public var isApplicable: Bool { status != nil && status != .skip }
}
