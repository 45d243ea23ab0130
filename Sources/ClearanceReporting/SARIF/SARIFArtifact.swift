import ClearancePolicy

/// A file read during the run, with its SHA-256 digest and length: the evidence of exactly what was checked.
struct SARIFArtifact: Encodable {
    var location: SARIFArtifactLocation
    var length: Int
    var hashes: [String: String]
    /// `policy` for a policy file, `analysisTarget` for an input, `unmodified` for a file read only as context.
    var roles: [String]

    /// The artifact of a file digest.
    init(_ file: FileDigest) {
        location = SARIFArtifactLocation(path: file.path)
        length = file.size
        hashes = ["sha-256": file.sha256]
        roles = [file.role == .policy ? "policy" : file.role == .context ? "unmodified" : "analysisTarget"]
    }
}
