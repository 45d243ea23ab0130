import ClearanceCore

/// One finding's outcome as the history keeps it: its key (rule, kind, subject and element identity, whose
/// digest is the finding's fingerprint), its status and severity, and what reports showed of it.
public struct OutcomeRecord: Sendable, Hashable {
    /// The finding's fingerprint (a digest of the key, as reports and baselines give it).
    public var fingerprint: String
    /// The rule id.
    public var rule: String
    /// The rule's policy id.
    public var policy: String
    /// The subject's kind.
    public var kind: String
    /// The subject's id.
    public var subject: String
    /// What identifies the `for_each` element, if any.
    public var elementIdentity: String?
    /// The element's path (`devices[1]`), if any.
    public var element: String?
    /// pass, fail, error, waived, skip or pending; in the change log also `gone` (no longer reported at all).
    public var status: String
    /// The rule's severity in effect.
    public var severity: String
    /// What the finding said.
    public var message: String
    /// Where it was: file, line and column.
    public var file: String
    /// The line.
    public var line: Int
    /// The column.
    public var column: Int

    /// Creates an outcome.
    public init(fingerprint: String, rule: String, policy: String, kind: String, subject: String, elementIdentity: String?, element: String?,
                status: String, severity: String, message: String, file: String, line: Int, column: Int) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.policy = policy
        self.kind = kind
        self.subject = subject
        self.elementIdentity = elementIdentity
        self.element = element
        self.status = status
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// The outcomes the history keeps as a finding's state: those that need attention. A pass or a skip is
    /// counted per rule, and written to the change log only when it ends such a state.
    public static let keptStatuses: Set<String> = ["fail", "error", "waived", "pending"]

    /// The order of outcomes from the one that needs attention most (0, an error) to the least (5, a skip); 6 for any other.
    public static func rank(_ status: String) -> Int {
        ["error", "fail", "pending", "waived", "pass", "skip"].firstIndex(of: status) ?? 6
    }

    /// Whether the outcome is part of a run's state (it needs attention).
    public var isKept: Bool { Self.keptStatuses.contains(status) }

    /// This outcome with another status (the key and what was shown unchanged).
    func with(status: String) -> OutcomeRecord {
        var copy = self
        copy.status = status
        return copy
    }
}
