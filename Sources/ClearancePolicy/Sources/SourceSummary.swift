import ClearanceCore

/// What one source gave: its export's digest and generation time, its records and how they linked.
public struct SourceSummary: Sendable {
    /// The format's name.
    public let format: String
    /// The export file, as `clearance.yaml` names it.
    public let file: String
    /// The system its records belong to.
    public let system: String
    /// The scope the entry names, else the one the file names for all its records (the AWS account of its ARNs), if any.
    public let scope: String?
    /// The SHA-256 of the export's bytes.
    public let sha256: String
    /// When the export was made.
    public let generatedAt: Timestamp
    /// How many records it holds.
    public let records: Int
    /// How many records are linked, service, unlinked and ambiguous, by state.
    public let links: [String: Int]
    /// The further files read with it (`admins`), as written, with their digests.
    public let extraFiles: [FileDigest]

    /// Creates a summary.
    public init(format: String, file: String, system: String, scope: String?, sha256: String, generatedAt: Timestamp, records: Int,
                links: [String: Int], extraFiles: [FileDigest]) {
        self.format = format
        self.file = file
        self.system = system
        self.scope = scope
        self.sha256 = sha256
        self.generatedAt = generatedAt
        self.records = records
        self.links = links
        self.extraFiles = extraFiles
    }
}
