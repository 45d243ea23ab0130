import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting
import Crypto

/// One prepared organisation the server answers from: the engine over the policies and documents, the audit's findings,
/// and its revision. Immutable; a reload prepares a new one and swaps it in whole (``SnapshotStore``). A class, so a request
/// takes the snapshot in service with one reference, not a copy of every field.
public final class ServerSnapshot: Sendable {
    /// The policies prepared over the documents, ready to evaluate requests (``Engine/evaluate(_:at:rules:)``).
    public let engine: Engine
    /// A digest of every policy file, input file, export and the project file's bytes: equal inputs, equal revision.
    public let revision: String
    /// When the snapshot was loaded.
    public let loadedAt: Timestamp
    /// The findings of an audit of the whole snapshot at the engine's time that need attention (fail, error, waived, pending), in report order.
    public let findings: [Finding]
    /// The HTML audit report of the snapshot, rendered once when it was loaded (`GET /`).
    public let reportPage: String
    /// The files and folders whose change reloads the snapshot (``ReloadOnChange``): every file it was read from, the
    /// project file and the configured folders.
    public let watched: [String]
    /// The ids of the pre-credentials gate's rules: all a clearance answer evaluates.
    let gateRules: Set<String>
    /// The shape check of a request's documents, prepared once (``CheckRequest``).
    let shapeCheck: DocumentShapeCheck
    /// Each person's clearance answer once evaluated, reused while it holds; a new snapshot starts with none.
    let answers = AnswerCache()
    /// The team members by id, for a person's answer.
    private let members: [String: InputDocument]

    /// A snapshot of a prepared engine and the audit it ran at its time (``Engine/run(rules:subjects:progress:)``), named by the
    /// digests of what was read and of `projectFile` (the bytes of `clearance.yaml`, whose settings decide the params), loaded at `loadedAt`;
    /// the audit's HTML report is rendered with `context`. `watching` adds the project file and the configured folders (where a
    /// new file appears) to the files read, as what a change of reloads.
    public init(engine: Engine, audit: Report, projectFile: [UInt8], loadedAt: Timestamp, context: ReportContext, watching: [String] = []) {
        self.engine = engine
        reportPage = HTMLReporter().render(audit, context: context)
        self.loadedAt = loadedAt
        findings = audit.findings.filter(\.needsAttention)
        var members: [String: InputDocument] = [:]
        for member in engine.snapshot.subjects where member.kind == .teamMember { members[member.id] = member }
        self.members = members
        shapeCheck = DocumentShapeCheck(policies: engine.policies, symbols: engine.policies.symbols)
        gateRules = Set(engine.policies.policies.flatMap(\.rules).filter(\.isPreCredentials).map(\.id))
        let documents = engine.snapshot
        let files = engine.policies.digests + documents.digests + documents.sources.flatMap(\.extraFiles)
        revision = Self.revision(files: files, projectFile: projectFile)
        watched = watching + files.map(\.path)
    }

    /// The team member with an id, if the snapshot holds one.
    public func member(_ id: String) -> InputDocument? { members[id] }

    /// The vendors' exports read as sources, in the order `clearance.yaml` lists them.
    public var sources: [SourceSummary] { engine.snapshot.sources }

    /// The first 16 bytes of the SHA-256 of each file's role, path and digest, one per line in a stable order, and of the project file.
    static func revision(files: [FileDigest], projectFile: [UInt8]) -> String {
        var hash = SHA256()
        let lines = files.map { "\($0.role.rawValue) \($0.path) \($0.sha256)" }.sorted()
        for line in lines { hash.update(data: Array((line + "\n").utf8)) }
        hash.update(data: Array("project \(SHA256.hash(data: projectFile).lowercaseHex)\n".utf8))
        return String(hash.finalize().lowercaseHex.prefix(32))
    }
}
