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
}
