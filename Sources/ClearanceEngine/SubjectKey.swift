import ClearancePolicy

/// Which document a finding or a checklist is about: its kind and id, as one hashable key.
public struct SubjectKey: Hashable, Sendable {
    /// The document's kind.
    public let kind: DocumentKind
    /// The document's id.
    public let id: String

    /// The key of a kind and an id.
    public init(kind: DocumentKind, id: String) {
        self.kind = kind
        self.id = id
    }
}
