import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// Every input document, checked and indexed: by kind, by id, and as the lookup maps (`members`,
/// `vendors`) policies look documents up in, one per kind that contributes one.
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
    /// The input files read, in order, with their digests (the sources' exports last).
    public let digests: [FileDigest]
    /// The vendors' exports read as sources, in the order `clearance.yaml` lists them.
    public let sources: [SourceSummary]
    /// The files read as context only, as named.
    public let contextFiles: Set<String>
    /// Notes and warnings about the inputs that do not stop the run (a waiver for a rule outside narrowed policies, say).
    public let advisories: [Diagnostic]
    /// The kinds the documents were checked as.
    public let kinds: DocumentKinds
    /// The lookup maps for expressions, in the order of `kinds.lookups` (every document of that kind by id),
    /// then the indexes in the order of `kinds.indexes` (each value of the field to the ids holding it).
    public let lookupValues: [Value]
    private let byKind: [DocumentKind: [InputDocument]]

    init(kinds: DocumentKinds, documents: [InputDocument], waivers: [Waiver], digests: [FileDigest], sources: [SourceSummary] = [],
         contextFiles: Set<String>, advisories: [Diagnostic], jobs: Int = 1) {
        self.kinds = kinds
        self.sources = sources
        self.documents = documents
        self.subjects = contextFiles.isEmpty ? documents : documents.filter { !contextFiles.contains($0.document.source.path) }
        self.waivers = waivers
        self.digests = digests
        self.contextFiles = contextFiles
        self.advisories = advisories.sorted()
        // Each kind's list is made at its size: the lists of a large organisation's documents are its largest arrays.
        var counts: [DocumentKind: Int] = [:]
        for document in documents { counts[document.kind, default: 0] += 1 }
        var byKind = counts.mapValues { count in
            var list: [InputDocument] = []
            list.reserveCapacity(count)
            return list
        }
        for document in documents { byKind[document.kind, default: []].append(document) }
        self.byKind = byKind
        // The maps, each built on its own, side by side on up to `jobs` threads.
        let (lookups, indexes) = (kinds.lookups, kinds.indexes)
        lookupValues = ParallelMap.map(lookups.count + indexes.count, jobs: jobs) { [byKind] slot in
            if slot < lookups.count { return Self.lookupMap(byKind[lookups[slot].kind] ?? []) }
            let (kind, index) = indexes[slot - lookups.count]
            let documents = byKind[kind] ?? []
            return index.map(ids: documents.map(\.id), roots: documents.map(\.root))
        }
    }

    /// A copy sharing everything, lookup maps included, with more advisories.
    private init(_ set: DocumentSet, advisories: [Diagnostic]) {
        (documents, subjects, waivers, digests, contextFiles) = (set.documents, set.subjects, set.waivers, set.digests, set.contextFiles)
        sources = set.sources
        (kinds, lookupValues, byKind) = (set.kinds, set.lookupValues, set.byKind)
        self.advisories = (set.advisories + advisories).sorted()
    }

    /// The same set with more notes and warnings; the lookup maps are not built again.
    func adding(advisories more: [Diagnostic]) -> DocumentSet { more.isEmpty ? self : DocumentSet(self, advisories: more) }

    /// The same files, context and waivers with other trees for the documents (as rules read them at a time):
    /// the lookup maps are built from the new trees, on up to `jobs` threads.
    func replacing(documents read: [InputDocument], jobs: Int) -> DocumentSet {
        DocumentSet(kinds: kinds, documents: read, waivers: waivers, digests: digests, sources: sources, contextFiles: contextFiles,
                    advisories: advisories, jobs: jobs)
    }

    /// The lookup map a kind contributes (`members` for TeamMember), empty when it contributes none.
    public func lookupValue(_ kind: DocumentKind) -> Value {
        kinds.lookups.firstIndex { $0.kind == kind }.map { lookupValues[$0] } ?? .map(.empty)
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
