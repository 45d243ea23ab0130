/// What a report says about a rule: the descriptive half of a ``Rule``, shared by all its findings.
public final class RuleInfo: Sendable {
    /// The rule's id, such as `ZT-01`.
    public let id: String
    /// What the control requires.
    public let title: String
    /// Why it matters.
    public let description: String?
    /// The id of its policy.
    public let policyID: String
    /// The title of its policy.
    public let policyTitle: String
    /// How serious a failure is.
    public let severity: Severity
    /// The framework controls it evidences, sorted.
    public let controls: [Control]
    /// How to fix a failure.
    public let remediation: String?
    /// The gates it belongs to.
    public let gates: [String]
    /// The kind of document it is evaluated on; `nil` for a built-in rule that reports on any kind.
    public let target: DocumentKind?

    /// Creates a description.
    public init(id: String, title: String, description: String?, policyID: String, policyTitle: String, severity: Severity,
                controls: [Control], remediation: String?, gates: [String], target: DocumentKind? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.policyID = policyID
        self.policyTitle = policyTitle
        self.severity = severity
        self.controls = controls
        self.remediation = remediation
        self.gates = gates
        self.target = target
    }

    /// The gate whose rules must pass before a person's credentials are issued.
    public static let preCredentialsGate = "pre-credentials"

    /// Whether the rule must pass before credentials are issued (it belongs to the pre-credentials gate).
    public var isPreCredentials: Bool { gates.contains(Self.preCredentialsGate) }

    /// The built-in rule of expired waivers: an expired waiver waives nothing and is reported.
    public static let expiredWaiver = RuleInfo(
        id: "waiver-expired", title: "Waivers are current", description: "An expired waiver waives nothing; renew it or remove it.",
        policyID: "clearance", policyTitle: "Clearance", severity: .low, controls: [],
        remediation: "Fix what the waiver covered, or have it re-approved with a new expiry.", gates: [], target: .waiver)

    /// The built-in rule of expired rule overrides: an override past its expiry changes nothing, and says so.
    public static let expiredOverride = RuleInfo(
        id: "override-expired", title: "Rule overrides are current",
        description: "An expired override in clearance.yaml no longer changes its rule; renew it or remove it.",
        policyID: "clearance", policyTitle: "Clearance", severity: .low, controls: [],
        remediation: "Remove the override, or have it re-approved with a new expiry.", gates: [], target: .ruleOverride)

    /// The built-in rule of evidence from the future: a timestamp of evidence later than the
    /// evaluation time is a finding of its own, and the rules that read it see no evidence.
    public static let futureEvidence = RuleInfo(
        id: "CLR-FUTURE-EVIDENCE", title: "Evidence is not from the future",
        description: "A review, login, patch, training, check, acknowledgement, grant, revocation, signature or audit dated after the evaluation time has not happened yet; rules that read it treat it as missing.",
        policyID: "clearance", policyTitle: "Clearance", severity: .high, controls: [],
        remediation: "Correct the date to when the evidence was actually recorded, or remove it until it exists.", gates: [])
}
