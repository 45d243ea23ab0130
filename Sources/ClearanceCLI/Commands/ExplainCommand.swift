import ArgumentParser
import ClearanceCore
import ClearancePolicy

/// `clearance explain RULE`: what a rule checks, its controls and remediation, from the rule's own data.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain what a rule checks, the controls it evidences and how to fix a failure."
    )

    @Argument(help: "A rule id, such as ZT-01.")
    var rule: String

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let policies = try Session.guarded { try Session.policies(try project.configuration(), now: project.now) }
        guard let found = policies.rule(rule) else {
            Terminal.standardError.write("no rule '\(VisibleText.value(rule))' in the loaded policies\(Suggestion.didYouMean(rule, among: policies.ruleIDs))\n")
            throw ExitStatus.untrusted
        }
        print(RuleExplanation(rule: found, policy: policies.policy(found.policyID)).text, terminator: "")
    }
}

/// A rule rendered for a person: title, where it applies, what it checks, controls, remediation.
struct RuleExplanation {
    let rule: Rule
    let policy: Policy?

    var text: String {
        var lines = ["\(rule.id) · \(rule.title)", ""]
        lines.append("policy     \(rule.policyID)" + (policy.map { " (\($0.title))" } ?? ""))
        lines.append("severity   \(rule.severity.rawValue)")
        lines.append("applies to every \(rule.target.rawValue)" + (rule.forEach.map { ", each \($0.variable) in \($0.list.source)" } ?? ""))
        if !rule.gates.isEmpty { lines.append("gates      \(rule.gates.joined(separator: ", ")) (must pass before credentials are issued)") }
        lines.append("defined at \(rule.location)")
        if let description = rule.description { lines += ["", description] }
        lines += ["", "checks"]
        if let when = rule.when { lines.append("  when     \(when.source)") }
        lines.append("  require  \(rule.require.source)")
        lines.append("  message  \(rule.message.source)")
        if !rule.controls.isEmpty {
            lines += ["", "controls"]
            let width = rule.controls.map { $0.description.count }.max() ?? 0
            for control in rule.controls {
                lines.append("  " + control.description + String(repeating: " ", count: width - control.description.count + 2) + control.framework.title)
            }
        }
        if let remediation = rule.remediation { lines += ["", "remediation", "  " + remediation] }
        return lines.joined(separator: "\n") + "\n"
    }
}
