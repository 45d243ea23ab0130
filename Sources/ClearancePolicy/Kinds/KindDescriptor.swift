import ClearanceCore

/// Everything Clearance knows about one kind of document that policies check: its name, the
/// name expressions use for it, its shape, the lookup map it contributes and how reports name it.
///
/// A kind is data: add one by making a descriptor and registering it in a ``DocumentKinds``.
public struct KindDescriptor: Sendable {
    /// The kind's name, as documents spell it in `kind:`.
    public let kind: DocumentKind
    /// The name a policy's expressions use for the checked document: `member`.
    public let bindingName: String
    /// The shape every document of the kind must have (its `id` property gives the id's pattern).
    public let shape: ObjectShape
    /// The name of the map from id to document that every expression can read (`members`), if the kind contributes one.
    public let lookupName: String?
    /// The maps from a field's value to the ids holding it (`member_emails`) the kind contributes.
    public let indexes: [KindIndex]
    /// How reports name a document of this kind.
    public let naming: SubjectNaming
    /// Whether documents of the kind are only built from sources (vendors' exports): an input file may not hold one.
    public let isObserved: Bool
    /// Every path to a timestamp (JSON inputs read timestamp-shaped strings there as timestamps).
    let timestampPaths: [PropertyPath]
    /// Every path to a timestamp of evidence (never later than the evaluation time).
    let evidencePaths: [PropertyPath]

    /// Creates a descriptor.
    public init(kind: DocumentKind, bindingName: String, shape: ObjectShape, lookupName: String? = nil, indexes: [KindIndex] = [], naming: SubjectNaming,
                isObserved: Bool = false) {
        self.isObserved = isObserved
        self.kind = kind
        self.bindingName = bindingName
        self.shape = shape
        self.lookupName = lookupName
        self.indexes = indexes
        self.naming = naming
        self.timestampPaths = PropertyPath.paths(in: shape) { $0.shape.withoutNull.isTimestamp }
        self.evidencePaths = PropertyPath.paths(in: shape) { $0.isEvidence }
    }

    /// The pattern ids of this kind must match, from the shape's `id` property, if it has one.
    public var idPattern: TextPattern? {
        if case .pattern(let pattern)? = shape.property("id")?.shape.withoutNull { return pattern }
        return nil
    }
}
