import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// What the evidence package reads of a member file: who, in what status, when they left, and their access entries.
public struct EvidenceMember: Sendable, Equatable {
    /// The member id.
    public var id: String
    /// The name.
    public var name: String
    /// candidate, onboarding, active, offboarding or offboarded.
    public var status: String
    /// `offboarding.exit`: the moment they stopped working for the company.
    public var exit: Timestamp?
    /// `engagement.end`.
    public var engagementEnd: Timestamp?
    /// `offboarding.access_revoked`: when the identity was declared disabled.
    public var identityRevoked: Timestamp?
    /// The member file.
    public var file: String
    /// The access entries.
    public var grants: [EvidenceGrant]

    /// Creates a member from its parts.
    public init(id: String, name: String, status: String, exit: Timestamp? = nil, engagementEnd: Timestamp? = nil, identityRevoked: Timestamp? = nil,
                file: String, grants: [EvidenceGrant] = []) {
        self.id = id
        self.name = name
        self.status = status
        self.exit = exit
        self.engagementEnd = engagementEnd
        self.identityRevoked = identityRevoked
        self.file = file
        self.grants = grants
    }

    /// Reads a TeamMember document.
    public init(_ document: InputDocument) {
        let root = document.root
        self.init(id: document.id, name: root["name"]?.string ?? "", status: root["status"]?.string ?? "",
                  exit: EvidenceMember.time(root["offboarding"]?["exit"]), engagementEnd: EvidenceMember.time(root["engagement"]?["end"]),
                  identityRevoked: EvidenceMember.time(root["offboarding"]?["access_revoked"]), file: root.location.file,
                  grants: root["access"]?.elements.map(EvidenceGrant.init) ?? [])
    }

    /// A node's time: a timestamp, or a string holding a date or date-time; nil otherwise.
    static func time(_ node: Node?) -> Timestamp? {
        guard let node else { return nil }
        if let time = node.timestamp { return time }
        if let text = node.string, case .timestamp(let time) = TimestampSyntax.parse(text) { return time }
        return nil
    }
}

/// One access entry of a member file.
public struct EvidenceGrant: Sendable, Equatable {
    /// The system.
    public var system: String
    /// The resource.
    public var resource: String
    /// The role.
    public var role: String
    /// production, staging, development or corporate.
    public var environment: String
    /// When it was granted.
    public var granted: Timestamp?
    /// When it was declared revoked.
    public var revoked: Timestamp?
    /// The date of its latest review.
    public var lastReview: Timestamp?
    /// Who reviewed it last.
    public var reviewer: String?
    /// What the latest review decided: keep, revoke or reduce.
    public var decision: String?

    /// Creates a grant from its parts.
    public init(system: String, resource: String, role: String, environment: String, granted: Timestamp? = nil, revoked: Timestamp? = nil,
                lastReview: Timestamp? = nil, reviewer: String? = nil, decision: String? = nil) {
        self.system = system
        self.resource = resource
        self.role = role
        self.environment = environment
        self.granted = granted
        self.revoked = revoked
        self.lastReview = lastReview
        self.reviewer = reviewer
        self.decision = decision
    }

    /// Reads an element of `access`.
    init(_ node: Node) {
        self.init(system: node["system"]?.string ?? "", resource: node["resource"]?.string ?? "", role: node["role"]?.string ?? "",
                  environment: node["environment"]?.string ?? "", granted: EvidenceMember.time(node["granted"]),
                  revoked: EvidenceMember.time(node["revoked"]), lastReview: EvidenceMember.time(node["last_review"]?["date"]),
                  reviewer: node["last_review"]?["reviewer"]?.string, decision: node["last_review"]?["decision"]?.string)
    }

    /// The grant as one line: `github acme/infra maintain`.
    public var label: String { "\(system) \(resource) \(role)" }
}
