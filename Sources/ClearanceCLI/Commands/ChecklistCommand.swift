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
        let (report, member, configuration) = try Session.guarded {
            let configuration = try project.configuration(checked: paths + contextPaths)
            let policies = try Session.policies(configuration)
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
        let checklist = Checklist(report: report, member: member, style: TextStyle(enabled: Session.wantsColor))
        print(checklist.text)
        print(TextReporter.summaryLine(report, context: Session.context(configuration)))
        guard let gate = checklist.gate else { throw Session.exitStatus(report, configuration) }
        let failing = !report.failing(at: configuration.failOn).isEmpty
        if gate.state.isPassing && failing {
            print("Exit status 0: the pre-credentials gate is \(gate.state.label); findings outside the gate do not change it (`clearance check` fails on them).")
        } else if !gate.state.isPassing && !failing {
            print("Exit status 1: the pre-credentials gate is \(gate.state.label), whatever --fail-on.")
        }
        throw gate.state.isPassing ? ExitStatus.success : ExitStatus.findingsFailed
    }
}

/// One person's findings as a checklist: ✓ done, ✗ not done, … pending, ! cannot tell, ~ waived, - not applicable.
struct Checklist {
    let report: Report
    let member: InputDocument
    let style: TextStyle

    /// The person's findings.
    var memberFindings: [Finding] { report.findings.filter { $0.kind == .teamMember && $0.subject == member.id } }

    /// The person's pre-credentials gate; `nil` when no loaded rule belongs to it.
    var gate: CredentialsGate? {
        CredentialsGate(rules: report.policies.rules, findings: memberFindings, credentials: CredentialState(member: member.root))
    }

    var text: String {
        let root = member.root
        let name = root["name"]?.string ?? member.id
        var header = "Checklist for \(name) (\(member.id))"
        for key in ["status", "title"] { if let value = root[key]?.string { header += " · " + value } }
        var lines = [style.bold(header), style.dim("\(root.location.file) · as of \(report.asOf.rfc3339)"), ""]
        let memberFindings = memberFindings
        if let gate {
            let colour: TextStyle.Colour = switch gate.state {
            case .cleared: .green
            case .blocked: .yellow
            case .breached: .red
            case .notApplicable: .gray
            }
            lines.append(style.bold("Before credentials are issued (pre-credentials gate): ") + style.color(colour, gate.state.label)
                         + " (" + gate.reason + ")")
            for item in gate.items { lines += items(item.rule, memberFindings) }
            lines.append("")
        }
        for policy in report.policies.policies where policy.target == .teamMember {
            let others = policy.rules.filter { !$0.isPreCredentials }
            guard !others.isEmpty else { continue }
            lines.append(style.bold(policy.title))
            for rule in others { lines += items(rule, memberFindings) }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The rule's line and, for anything not done, the findings' messages and places.
    private func items(_ rule: Rule, _ findings: [Finding]) -> [String] {
        let own = findings.filter { $0.rule.id == rule.id }
        let status = mark(own)
        let (symbol, colour) = status.map(TextReporter.mark) ?? ("-", .gray)
        var lines = ["  " + style.color(colour, symbol) + " " + TextReporter.pad(rule.id, 7) + " " + rule.title
                     + (status == nil || status == .skip ? style.dim(" (not applicable)") : "")]
        for finding in own where finding.needsAttention {
            var detail = finding.message + (finding.element.map { "  (\($0))" } ?? "")
            if finding.status == .waived, let waiver = finding.waiver { detail += "  waived by \(waiver.id) until \(waiver.expiresText)" }
            lines.append("            " + detail)
            lines.append("            " + style.dim(finding.location.description))
        }
        return lines
    }

    /// The worst outcome among a rule's findings; `nil` when it has none.
    private func mark(_ findings: [Finding]) -> FindingStatus? {
        FindingStatus.worst(among: findings.map(\.status))
    }
}
