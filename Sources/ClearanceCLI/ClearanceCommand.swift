import ArgumentParser

/// The `clearance` command: security and compliance controls as code, checked over team state files.
public struct ClearanceCommand: ParsableCommand {
    /// The version every report records.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "clearance",
        abstract: "Check security and compliance controls over team-member, vendor and access files.",
        version: version,
        subcommands: [InitCommand.self, CheckCommand.self, AuditCommand.self, ChecklistCommand.self, LintCommand.self, ExplainCommand.self, TestCommand.self,
                      EvalCommand.self, InspectCommand.self, SourcesCommand.self, HistoryCommand.self, EvidenceCommand.self, SchemaCommand.self, ServeCommand.self]
    )

    public init() {}
}
