import ClearanceCore
import ClearanceExpression

/// The kinds of document policies can check, registered in one place: loading policies,
/// checking inputs, building lookup maps and naming subjects in reports all read them from here.
///
/// ``standard`` holds the kinds Clearance ships; a tool or a test makes its own with ``adding(_:)``.
public struct DocumentKinds: Sendable {
    /// The registered kinds, in registration order.
    public let descriptors: [KindDescriptor]
    /// The shape of a policy file for these kinds (its `target` is one of them).
    public let policyShape: ObjectShape
    /// The kinds that contribute a lookup map, in registration order (their maps' binding slots follow this order).
    public let lookups: [KindDescriptor]
    /// Every kind's indexes with their kind, in registration order (their slots follow the lookup maps').
    public let indexes: [(kind: DocumentKind, index: KindIndex)]
    private let byKind: [DocumentKind: KindDescriptor]
    /// The expression type of each kind, made once.
    private let types: [DocumentKind: ExpressionType]

    /// The kinds Clearance ships: TeamMember, Vendor, AccessManifest, Repository, System, AIWorkflow and ServiceAccount
    /// (declared), then Account, Employment, ManagedDevice and Source (observed: built from `sources:` only).
    public static let standard = DocumentKinds(checked: [TeamMemberKind.descriptor, VendorKind.descriptor, AccessManifestKind.descriptor,
                                                         RepositoryKind.descriptor, SystemKind.descriptor, AIWorkflowKind.descriptor,
                                                         ServiceAccountKind.descriptor, AccountKind.descriptor, EmploymentKind.descriptor,
                                                         ManagedDeviceKind.descriptor, SourceKind.descriptor])

    /// Registers `descriptors`, refusing two kinds with one name, binding name or lookup name, a name
    /// policies already use (`params`, `now`, `Waiver`, `Policy`), and a shape whose patterns do not compile.
    public init(_ descriptors: [KindDescriptor]) throws(Diagnostic) {
        if let problem = Self.problem(descriptors) {
            throw Diagnostic(code: "kind.invalid", message: problem, location: nil)
        }
        self.init(checked: descriptors)
    }

    private init(checked descriptors: [KindDescriptor]) {
        self.descriptors = descriptors
        self.lookups = descriptors.filter { $0.lookupName != nil }
        self.indexes = descriptors.flatMap { descriptor in descriptor.indexes.map { (descriptor.kind, $0) } }
        self.byKind = Dictionary(descriptors.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.policyShape = PolicyShapes.policy(targets: descriptors.map(\.kind.rawValue))
        self.types = TypeMapping.types(of: descriptors)
    }

    /// These kinds and one more.
    public func adding(_ descriptor: KindDescriptor) throws(Diagnostic) -> DocumentKinds { try DocumentKinds(descriptors + [descriptor]) }

    /// The descriptor of a kind, if it is registered.
    public func descriptor(_ kind: DocumentKind) -> KindDescriptor? { byKind[kind] }

    /// The expression type of documents of a kind (`dyn` for one not registered).
    func type(of kind: DocumentKind) -> ExpressionType { types[kind] ?? .dyn }

    /// Whether a kind is registered (and so can be a policy's target).
    public func contains(_ kind: DocumentKind) -> Bool { byKind[kind] != nil }

    /// The registered kinds' names, in registration order.
    public var kinds: [DocumentKind] { descriptors.map(\.kind) }

    /// The names no `for_each` variable may take: every binding, lookup and index name, `params` and `now`.
    public var reservedNames: Set<String> {
        Set(descriptors.map(\.bindingName) + descriptors.compactMap(\.lookupName) + indexes.map(\.index.name) + ["params", "now"])
    }

    private static func problem(_ descriptors: [KindDescriptor]) -> String? {
        var names = Set<String>(["params", "now"]), kinds = Set<DocumentKind>([.waiver, .policy])
        for descriptor in descriptors {
            guard kinds.insert(descriptor.kind).inserted else { return "kind \(descriptor.kind.rawValue.quotedExcerpt) is registered twice or is reserved" }
            for name in [descriptor.bindingName] + (descriptor.lookupName.map { [$0] } ?? []) + descriptor.indexes.map(\.name) {
                // ASCII letters and `_` only: a name expressions cannot spell would leave the kind unreachable.
                guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" }) else {
                    return "kind \(descriptor.kind.rawValue): \(name.quotedExcerpt) is not a name expressions can use"
                }
                guard names.insert(name).inserted else { return "kind \(descriptor.kind.rawValue): the name \(name.quotedExcerpt) is already taken" }
            }
            if descriptor.shape.property("id") == nil { return "kind \(descriptor.kind.rawValue): its shape has no `id` property" }
            if let bad = Shape.object(descriptor.shape).patterns.first(where: { $0.problem != nil }) {
                return "kind \(descriptor.kind.rawValue): pattern \(bad.pattern.quotedExcerpt) does not compile: \(bad.problem ?? "")"
            }
        }
        return nil
    }
}
