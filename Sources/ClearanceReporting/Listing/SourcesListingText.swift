import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// A ``SourcesListing`` as `clearance sources` prints it: each source with its digest, time and link counts, then each
/// unlinked or ambiguous record at its place with the YAML that links it. Everything read from a file is escaped.
public struct SourcesListingText: Sendable {
    /// The listing.
    public let listing: SourcesListing
    /// Colour or not.
    public let style: TextStyle

    /// The text of a listing.
    public init(_ listing: SourcesListing, style: TextStyle = TextStyle(enabled: false)) {
        self.listing = listing
        self.style = style
    }

    /// The whole listing, ending with a line break.
    public var text: String {
        let shown = VisibleText.escaped
        guard !listing.sources.isEmpty else { return Self.noSources }
        var lines: [String] = []
        for source in listing.sources {
            let summary = source.summary
            var heading = VisibleText.lineStart(shown(summary.file)) + style.dim(" · " + shown(summary.format) + " · " + shown(summary.system))
            if let scope = summary.scope { heading += style.dim(" " + shown(scope)) }
            lines.append(style.bold(heading))
            lines.append("  generated \(summary.generatedAt.rfc3339) · " + Self.counts(source))
            lines.append("  sha256 " + summary.sha256)
            for extra in summary.extraFiles { lines.append("  " + style.dim("with " + shown(extra.path) + " sha256 " + extra.sha256)) }
            lines.append("")
        }
        if !listing.records.isEmpty {
            let count = listing.records.count
            lines.append(style.bold("\(count) record\(count == 1 ? "" : "s") not linked to one member or service account"))
            lines.append("")
            for record in listing.records { lines += recordLines(record) }
        }
        lines.append(Self.summaryLine(listing))
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the listing says of a project that names no source.
    public static let noSources = "No sources: clearance.yaml lists no vendor's export under `sources`.\n"

    /// `7 records: 3 linked, 1 service, 1 unlinked, 2 ambiguous`.
    static func counts(_ source: SourcesListing.Source) -> String {
        "\(source.summary.records) record\(source.summary.records == 1 ? "" : "s"): " + source.states.map { "\(source.count($0)) \($0)" }.joined(separator: ", ")
    }

    /// `2 sources, 14 records: 9 linked, 1 service, 2 unlinked, 2 ambiguous.`
    static func summaryLine(_ listing: SourcesListing) -> String {
        let sources = listing.sources.count, records = listing.sources.map(\.summary.records).reduce(0, +)
        let states = SourcesListing.linkStates.map { state in "\(listing.sources.map { $0.count(state) }.reduce(0, +)) \(state)" }
        return "\(sources) source\(sources == 1 ? "" : "s"), \(records) record\(records == 1 ? "" : "s"): " + states.joined(separator: ", ") + "."
    }

    /// One record: where it is, who it is, and what links it.
    private func recordLines(_ record: SourcesListing.Record) -> [String] {
        let shown = VisibleText.value
        var facts = [shown(record.id)]
        if let login = record.login { facts.append("login " + shown(login)) }
        if let email = record.email { facts.append(shown(email)) }
        if let name = record.displayName { facts.append(shown(name)) }
        if let status = record.status { facts.append(shown(status)) }
        let colour: TextStyle.Colour = record.link == "ambiguous" ? .yellow : .red
        var lines = [VisibleText.lineStart(shown(record.location.description)) + "  " + style.color(colour, record.link) + "  " + facts.joined(separator: " · ")]
        if record.link == "ambiguous" || record.memberYAML == nil {
            lines.append("    " + VisibleText.escaped(record.advice))
        } else {
            if let yaml = record.memberYAML {
                let owner = record.kind == .employment ? "the TeamMember who is this person"
                    : record.kind == .managedDevice ? "the device entry of the TeamMember who uses it" : "the TeamMember who holds it"
                let target = record.closestMember.map { member in
                    "add to TeamMember \(shown(member))" + (record.closestMemberFile.map { " (\(shown($0)))" } ?? "") + ", whose name is closest, or to \(owner):"
                } ?? "add to \(owner):"
                lines += ["    " + target, "      " + VisibleText.escaped(yaml)]
            }
            if let service = record.serviceAccountYAML {
                lines.append("    or, for an account no person signs in with, declare it in a team file:")
                lines += service.split(separator: "\n").map { "      " + VisibleText.escaped(String($0)) }
            }
        }
        lines.append("")
        return lines
    }
}
