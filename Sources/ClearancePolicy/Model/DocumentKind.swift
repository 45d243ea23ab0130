/// The kinds of document Clearance reads.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    case teamMember = "TeamMember"
    case vendor = "Vendor"
    case accessManifest = "AccessManifest"
    case waiver = "Waiver"
    case policy = "Policy"

    /// The kinds a policy may target.
    public static let targets: [DocumentKind] = [.teamMember, .vendor, .accessManifest]

    /// The name a policy's expressions use for the target document: `member`, `vendor`, `manifest`.
    public var bindingName: String {
        switch self {
        case .teamMember: "member"
        case .vendor: "vendor"
        case .accessManifest: "manifest"
        case .waiver: "waiver"
        case .policy: "policy"
        }
    }

    /// The shape of documents of this kind, where Clearance defines one.
    public var shape: ObjectShape? {
        switch self {
        case .teamMember: DocumentShapes.teamMember
        case .vendor: DocumentShapes.vendor
        case .accessManifest: DocumentShapes.accessManifest
        case .waiver: PolicyShapes.waiver
        case .policy: PolicyShapes.policy
        }
    }
}
