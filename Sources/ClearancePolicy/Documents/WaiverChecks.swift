import ClearanceCore

/// How strictly waivers are held to the loaded policies and documents.
public struct WaiverChecks: Sendable {
    /// A waiver naming a rule no loaded policy defines: `.error`, or `.note` when the policies were
    /// narrowed on the command line (the rule exists, it is just not part of this run).
    public var unknownRule: Diagnostic.Level
    /// A waiver whose subject matches no loaded document: `.error` (`check`), `.warning` (`lint`),
    /// or `nil` when there are no documents to match it against.
    public var unmatchedSubject: Diagnostic.Level?
    /// A waiver whose `approved_by` is not an active member holding an approver role, or is its subject:
    /// `.error` (`check`), `.warning` (`lint`), or `nil` when there are no members to look the approver up in.
    public var unapproved: Diagnostic.Level?
    /// The roles whose holders may approve a waiver.
    public var approverRoles: [String]
    /// The evaluation time: when set, a live waiver of every subject (`*`) or one that runs for more than
    /// `maximumDays` after it is an error.
    public var now: Timestamp?
    /// The longest a waiver may run after the evaluation time, in days.
    public var maximumDays: Int

    /// The roles that approve waivers unless clearance.yaml says otherwise.
    public static let defaultApproverRoles = ["security-owner"]
    /// The longest a waiver may run unless clearance.yaml says otherwise, in days.
    public static let defaultMaximumDays = 90

    /// Creates the checks.
    public init(unknownRule: Diagnostic.Level = .error, unmatchedSubject: Diagnostic.Level? = .error, unapproved: Diagnostic.Level? = .error,
                approverRoles: [String] = WaiverChecks.defaultApproverRoles, now: Timestamp? = nil, maximumDays: Int = WaiverChecks.defaultMaximumDays) {
        self.unknownRule = unknownRule
        self.unmatchedSubject = unmatchedSubject
        self.unapproved = unapproved
        self.approverRoles = approverRoles
        self.now = now
        self.maximumDays = maximumDays
    }

    /// Rules and subjects are errors, approvers are checked; no limits on what a waiver covers.
    public static let strict = WaiverChecks()
}
