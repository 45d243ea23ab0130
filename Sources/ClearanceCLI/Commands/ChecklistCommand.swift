import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting

/// `clearance checklist ID`: one person's checklist, the pre-credentials gate first.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Show one person's checklist: what is done and what still blocks credentials.",
        discussion: """
            The pre-credentials gate is CLEARED (all items met), BLOCKED (no credentials yet, items open), BREACHED \
            (credentials issued while an item was open) or NOT APPLICABLE (the person has left). \
            Exit status: 0 when the gate is cleared or not applicable, 1 when it is blocked or breached (whatever --fail-on), \
            2 when the run cannot be trusted. Without a gate rule loaded: 0 when nothing fails at or above --fail-on, else 1.
            """
    )

    @Argument(help: "The TeamMember id, such as ana.lopez.")
    var id: String

    @Argument(help: "Input files or folders (default: `inputs` in clearance.yaml, whose other inputs are loaded as context).")
    var paths: [String] = []

    @Option(name: .customLong("context"), help: ArgumentHelp("Files or folders loaded for lookups only (repeatable).", valueName: "path"))
    var contextPaths: [String] = []

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let location = try Session.guarded { try project.enter() }
        let (paths, contextPaths) = (location.paths(self.paths), location.paths(self.contextPaths))
        let (report, member, configuration) = try Session.guarded {
            let configuration = try project.configuration(checked: paths + contextPaths)
            let policies = try Session.policies(configuration, now: project.now)
            try Session.requireRules(policies, from: configuration.policies)
            let documents = try Session.documents(paths, context: contextPaths, configuration, project, policies, digests: false)
            let members = documents.subjects.filter { $0.kind == .teamMember }
            guard let member = members.first(where: { $0.id == id }) else {
                if let context = documents.document(.teamMember, id: id) {
                    throw Diagnostic(code: "input.unknown-member", message: "TeamMember '\(id)' is loaded only as context from \(context.root.location.file); name that file to check it", location: nil)
                }
                throw Diagnostic(code: "input.unknown-member", message: "no TeamMember with id '\(id)'\(Suggestion.didYouMean(id, among: members.map(\.id)))", location: nil)
            }
            let report = Engine(policies: policies, documents: documents, now: project.now).run(subjects: [id])
            guard report.documentsChecked > 0 else {
                throw Diagnostic(code: "input.no-subjects", message: "no documents to check: no loaded policy checks a TeamMember such as \(id)", location: nil)
            }
            return (report, member, configuration)
        }
        let checklist = Checklist(subject: Subject(member, naming: report.catalogue.kinds.descriptor(member.kind)?.naming), in: report)
        print(ChecklistText(checklist: checklist, member: member, asOf: report.asOf, style: TextStyle(enabled: Session.wantsColor)).text)
        print(TextReporter.summaryLine(report, context: Session.context(configuration)))
        guard let gate = checklist.gate else { throw Session.exitStatus(report, configuration) }
        let failing = report.hasFailing(at: configuration.failOn)
        if gate.state.isPassing && failing {
            print("Exit status 0: the pre-credentials gate is \(gate.state.label); findings outside the gate do not change it (`clearance check` fails on them).")
        } else if !gate.state.isPassing && !failing {
            print("Exit status 1: the pre-credentials gate is \(gate.state.label), whatever --fail-on.")
        }
        throw gate.state.isPassing ? ExitStatus.success : ExitStatus.findingsFailed
    }
}

/// One person's checklist as text: ✓ done, ✗ not done, … pending, ! cannot tell, ~ waived, - not applicable.
struct ChecklistText {
    let checklist: Checklist
    let member: InputDocument
    let asOf: Timestamp
    let style: TextStyle

    var text: String {
        let root = member.root
        let name = root["name"]?.string ?? member.id
        var header = "Checklist for \(name) (\(member.id))"
        for key in ["status", "title"] { if let value = root[key]?.string { header += " · " + value } }
        var lines = [style.bold(header), style.dim("\(root.location.file) · as of \(asOf.rfc3339)"), ""]
        for section in checklist.sections {
            if let policy = section.policy {
                lines.append(style.bold(policy.title))
            } else if let gate = checklist.gate {
                let colour: TextStyle.Colour = switch gate.state {
                case .cleared: .green
                case .blocked: .yellow
                case .breached: .red
                case .notApplicable: .gray
                }
                lines.append(style.bold("Before credentials are issued (pre-credentials gate): ") + style.color(colour, gate.state.label)
                             + " (" + gate.reason + ")")
            }
            for item in section.items { lines += itemLines(item) }
            lines.append("")
        }
        if !checklist.accounts.isEmpty { lines += ObservedAccountsText.lines(checklist.accounts, style: style) + [""] }
        if !checklist.devices.isEmpty { lines += ObservedDevicesText.lines(checklist.devices, style: style) + [""] }
        return lines.joined(separator: "\n")
    }

    /// The rule's line and, for anything not done, the findings' messages and places.
    private func itemLines(_ item: ChecklistItem) -> [String] {
        let (symbol, colour) = item.status.map(TextReporter.mark) ?? ("-", .gray)
        var lines = ["  " + style.color(colour, symbol) + " " + TextReporter.pad(item.rule.id, 7) + " " + item.rule.title
                     + (item.isApplicable ? "" : style.dim(" (not applicable)"))]
        for finding in item.findings where finding.needsAttention {
            var detail = finding.message + (finding.element.map { "  (\($0))" } ?? "")
            if finding.status == .waived, let waiver = finding.waiver { detail += "  waived by \(waiver.id) until \(waiver.expiresText)" }
            lines.append("            " + detail)
            lines.append("            " + style.dim(finding.location.description))
        }
        return lines
    }
}
