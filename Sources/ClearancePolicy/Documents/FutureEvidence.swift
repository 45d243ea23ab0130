import ClearanceCore
import ClearanceDocument

/// A timestamp of evidence (a review, a login, a signature) later than the evaluation time:
/// something that has not happened yet cannot show that a control is met.
public struct FutureEvidence: Sendable {
    /// The document that holds it, as loaded.
    public let document: InputDocument
    /// The field as written from the document's root: `access[0].last_review.date`.
    public let path: String
    /// The field's value node, as loaded.
    public let node: Node
    /// The time the evidence claims.
    public let value: Timestamp
    /// Whether it was written as a date alone (`2027-12-31`), not a date-time.
    public let isDate: Bool

    /// Every evidence timestamp later than `now` in a document, in the order its shape lists the fields.
    static func find(in document: InputDocument, after now: Timestamp, paths: PropertyPaths) -> [FutureEvidence] {
        let later = paths.nodes(of: document.kind, from: document.root) { source, id in source.kind(id) == .timestamp && source.timestamp(id) > now }
        guard !later.isEmpty else { return [] }
        let written = paths[document.kind]
        return later.map { path, node, indices in
            FutureEvidence(document: document, path: written[path].written(indices: indices), node: node, value: node.document.timestamp(node.id),
                           isDate: node.document.isDate(node.id))
        }
    }

    /// A document as rules read it at `now` (every evidence timestamp later than `now` read as null),
    /// and the evidence set aside; the document itself when none is from the future.
    public static func settingAside(in document: InputDocument, at now: Timestamp, paths: EvidencePaths) -> (document: InputDocument, future: [FutureEvidence]) {
        // A document with no timestamp later than `now` has no evidence from the future: one pass over its nodes, no path walked.
        guard document.document.hasTimestamp(after: now) else { return (document, []) }
        let found = find(in: document, after: now, paths: paths.resolved(for: document.document.symbols))
        guard !found.isEmpty else { return (document, []) }
        let masked = document.document.retyped(found.map { ($0.node.id, .null) })
        return (InputDocument(kind: document.kind, id: document.id, root: Node(document: masked, id: document.root.id)), found)
    }
}

extension DocumentSet {
    /// The documents as rules read them at `now`, and the evidence set aside: every evidence
    /// timestamp later than `now` reads as null, so no rule passes on it (locations and marks
    /// are unchanged). Returns this set itself when no evidence is from the future. The documents are
    /// read on up to `jobs` threads; the result does not depend on how many.
    public func settingAsideFutureEvidence(at now: Timestamp, jobs: Int = 1) -> (documents: DocumentSet, future: [FutureEvidence]) {
        guard let table = documents.first?.document.symbols else { return (self, []) }
        let paths = EvidencePaths(kinds, resolvedIn: table)  // the set's documents share one table, as a rule
        let documents = self.documents
        let batch = 256
        let batches = ParallelMap.map((documents.count + batch - 1) / batch, jobs: jobs) { number in
            var masked: [(index: Int, document: InputDocument)] = []
            var future: [FutureEvidence] = []
            for index in (number * batch)..<min(documents.count, (number + 1) * batch) {
                let (read, found) = FutureEvidence.settingAside(in: documents[index], at: now, paths: paths)
                if !found.isEmpty { masked.append((index, read)); future += found }
            }
            return (masked: masked, future: future)
        }
        let future = batches.flatMap(\.future)
        guard !future.isEmpty else { return (self, []) }
        var read = documents
        for batch in batches { for (index, document) in batch.masked { read[index] = document } }
        return (replacing(documents: read, jobs: jobs), future)
    }
}

/// The paths to every evidence timestamp of each kind, with keys resolved once in the table most
/// documents were loaded with (a snapshot's); a document of another table has them resolved for it.
public struct EvidencePaths: Sendable {
    private let kinds: DocumentKinds
    private let resolved: PropertyPaths

    /// The evidence paths of `kinds`, resolved for `table`.
    public init(_ kinds: DocumentKinds, resolvedIn table: SymbolTable) {
        self.kinds = kinds
        resolved = PropertyPaths(kinds.descriptors.map { ($0.kind, $0.evidencePaths) }, in: table)
    }

    /// The paths with keys of `table`.
    func resolved(for table: SymbolTable) -> PropertyPaths {
        resolved.table === table ? resolved : EvidencePaths(kinds, resolvedIn: table).resolved
    }
}
