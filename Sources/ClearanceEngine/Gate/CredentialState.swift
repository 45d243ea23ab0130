import ClearanceCore
import ClearanceDocument

/// Where a person stands with credentials, read from their TeamMember document: left, still in the pipeline, or holding them.
public struct CredentialState: Sendable, Hashable {
    /// The statuses of someone who has left: the pre-credentials gate no longer applies to them.
    public static let leftStatuses: Set<String> = ["offboarding", "offboarded"]
    /// The statuses of someone on the way in, who may still be waiting for credentials.
    public static let pipelineStatuses: Set<String> = ["candidate", "onboarding"]

    /// The member's `status`, such as `candidate`, when it is a string.
    public let status: String?
    /// Whether `identity.credentials_issued` holds anything but null.
    public let hasCredentials: Bool
    /// `identity.credentials_issued`, when it is a date or a date-time.
    public let credentialsIssued: Timestamp?
    /// Whether `access` lists any grant.
    public let holdsAccess: Bool

    /// Creates a state from its parts.
    public init(status: String?, hasCredentials: Bool, credentialsIssued: Timestamp?, holdsAccess: Bool) {
        self.status = status
        self.hasCredentials = hasCredentials
        self.credentialsIssued = credentialsIssued
        self.holdsAccess = holdsAccess
    }

    /// Reads the state of a TeamMember document; a value of an unexpected type counts as present (credentials, access).
    public init(member root: Node) {
        let issued = root["identity"]?["credentials_issued"]
        let access = root["access"]
        self.init(status: root["status"]?.string, hasCredentials: issued.map { !$0.isNull } ?? false,
                  credentialsIssued: issued?.timestamp,
                  holdsAccess: access.map { $0.kind == .sequence ? $0.count > 0 : !$0.isNull } ?? false)
    }

    /// Whether the person has left (status offboarding or offboarded).
    public var hasLeft: Bool { status.map(Self.leftStatuses.contains) ?? false }

    /// Whether the person is still in the pipeline: a candidate or onboarding, with no credentials issued and no
    /// access granted, so an open pre-credentials gate item is pending, not a violation.
    public var isInPipeline: Bool { status.map(Self.pipelineStatuses.contains) ?? false && !hasCredentials && !holdsAccess }
}
