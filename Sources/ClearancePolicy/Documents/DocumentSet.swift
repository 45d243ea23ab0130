import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// Every input document, checked and indexed: by kind, by id, and as the `members` and
/// `vendors` maps policies look people and vendors up in.
///
/// Documents from context files are there for lookups only: they are in `documents` and in the
/// maps, not in `subjects`, and a run reports nothing about them.
public final class DocumentSet: Sendable {
    /// Every document in input order (files in the order read, documents in stream order), context included.
    public let documents: [InputDocument]
    /// The documents a run reports on: every document not read from a context file, in input order.
    public let subjects: [InputDocument]
    /// The waivers, from the inputs, the waiver files and the context files: all of them apply.
    public let waivers: [Waiver]
    /// The input files read, in order, with their digests.
    public let digests: [FileDigest]
    /// The files read as context only, as named.
    public let contextFiles: Set<String>
    /// Notes and warnings about the inputs that do not stop the run (a waiver for a rule outside narrowed policies, say).
    public let advisories: [Diagnostic]
    /// `members` for expressions: every TeamMember by id.
    public let membersValue: Value
    /// `vendors` for expressions: every Vendor by id.
    public let vendorsValue: Value
    private let byKind: [DocumentKind: [InputDocument]]

    init(documents: [InputDocument], waivers: [Waiver], digests: [FileDigest], contextFiles: Set<String>, advisories: [Diagnostic]) {
        self.documents = documents
        self.subjects = contextFiles.isEmpty ? documents : documents.filter { !contextFiles.contains($0.document.source.path) }
        self.waivers = waivers
        self.digests = digests
        self.contextFiles = contextFiles
        self.advisories = advisories.sorted()
        var byKind: [DocumentKind: [InputDocument]] = [:]
        for document in documents { byKind[document.kind, default: []].append(document) }
        self.byKind = byKind
        membersValue = Self.lookupMap(byKind[.teamMember] ?? [])
        vendorsValue = Self.lookupMap(byKind[.vendor] ?? [])
    }

    /// A copy sharing everything, lookup maps included, with more advisories.
    private init(_ set: DocumentSet, advisories: [Diagnostic]) {
        (documents, subjects, waivers, digests, contextFiles) = (set.documents, set.subjects, set.waivers, set.digests, set.contextFiles)
        (membersValue, vendorsValue, byKind) = (set.membersValue, set.vendorsValue, set.byKind)
        self.advisories = (set.advisories + advisories).sorted()
    }

    /// The same set with more notes and warnings; the lookup maps are not built again.
    func adding(advisories more: [Diagnostic]) -> DocumentSet { more.isEmpty ? self : DocumentSet(self, advisories: more) }

    /// The same files, context and waivers with other trees for the documents (as rules read them at a time):
    /// the lookup maps are built from the new trees.
    func replacing(documents read: [InputDocument]) -> DocumentSet {
        DocumentSet(documents: read, waivers: waivers, digests: digests, contextFiles: contextFiles, advisories: advisories)
    }

    /// Whether a document was read from a context file: there for lookups, never reported on.
    public func isContext(_ document: InputDocument) -> Bool { contextFiles.contains(document.document.source.path) }

    /// The waivers a run reports on (an expired one is a finding): those not read from a context file.
    public var reportedWaivers: [Waiver] { waivers.filter { !contextFiles.contains($0.location.file) } }

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
