import ClearanceCore
import ClearanceExpression
import ClearanceDocument
import Synchronization

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
    /// then the indexes in the order of `kinds.indexes` (each value of the field to the ids holding it); each built the
    /// first time it is asked for.
    private let maps: LookupMaps
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
        let (lookups, indexes) = (kinds.lookups, kinds.indexes)
        maps = LookupMaps(count: lookups.count + indexes.count, jobs: jobs) { [byKind] slot in
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
        (kinds, maps, byKind) = (set.kinds, set.maps, set.byKind)
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

    /// Every lookup map, in the order of `kinds.lookups` then `kinds.indexes` (the slots after ``PolicyBindings/firstLookup``).
    public var lookupValues: [Value] { maps.values { _ in true }.map { $0 ?? .map(.empty) } }

    /// The lookup maps at the positions `needed` names (`nil` at the others), each built the first time it is needed:
    /// an organisation's maps are built only when a rule reads them.
    public func lookupValues(needed: (Int) -> Bool) -> [Value?] { maps.values(needed: needed) }

    /// The lookup map a kind contributes (`members` for TeamMember), empty when it contributes none.
    public func lookupValue(_ kind: DocumentKind) -> Value {
        guard let position = kinds.lookups.firstIndex(where: { $0.kind == kind }) else { return .map(.empty) }
        return maps.values { $0 == position }[position] ?? .map(.empty)
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

/// A document set's lookup maps, each built once, the first time it is asked for; those asked for together are built
/// side by side on up to `jobs` threads.
private final class LookupMaps: Sendable {
    private let count: Int
    private let jobs: Int
    private let build: @Sendable (Int) -> Value
    private let built: Mutex<[Value?]>

    init(count: Int, jobs: Int, build: @escaping @Sendable (Int) -> Value) {
        self.count = count
        self.jobs = jobs
        self.build = build
        built = Mutex(Array(repeating: nil, count: count))
    }

    /// The maps at the positions `needed` names, `nil` at the others.
    func values(needed: (Int) -> Bool) -> [Value?] {
        let wanted = (0..<count).filter(needed)
        let missing = built.withLock { built in wanted.filter { built[$0] == nil } }
        let made = ParallelMap.map(missing.count, jobs: jobs) { [build] in build(missing[$0]) }
        return built.withLock { built in
            for (position, map) in zip(missing, made) where built[position] == nil { built[position] = map }
            return (0..<count).map { needed($0) ? built[$0] : nil }
        }
    }
}
