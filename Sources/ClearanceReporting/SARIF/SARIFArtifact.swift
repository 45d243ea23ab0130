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

    /// The artifacts as the log's encoder prints a list of them (sorted keys, indented by two), written here without the
    /// encoder; `nil` when one has properties or text that would need escaping, for the encoder to print. A run lists
    /// every file it read, and a large one reads a hundred thousand.
    static func printed(_ artifacts: [SARIFArtifact]) -> String? {
        guard !artifacts.isEmpty else { return nil }
        var text = "["
        for (index, artifact) in artifacts.enumerated() {
            guard artifact.properties == nil, artifact.location.description == nil, let uri = artifact.location.uri,
                  !artifact.hashes.isEmpty, !artifact.roles.isEmpty,
                  ([uri, artifact.location.uriBaseId ?? ""] + artifact.hashes.keys + artifact.hashes.values + artifact.roles).allSatisfy(isPlain)
            else { return nil }
            text += index == 0 ? "\n  {\n    \"hashes\" : {\n" : ",\n  {\n    \"hashes\" : {\n"
            text += artifact.hashes.sorted { $0.key < $1.key }.map { "      \"\($0.key)\" : \"\($0.value)\"" }.joined(separator: ",\n")
            text += "\n    },\n    \"length\" : \(artifact.length),\n    \"location\" : {\n      \"uri\" : \"\(uri)\""
            if let base = artifact.location.uriBaseId { text += ",\n      \"uriBaseId\" : \"\(base)\"" }
            text += "\n    },\n    \"roles\" : [\n" + artifact.roles.map { "      \"\($0)\"" }.joined(separator: ",\n") + "\n    ]\n  }"
        }
        return text + "\n]"
    }

    /// Whether the encoder prints the text as it is between quotes: printable ASCII, neither a quote nor a backslash.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
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
