import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting

/// `clearance sources`: each vendor's export clearance.yaml names, with its digest and how its records linked, then every
/// record no one member or service account holds, with the YAML that links it.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the vendors' exports read as sources, how their records linked, and how to link the rest.",
        discussion: """
            For each entry of `sources:` in clearance.yaml: its format, file, SHA-256, generation time and records, with how many \
            are linked to a member, declared as a service account, unlinked or ambiguous; then each unlinked or ambiguous record \
            at its file:line:col, with the `accounts:` (or `employee_id:`) to add to the member it belongs to, or a ServiceAccount \
            to declare. Exit status: 0 when every source and input was read (a listing, not a gate), 2 when one could not be.
            """
    )

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format = "text"

    @Flag(help: "List the source formats Clearance reads, with the further files and options each takes, instead.")
    var formats = false

    @OptionGroup var project: ProjectOptions

    func validate() throws {
        try ListingFormat.validate(format)
    }

    func run() throws {
        if formats {
            print(format == "json" ? Self.formatsJSON(.standard) : Self.formatsText(.standard), terminator: "")
            return
        }
        _ = try Session.guarded { try project.enter() }
        let listing = try Session.guarded { () throws(Diagnostics) -> SourcesListing? in
            let configuration = try project.configuration()
            guard !configuration.sources.isEmpty else { return nil }
            let policies = try Session.policies(configuration, now: project.now)
            let documents = try Session.documents([], configuration, project, policies, digests: false)
            return SourcesListing(documents)
        }
        if let listing {
            print(format == "json" ? SourcesListingJSON.render(listing) : SourcesListingText(listing, style: TextStyle(enabled: Session.wantsColor)).text,
                  terminator: "")
        } else {
            print(format == "json" ? SourcesListingJSON.noSources : SourcesListingText.noSources, terminator: "")
        }
    }

    /// Each format: its name, what it reads, the kind of its records, its default system, its further files and options.
    static func formatsText(_ formats: SourceFormats) -> String {
        var lines: [String] = []
        for format in formats.formats {
            lines.append(format.name + "  " + format.summary)
            lines.append("  records: \(format.recordKind.rawValue) · system: "
                         + (format.needsSystem ? "the entry's `system:` (required)" : "\(format.defaultSystem) (unless `system:` names another)"))
            for (key, summary) in format.extraFiles { lines.append("  file    \(key): \(summary)") }
            for (key, summary) in format.options { lines.append("  option  \(key): \(summary)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The formats as JSON.
    static func formatsJSON(_ formats: SourceFormats) -> String {
        JSONText.array(formats.formats.map { format in
            .object([("name", .string(format.name)), ("summary", .string(format.summary)), ("records", .string(format.recordKind.rawValue)),
                     ("system", format.needsSystem ? .null : .string(format.defaultSystem)),
                     ("files", .array(format.extraFiles.map { .object([("key", .string($0.key)), ("summary", .string($0.summary))]) })),
                     ("options", .array(format.options.map { .object([("key", .string($0.key)), ("summary", .string($0.summary))]) }))])
        }).pretty + "\n"
    }
}
