/// One run of Clearance: the tool and its rules, how it was invoked, the files it read, and its results.
struct SARIFRun: Encodable {
    /// The tool that produced the run.
    struct Tool: Encodable {
        var driver: SARIFToolComponent
        /// The policy packs, with the params they ran with.
        var extensions: [SARIFPack]
    }

    var tool: Tool
    var invocations: [SARIFInvocation]
    /// `%SRCROOT%`, the folder relative paths start from.
    var originalUriBaseIds: [String: SARIFArtifactLocation]
    /// Every file read, with its digest.
    var artifacts: [SARIFArtifact]
    var results: [SARIFResult]
    /// Columns count Unicode scalars, as in every Clearance location.
    var columnKind = "unicodeCodePoints"
    /// What was left out of `results` past the most a run holds, when anything was.
    var properties: Properties?

    /// The run's property bag: the results left out.
    struct Properties: Encodable {
        /// How many results the run has in all, how many `results` holds, and the left-out ones by level and severity.
        var clearanceResults: Truncation
    }

    /// The results of a run beyond the most written.
    struct Truncation: Encodable {
        var total: Int
        var written: Int
        var omitted: Int
        /// Left out, by the rule's severity (only those with any).
        var omittedBySeverity: [String: Int]
        /// Where every finding is, when this run wrote a report that lists them.
        var fullReport: String?
    }
}
