import ClearanceCore
import ClearanceDocument

/// The checks every input document goes through: a known `kind`, an `id` and the shape of its
/// kind (checked per document, on any thread), then ids unique per kind (checked over all, in
/// input order).
struct DocumentChecker: Sendable {
    /// One document after its own checks.
    struct Entry: Sendable {
        var kind: DocumentKind?
        var id: String?
        var idNode: Node?
        var document: InputDocument?
        /// The waiver the document is, when it is one.
        var waiver: Waiver? {
            get { waiverBox?.waiver }
            set { waiverBox = newValue.map(WaiverBox.init) }
        }
        /// The waiver, held apart: few documents are waivers, and every document has an entry while a snapshot loads.
        private var waiverBox: WaiverBox?
        var problems: [Diagnostic] = []
        /// Notes that do not stop the run.
        var advisories: [Diagnostic] = []
        /// Whether the document was read from a context file.
        var isContext = false
        /// Whether the document replaces a context document of its kind and id (it was read from outside the context).
        var replacesContext = false
    }

    /// Where a document was read from, which decides whether it may be a waiver.
    enum Origin: Sendable {
        /// An input or context file: no waivers.
        case inputFile
        /// A waiver file named in clearance.yaml or by --waivers: waivers only.
        case waiverFile
        /// Documents given inline (a policy test's): any kind.
        case inline
        /// Documents built from a vendor's export (`sources:`): observed kinds.
        case source
    }

    let policies: PolicySet
    /// How a waiver for a rule outside the loaded policies is treated.
    var waiverChecks = WaiverChecks.strict

    /// The shapes' keys as symbols of the table the documents are loaded with.
    private let shapeSymbols: ShapeSymbols
    private let jsonTimestamps: JSONTimestamps
    private let kindKey: ResolvedKey, idKey: ResolvedKey

    /// A checker for documents whose keys are symbols of `symbols` (others are checked by name).
    init(policies: PolicySet, symbols: SymbolTable) {
        self.policies = policies
        let kinds = policies.kinds.descriptors + [Self.waiverDescriptor]
        self.shapeSymbols = ShapeSymbols(kinds.map { .object($0.shape) }, in: symbols)
        self.jsonTimestamps = JSONTimestamps(kinds, in: symbols)
        self.kindKey = ResolvedKey(interning: "kind", in: symbols)
        self.idKey = ResolvedKey(interning: "id", in: symbols)
    }

    /// The kinds an input file may hold: the registered ones not built from sources, and Waiver.
    private var kindNames: [String] { policies.kinds.descriptors.filter { !$0.isObserved }.map(\.kind.rawValue) + [DocumentKind.waiver.rawValue] }

    /// Checks one document on its own, read from `origin`.
    func inspect(_ root: Node, from origin: Origin = .inline) -> Entry {
        var entry = Entry()
        guard root.kind == .mapping else {
            entry.problems.append(ShapeChecker.notAMapping(root, code: "input.not-a-mapping"))
            return entry
        }
        guard let kindNode = root[kindKey] else {
            entry.problems.append(ShapeChecker.diagnostic(root, code: "input.no-kind", "document has no `kind` (one of \(kindNames.joined(separator: ", ")))"))
            return entry
        }
        guard let kindText = kindNode.string, [.waiver, .policy].contains(DocumentKind(kindText)) || policies.kinds.contains(DocumentKind(kindText)) else {
            let hint = kindNode.string.map { Suggestion.didYouMean($0, among: kindNames + [DocumentKind.policy.rawValue]) } ?? ""
            entry.problems.append(ShapeChecker.diagnostic(kindNode, code: "input.unknown-kind", "unknown kind \(ShapeChecker.describe(kindNode))\(hint); expected one of \(kindNames.joined(separator: ", "))"))
            return entry
        }
        let kind = DocumentKind(kindText)
        if kind == .policy {
            entry.problems.append(ShapeChecker.diagnostic(kindNode, code: "input.policy", "a Policy among the inputs; pass policy files with --policies"))
            return entry
        }
        if kind == .waiver, origin == .inputFile {
            entry.problems.append(ShapeChecker.diagnostic(kindNode, code: "input.waiver-among-inputs",
                                                          "a Waiver among the inputs; waivers belong in a waiver file named in clearance.yaml or by --waivers"))
            return entry
        }
        if kind != .waiver, origin == .waiverFile {
            entry.problems.append(ShapeChecker.diagnostic(kindNode, code: "input.not-a-waiver",
                                                          "a \(kind.rawValue) in a waiver file; a waiver file holds only Waiver documents"))
            return entry
        }
        if origin == .inputFile || origin == .waiverFile, policies.kinds.descriptor(kind)?.isObserved == true {
            entry.problems.append(ShapeChecker.diagnostic(kindNode, code: "input.observed-kind",
                                                          "a \(kind.rawValue) among the inputs; \(kind.rawValue) documents are read only from vendors' exports named under `sources` in clearance.yaml, never written by hand"))
            return entry
        }
        guard let idNode = root[idKey] else {
            entry.problems.append(ShapeChecker.diagnostic(root, code: "input.no-id", "\(kind.rawValue) has no `id`"))
            return entry
        }
        guard let id = idNode.string, !id.isEmpty else {
            entry.problems.append(ShapeChecker.diagnostic(idNode, code: "input.bad-id", "`id` must be a non-empty string; found \(ShapeChecker.describe(idNode))"))
            return entry
        }
        let descriptor = policies.kinds.descriptor(kind)
        if let pattern = descriptor?.idPattern, !pattern.matches(id) {
            entry.problems.append(ShapeChecker.diagnostic(idNode, code: "input.bad-id", "\(kind.rawValue) id \(id.quotedExcerpt) must be \(pattern.description)"))
            return entry
        }
        (entry.kind, entry.id, entry.idNode) = (kind, id, idNode)
        // A source's documents are written with their timestamps typed: retyping them would copy each one again.
        let typed = origin != .source && JSONTimestamps.isJSON(root.document) ? jsonTimestamps.typed(root, as: kind) : root
        if let descriptor {
            entry.problems += shapeProblems(typed, kind: descriptor)
            entry.document = InputDocument(kind: kind, id: id, root: typed)
        } else {
            entry.waiver = checkWaiver(typed, id: id, problems: &entry.problems, advisories: &entry.advisories)
        }
        return entry
    }

