import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// A ``SourcesListing`` as `clearance sources --format json` writes it: `sources` (each with its digest, generation time,
/// records and link counts) and `records` (each unlinked or ambiguous record with its location and the YAML that links it).
public enum SourcesListingJSON {
    /// The listing as pretty JSON, ending with a line break.
    public static func render(_ listing: SourcesListing) -> String {
        render(sources: listing.sources.map { source($0.summary) }, records: listing.records.map(record))
    }

    /// The listing of a project that names no source.
    public static let noSources = render(sources: [], records: [])

    private static func render(sources: [JSONText], records: [JSONText]) -> String {
        JSONText.object([("sources", .array(sources)), ("records", .array(records))]).pretty + "\n"
    }

    /// The JSON of one source, as the audit report's `evidence.sources` writes it too: every link state counted (`service` is 0 for an HR roster).
    public static func source(_ summary: SourceSummary) -> JSONText {
        .object([
            ("format", .string(summary.format)), ("file", .string(summary.file)), ("system", .string(summary.system)),
            ("scope", .optional(summary.scope)), ("sha256", .string(summary.sha256)), ("generatedAt", .string(summary.generatedAt.rfc3339)),
            ("records", .int(Int64(summary.records))),
            ("links", .object(SourcesListing.linkStates.map { ($0, .int(Int64(summary.links[$0] ?? 0))) })),
            ("files", .array(summary.extraFiles.map { file in
                .object([("path", .string(file.path)), ("sha256", .string(file.sha256)), ("bytes", .int(Int64(file.size)))])
            })),
        ])
    }

    private static func record(_ record: SourcesListing.Record) -> JSONText {
        .object([
            ("kind", .string(record.kind.rawValue)), ("id", .string(record.id)), ("system", .string(record.system)), ("source", .string(record.source)),
            ("location", .object([("file", .string(record.location.file)), ("line", .int(Int64(record.location.line))),
                                  ("column", .int(Int64(record.location.column)))])),
            ("nativeId", .string(record.nativeID)), ("login", .optional(record.login)), ("email", .optional(record.email)),
            ("displayName", .optional(record.displayName)), ("status", .optional(record.status)), ("link", .string(record.link)),
            ("claimants", .array(record.claims.map { .object([("member", .string($0.member)), ("by", .string($0.by))]) })),
            ("serviceAccount", .optional(record.serviceAccount)),
            ("closestMember", .optional(record.closestMember)), ("closestMemberFile", .optional(record.closestMemberFile)),
            ("memberYaml", .optional(record.memberYAML)), ("serviceAccountYaml", .optional(record.serviceAccountYAML)),
            ("advice", .string(record.advice)),
        ])
    }
}
