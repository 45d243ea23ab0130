import ClearanceCore
import ClearanceDocument

/// An accepted exception to one rule for one subject (or all, with `*`), until it expires.
public struct Waiver: Sendable {
    /// The waiver's id, such as `W-2026-014`.
    public let id: String
    /// The id of the waived rule.
    public let ruleID: String
    /// The id of the subject it covers, or `*`.
    public let subject: String
    /// Why the risk is accepted.
    public let justification: String
    /// Who accepted it.
    public let approvedBy: String
    /// The instant it stops applying: the end of its expiry day in UTC, or the exact date-time given.
    public let expiresAt: Timestamp
    /// The expiry as written (a date or a date-time).
    public let expiresText: String
    /// Where the waiver document starts.
    public let location: SourceLocation
    /// Where its `expires` is written.
    public let expiresLocation: SourceLocation
    /// Where its `subject` is written.
    public let subjectLocation: SourceLocation
    /// Where its `approved_by` is written.
    public let approverLocation: SourceLocation
    /// The file it is written in, for quoting its lines in warnings.
    let source: SourceFile

    /// Creates a waiver from its parts; `source` is the file it is written in.
    public init(id: String, ruleID: String, subject: String, justification: String, approvedBy: String, expiresAt: Timestamp,
                expiresText: String, location: SourceLocation, expiresLocation: SourceLocation, subjectLocation: SourceLocation,
                approverLocation: SourceLocation, source: SourceFile) {
        self.id = id
        self.ruleID = ruleID
        self.subject = subject
        self.justification = justification
        self.approvedBy = approvedBy
        self.expiresAt = expiresAt
        self.expiresText = expiresText
        self.location = location
        self.expiresLocation = expiresLocation
        self.subjectLocation = subjectLocation
        self.approverLocation = approverLocation
        self.source = source
    }

    /// Whether the waiver still applies at `now`.
    public func isLive(at now: Timestamp) -> Bool { now < expiresAt }

    /// Whether the waiver covers findings of `rule` about `subject`.
    public func covers(rule: String, subject: String) -> Bool {
        ruleID == rule && (self.subject == "*" || self.subject == subject)
    }
}

/// A waiver held on the heap, for values that seldom have one: a waiver takes about 300 bytes, the box's reference eight.
public final class WaiverBox: Sendable {
    /// The waiver.
    public let waiver: Waiver

    /// Holds `waiver`.
    public init(_ waiver: Waiver) { self.waiver = waiver }
}