    /// Waivers as a kind, for typing their timestamps in JSON files.
    private static let waiverDescriptor = KindDescriptor(kind: .waiver, bindingName: "waiver", shape: PolicyShapes.waiver,
                                                         naming: SubjectNaming(one: "waiver", many: "waivers", groupTitle: "Waivers"))

    /// What is wrong with a document against its kind's shape: wrong types, values outside an
    /// enum, missing required keys, unknown keys (with a did-you-mean where one is close).
    func shapeProblems(_ root: Node, kind: KindDescriptor) -> [Diagnostic] {
        // Most documents have no problem: the screen says so without walking the shapes themselves.
        if shapeSymbols.screen.passes(root.document, root.id, kind.shape) { return [] }
        return ShapeChecker.all(root, .object(kind.shape), name: kind.kind.rawValue, symbols: shapeSymbols)
    }

    /// Gathers checked documents in input order, rejecting an id used twice for one kind; a context
    /// document whose kind and id a document read from outside the context has is left out (that one is
    /// the version checked).
    func combine(_ entries: [Entry]) -> (documents: [InputDocument], waivers: [Waiver], problems: [Diagnostic], advisories: [Diagnostic]) {
        combine([entries])
    }

    /// ``combine(_:)`` of the entries of `groups`, one group after another. Each entry's fields are read where it is,
    /// with no copy of the entry.
    func combine(_ groups: [[Entry]]) -> (documents: [InputDocument], waivers: [Waiver], problems: [Diagnostic], advisories: [Diagnostic]) {
        var documents: [InputDocument] = []
        var waivers: [Waiver] = []
        var problems: [Diagnostic] = []
        var advisories: [Diagnostic] = []
        let count = groups.reduce(0) { $0 + $1.count }
        // Per kind: id -> the group and position of the entry that used it first.
        var seen: [DocumentKind: [String: (group: Int, index: Int)]] = [:]
        documents.reserveCapacity(count)
        for group in groups.indices {
            let entries = groups[group]
            for index in entries.indices {
                if !entries[index].problems.isEmpty { problems += entries[index].problems }
                if !entries[index].advisories.isEmpty { advisories += entries[index].advisories }
                guard let kind = entries[index].kind, let id = entries[index].id, let idNode = entries[index].idNode else { continue }
                if seen[kind] == nil { seen[kind] = Dictionary(minimumCapacity: count) }
                if let first = seen[kind]?.updateValue((group, index), forKey: id) {
                    seen[kind]?[id] = first
                    let firstEntry = groups[first.group][first.index]
                    if entries[index].isContext && firstEntry.replacesContext { continue }
                    problems.append(IdentifierStage.duplicate("\(kind.rawValue) id '\(id)' is used twice", idNode, first: firstEntry.idNode ?? idNode))
                    continue
                }
                if let document = entries[index].document { documents.append(document) }
                if let waiver = entries[index].waiver { waivers.append(waiver) }
            }
        }
        return (documents, waivers, problems, advisories)
    }

    private func checkWaiver(_ root: Node, id: String, problems: inout [Diagnostic], advisories: inout [Diagnostic]) -> Waiver? {
        let found = ShapeChecker(check: .values).problems(root, .object(PolicyShapes.waiver), name: "waiver")
            + ShapeChecker(check: .unknownKeys).problems(root, .object(PolicyShapes.waiver), name: "waiver")
        problems += found
        guard found.isEmpty, let ruleNode = root["rule"], let rule = ruleNode.string, let subjectNode = root["subject"], let subject = subjectNode.string,
              let justification = root["justification"]?.string, let approverNode = root["approved_by"], let approvedBy = approverNode.string,
              let expiresNode = root["expires"], let expires = expiresNode.timestamp else { return nil }
        guard policies.rule(rule) != nil else {
            if waiverChecks.unknownRule == .note {
                var note = ShapeChecker.diagnostic(ruleNode, code: "input.waiver-rule-not-loaded",
                                                   "waiver \(id) names rule '\(rule)', which is not among the policies named on the command line; it waives nothing in this run")
                note.level = .note
                advisories.append(note)
                return nil
            }
            problems.append(ShapeChecker.diagnostic(ruleNode, code: "input.unknown-rule",
                                                    "waiver \(id) names rule '\(rule)', which no loaded policy defines\(Suggestion.didYouMean(rule, among: policies.ruleIDs))"))
            return nil
        }
        for (key, value) in [("justification", justification), ("approved_by", approvedBy)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ShapeChecker.diagnostic(root[key]!, code: "input.waiver", "waiver \(id) has an empty `\(key)`"))  // safe: read above
            return nil
        }
        let expiry = Expiry(expires, writtenIn: expiresNode)
        return Waiver(id: id, ruleID: rule, subject: subject, justification: justification, approvedBy: approvedBy, expiresAt: expiry.end,
                      expiresText: expiry.text, location: root.location,
                      expiresLocation: expiresNode.location, subjectLocation: subjectNode.location,
                      approverLocation: approverNode.location, source: root.document.source)
    }
}
