import ClearanceCore
import ClearancePolicy
import ClearanceDocument

/// A checked document as reports name it: a person's name, status, title and city; a vendor's name and type;
/// a manifest's system and owner. Read once per document, never per finding.
public struct Subject: Sendable {
    /// The document's kind.
    public let kind: DocumentKind
    /// The document's id (what findings carry as their subject).
    public let id: String
    /// The document's `name`, when it has a string one.
    public let name: String?
    /// A TeamMember's `status`, such as `active`.
    public let status: String?
    /// Short facts shown under the name: title and city for a person, type for a vendor, system and owner for a manifest.
    public let details: [String]
    /// Where the document starts.
    public let location: SourceLocation
    /// A TeamMember's standing with credentials (for the pre-credentials gate); `nil` for other kinds.
    public let credentials: CredentialState?

    /// Creates a subject from its parts.
    public init(kind: DocumentKind, id: String, name: String?, status: String?, details: [String], location: SourceLocation,
                credentials: CredentialState? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.status = status
        self.details = details
        self.location = location
        self.credentials = credentials
    }

    /// Reads the few fields reports show from a document, as its kind's naming says; a missing or non-string field is left out.
    public init(_ document: InputDocument, naming: SubjectNaming?) {
        let root = document.root
        func text(_ path: [String]) -> String? {
            var node: Node? = root
            for key in path { node = node?[key] }
            return node?.string
        }
        let details = naming?.details.compactMap { detail in text(detail.path).map { detail.prefix + $0 } } ?? []
        self.init(kind: document.kind, id: document.id, name: naming.flatMap { text($0.name) }, status: naming?.status.flatMap(text),
                  details: details, location: root.location,
                  credentials: document.kind == .teamMember ? CredentialState(member: root) : nil)
    }
}
