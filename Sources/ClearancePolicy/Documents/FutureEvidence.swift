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
        var found: [FutureEvidence] = []
        for path in paths[document.kind] {
            for (node, indices) in path.nodes(from: document.root) {
                guard let value = node.timestamp, value > now else { continue }
                found.append(FutureEvidence(document: document, path: path.written(indices: indices), node: node, value: value,
                                            isDate: node.document.isDate(node.id)))
            }
        }
        return found
    }

    /// Every path to an evidence timestamp, per kind of document, with keys resolved in `table`.
    static func paths(in table: SymbolTable) -> PropertyPaths {
        PropertyPaths(DocumentKind.targets, in: table) { $0.isEvidence }
    }
}

extension DocumentSet {
    /// The documents as rules read them at `now`, and the evidence set aside: every evidence
    /// timestamp later than `now` reads as null, so no rule passes on it (locations and marks
    /// are unchanged). Returns this set itself when no evidence is from the future.
    public func settingAsideFutureEvidence(at now: Timestamp) -> (documents: DocumentSet, future: [FutureEvidence]) {
        var future: [FutureEvidence] = []
        var changed = false
        var paths: PropertyPaths?  // resolved once per table the documents were loaded with (one, as a rule)
        let read = documents.map { document -> InputDocument in
            let table = document.root.document.symbols
            if paths?.table !== table { paths = FutureEvidence.paths(in: table) }
            let found = FutureEvidence.find(in: document, after: now, paths: paths!)  // safe: set above
            guard !found.isEmpty else { return document }
            future += found
            changed = true
            let masked = document.document.retyped(found.map { ($0.node.id, .null) })
            return InputDocument(kind: document.kind, id: document.id, root: Node(document: masked, id: document.root.id))
        }
        guard changed else { return (self, []) }
        return (replacing(documents: read), future)
    }
}
