import ClearanceEngine
import ClearancePolicy

/// A file read during the run, with its SHA-256 digest and length: the evidence of exactly what was checked.
struct SARIFArtifact: Encodable {
    var location: SARIFArtifactLocation
    var length: Int
    var hashes: [String: String]
    /// `policy` for a policy file, `analysisTarget` for an input or a vendor's export, `unmodified` for a file read only as context.
    var roles: [String]
    /// For a vendor's export read as a source: its format, system, generation time, records and how they linked.
    var properties: SourceProperties?

    /// What a source's artifact records of the source.
    struct SourceProperties: Encodable {
        var format: String
        var system: String
        var scope: String?
        var generatedAt: String
        var records: Int
        var links: [String: Int]
    }

    /// The artifact of a file digest; `source` is the summary of the source it is the export of.
    init(_ file: FileDigest, source: SourceSummary? = nil) {
        location = SARIFArtifactLocation(path: file.path)
        length = file.size
        hashes = ["sha-256": file.sha256]
        roles = [file.role == .policy ? "policy" : file.role == .context ? "unmodified" : "analysisTarget"]
        properties = source.map { source in
            SourceProperties(format: source.format, system: source.system, scope: source.scope, generatedAt: source.generatedAt.rfc3339,
                             records: source.records, links: Dictionary(uniqueKeysWithValues: SourcesListing.linkStates.map { ($0, source.links[$0] ?? 0) }))
        }
    }

    /// The artifacts of a run's files, each export read as a source with its source's properties.
    static func all(_ files: [FileDigest], sources: [SourceSummary]) -> [SARIFArtifact] {
        files.map { file in
            let source = file.role == .source
                ? sources.first { $0.sha256 == file.sha256 && (file.path == $0.file || file.path.hasSuffix("/" + $0.file)) } : nil
            return SARIFArtifact(file, source: source)
        }
    }
}
