import ClearancePolicy

/// One rule of a checklist and the subject's outcome for it.
public struct ChecklistItem: Sendable {
    /// The rule.
    public let rule: RuleInfo
    /// The subject's findings of the rule, in report order (several for a rule checked element by element).
    public let findings: [Finding]
    /// The outcome that decides the item (see ``FindingStatus/worst(among:)``); `nil` without findings.
    public let status: FindingStatus?

    /// Creates an item from a rule and the subject's findings of it.
    public init(rule: RuleInfo, findings: [Finding]) {
        self.rule = rule
        self.findings = findings
        status = FindingStatus.worst(among: findings.lazy.map(\.status))
    }

    /// Whether the item still blocks credentials: it failed, is pending or could not be evaluated.
    public var isOpen: Bool { status == .error || status == .fail || status == .pending }

    /// Whether the item is met: it passed or is waived.
    public var isMet: Bool { status == .pass || status == .waived }

    /// Whether the rule applied to the subject: it has a finding other than a skip.
    public var isApplicable: Bool { status != nil && status != .skip }
}
