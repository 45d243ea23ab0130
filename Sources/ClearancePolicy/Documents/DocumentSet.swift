import ClearanceCore
import ClearanceExpression
import ClearanceYAML

/// Every input document, checked and indexed: by kind, by id, and as the `members` and
/// `vendors` maps policies look people and vendors up in.
public final class DocumentSet: Sendable {
    /// Every document in input order (files in the order read, documents in stream order).
    public let documents: [InputDocument]
    /// The waivers, from the inputs and from waiver files.
    public let waivers: [Waiver]
    /// The input files read, in order, with their digests.
    public let digests: [FileDigest]
    /// `members` for expressions: every TeamMember by id.
    public let membersValue: Value
    /// `vendors` for expressions: every Vendor by id.
    public let vendorsValue: Value
    private let byKind: [DocumentKind: [InputDocument]]

    init(documents: [InputDocument], waivers: [Waiver], digests: [FileDigest]) {
        self.documents = documents
        self.waivers = waivers
        self.digests = digests
        var byKind: [DocumentKind: [InputDocument]] = [:]
        for document in documents { byKind[document.kind, default: []].append(document) }
        self.byKind = byKind
        membersValue = Self.lookupMap(byKind[.teamMember] ?? [])
        vendorsValue = Self.lookupMap(byKind[.vendor] ?? [])
    }

    /// The documents of one kind, in input order.
    public func documents(of kind: DocumentKind) -> [InputDocument] { byKind[kind] ?? [] }

    /// The document of a kind with an id.
    ///
    /// - Complexity: O(*n*) in the documents of that kind (expressions look ids up through the maps).
    public func document(_ kind: DocumentKind, id: String) -> InputDocument? { byKind[kind]?.first { $0.id == id } }

    /// A map from id to document, in input order (ids are unique per kind, checked on load).
    private static func lookupMap(_ documents: [InputDocument]) -> Value {
        .map(ValueMap(uniqueStringKeys: documents.map(\.id), values: documents.map { Value(node: $0.root) }))
    }
}
