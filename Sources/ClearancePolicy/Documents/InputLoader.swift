import ClearanceCore
import ClearanceYAML

/// Reads input files into a checked ``DocumentSet``: every document has a known `kind` and an
/// `id`, ids are unique per kind, waivers are complete and name known rules.
public struct InputLoader: Sendable {
    /// The loader's limits for input files.
    public let limits: LoaderLimits

    /// Creates a loader.
    public init(limits: LoaderLimits = .standard) { self.limits = limits }

    /// Loads the inputs under `paths` and the waiver files `waiverPaths`, checked against `policies`.
    ///
    /// Files are read and parsed in batches on up to `jobs` threads and put back in input order.
    /// With `digests`, each file's SHA-256 is recorded as evidence; `progress`, when given, hears
    /// how many files have been read of how many.
    public func load(paths: [String], waiverPaths: [String] = [], policies: PolicySet, jobs: Int = 1, digests: Bool = true,
                     progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(Diagnostics) -> DocumentSet {
        let collected = FileCollector.yamlFiles.files(in: paths + waiverPaths)
        let files = collected.files, limits = limits
        let batchSize = max(1, min(32, files.count / max(1, jobs * 8)))
        let batchCount = (files.count + batchSize - 1) / batchSize
        let report = progress.map { progress in { @Sendable (batches: Int) in progress(min(files.count, batches * batchSize), files.count) } }
        let batches = ParallelMap.map(batchCount, jobs: jobs, done: report) { batch -> LoadedBatch in
            let loader = YAMLLoader(limits: limits)
            var loaded = LoadedBatch()
            for file in files[(batch * batchSize)..<min(files.count, (batch + 1) * batchSize)] {
                do throws(Diagnostic) {
                    let bytes = try FileReader.read(path: file, limit: limits.maximumFileSize)
                    if digests { loaded.digests.append(FileDigest(path: file, role: .input, bytes: bytes)) }
                    loaded.documents += try loader.load(bytes: bytes, name: file, retainText: false, allowEmpty: false)
                } catch {
                    loaded.problems.append(error)
                }
            }
            return loaded
        }
        var problems = collected.problems + batches.flatMap(\.problems)
        let checked = DocumentChecker(policies: policies).check(batches.flatMap(\.documents).map(\.root))
        problems += checked.problems
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return DocumentSet(documents: checked.documents, waivers: checked.waivers, digests: batches.flatMap(\.digests))
    }

    /// What one batch of files gave.
    private struct LoadedBatch: Sendable {
        var documents: [YAMLDocument] = []
        var digests: [FileDigest] = []
        var problems: [Diagnostic] = []
    }

    /// Checks documents already loaded (the inline documents of a policy test, say).
    public func check(_ roots: [Node], policies: PolicySet) throws(Diagnostics) -> DocumentSet {
        let checked = DocumentChecker(policies: policies).check(roots)
        guard checked.problems.isEmpty else { throw Diagnostics(checked.problems) }
        return DocumentSet(documents: checked.documents, waivers: checked.waivers, digests: [])
    }
}

/// The checks every input document goes through.
struct DocumentChecker {
    let policies: PolicySet

    func check(_ roots: [Node]) -> (documents: [InputDocument], waivers: [Waiver], problems: [Diagnostic]) {
        var documents: [InputDocument] = []
        var waivers: [Waiver] = []
        var problems: [Diagnostic] = []
        var seen: [DocumentKind: [String: Node]] = [:]
        for root in roots {
            guard root.kind == .mapping else {
                problems.append(ShapeChecker.diagnostic(root, code: "input.not-a-mapping", "a document must be a mapping with kind and id; found \(ShapeChecker.describe(root))"))
                continue
            }
            guard let kindNode = root["kind"] else {
                problems.append(ShapeChecker.diagnostic(root, code: "input.no-kind", "document has no `kind` (one of \(Self.kindNames))"))
                continue
            }
            guard let kindText = kindNode.string, let kind = DocumentKind(rawValue: kindText) else {
                let hint = kindNode.string.map { Suggestion.didYouMean($0, among: DocumentKind.allCases.map(\.rawValue)) } ?? ""
                problems.append(ShapeChecker.diagnostic(kindNode, code: "input.unknown-kind", "unknown kind \(ShapeChecker.describe(kindNode))\(hint); expected one of \(Self.kindNames)"))
                continue
            }
            if kind == .policy {
                problems.append(ShapeChecker.diagnostic(kindNode, code: "input.policy", "a Policy among the inputs; pass policy files with --policies"))
                continue
            }
            guard let idNode = root["id"] else {
                problems.append(ShapeChecker.diagnostic(root, code: "input.no-id", "\(kind.rawValue) has no `id`"))
                continue
            }
            guard let id = idNode.string, !id.isEmpty else {
                problems.append(ShapeChecker.diagnostic(idNode, code: "input.bad-id", "`id` must be a non-empty string; found \(ShapeChecker.describe(idNode))"))
                continue
            }
            if kind == .teamMember, !PatternMatcher.matches(id, "^[a-z0-9._-]+$") {
                problems.append(ShapeChecker.diagnostic(idNode, code: "input.bad-id", "TeamMember id '\(id)' must use only lowercase letters, digits, '.', '_' and '-'"))
                continue
            }
            if let first = seen[kind]?[id] {
                problems.append(IdentifierStage.duplicate("\(kind.rawValue) id '\(id)' is used twice", idNode, first: first))
                continue
            }
            seen[kind, default: [:]][id] = idNode
            if kind == .waiver {
                if let waiver = checkWaiver(root, id: id, problems: &problems) { waivers.append(waiver) }
                continue
            }
            documents.append(InputDocument(kind: kind, id: id, root: root))
        }
        return (documents, waivers, problems)
    }

    private func checkWaiver(_ root: Node, id: String, problems: inout [Diagnostic]) -> Waiver? {
        let found = ShapeChecker(check: .values).problems(root, .object(PolicyShapes.waiver), name: "waiver")
            + ShapeChecker(check: .unknownKeys).problems(root, .object(PolicyShapes.waiver), name: "waiver")
        problems += found
        guard found.isEmpty, let ruleNode = root["rule"], let rule = ruleNode.string, let subject = root["subject"]?.string,
              let justification = root["justification"]?.string, let approvedBy = root["approved_by"]?.string,
              let expiresNode = root["expires"], let expires = expiresNode.timestamp else { return nil }
        guard policies.rule(rule) != nil else {
            problems.append(ShapeChecker.diagnostic(ruleNode, code: "input.unknown-rule",
                                                    "waiver \(id) names rule '\(rule)', which no loaded policy defines\(Suggestion.didYouMean(rule, among: policies.ruleIDs))"))
            return nil
        }
        for (key, value) in [("justification", justification), ("approved_by", approvedBy)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ShapeChecker.diagnostic(root[key]!, code: "input.waiver", "waiver \(id) has an empty `\(key)`"))  // safe: read above
            return nil
        }
        let isDate = expiresNode.document.isDate(expiresNode.id)
        let end = isDate ? Timestamp(seconds: expires.seconds + 86_400) ?? expires : expires
        return Waiver(id: id, ruleID: rule, subject: subject, justification: justification, approvedBy: approvedBy, expiresAt: end,
                      expiresText: isDate ? String(expires.rfc3339.prefix(10)) : expires.rfc3339, location: root.location,
                      expiresLocation: expiresNode.location)
    }

    static let kindNames = DocumentKind.allCases.filter { $0 != .policy }.map(\.rawValue).joined(separator: ", ")
}
