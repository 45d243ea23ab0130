/// The name of a kind of document, as its `kind:` field spells it (`TeamMember`).
///
/// What a kind means (its shape, its binding name, its lookup map) is in its ``KindDescriptor``,
/// registered in ``DocumentKinds``; this is only the name.
public struct DocumentKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The name, such as `TeamMember`.
    public let rawValue: String

    /// The kind with a name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The kind with a name.
    public init(_ name: String) { self.rawValue = name }

    /// The name.
    public var description: String { rawValue }

    /// Orders kinds by name.
    public static func < (lhs: DocumentKind, rhs: DocumentKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A person on the team.
    public static let teamMember = DocumentKind("TeamMember")
    /// A company that employs or supplies team members.
    public static let vendor = DocumentKind("Vendor")
    /// Who gets what on one system, as code.
    public static let accessManifest = DocumentKind("AccessManifest")
    /// A source code repository.
    public static let repository = DocumentKind("Repository")
    /// A system in the inventory, with where its logs go.
    public static let system = DocumentKind("System")
    /// A workflow that uses an AI model.
    public static let aiWorkflow = DocumentKind("AIWorkflow")
    /// An account on a system, read from the system's export.
    public static let account = DocumentKind("Account")
    /// A person's employment, read from the HR system's roster.
    public static let employment = DocumentKind("Employment")
    /// A computer or phone a device manager (MDM) enrolls, read from its inventory export.
    public static let managedDevice = DocumentKind("ManagedDevice")
    /// A vendor's export read as evidence.
    public static let source = DocumentKind("Source")
    /// A declared non-person account with an accountable owner.
    public static let serviceAccount = DocumentKind("ServiceAccount")
    /// An accepted exception to one rule for one subject (read from waiver files only).
    public static let waiver = DocumentKind("Waiver")
    /// A change `clearance.yaml` makes to a rule (read from its `rules:` only).
    public static let ruleOverride = DocumentKind("RuleOverride")
    /// A policy pack (read from policy files only).
    public static let policy = DocumentKind("Policy")
}
