import ArgumentParser
import ClearanceCore
import ClearanceEngine
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
        if let disabled = policies.policies.lazy.flatMap(\.disabledRules).first(where: { $0.info.id == rule }) {
            let override = disabled.override
            print("""
                \(VisibleText.value(rule)) · \(VisibleText.escaped(disabled.info.title))

                disabled   by \(override.location), approved by \(VisibleText.value(override.approvedBy)) until \(override.expiresText)
                           \(VisibleText.value(override.justification))
                policy     \(disabled.info.policyID) (\(disabled.info.policyTitle))

                """)
            return
        }
        guard let found = policies.rule(rule) else {
            Terminal.standardError.write("no rule '\(VisibleText.value(rule))' in the loaded policies\(Suggestion.didYouMean(rule, among: policies.ruleIDs))\n")
            throw ExitStatus.untrusted
        }
        print(RuleExplanation(rule: found, policy: policies.policy(found.policyID), frameworks: policies.frameworks).text, terminator: "")
    }
}

/// A rule rendered for a person: title, where it applies, what it checks, controls (titled from the loaded framework tables), remediation.
struct RuleExplanation {
    let rule: Rule
    let policy: Policy?
    var frameworks: [ControlTable] = []

    var text: String {
        var lines = ["\(rule.id) · \(rule.title)", ""]
        lines.append("policy     \(rule.policyID)" + (policy.map { " (\($0.title))" } ?? ""))
        lines.append("severity   \(rule.severity.rawValue)")
        if let override = policy?.overrides.first(where: { $0.ruleID == rule.id }) {
            lines.append("           (the pack says \(rule.packSeverity.rawValue); changed by \(override.location), approved by "
                         + "\(VisibleText.value(override.approvedBy)) until \(override.expiresText): \(VisibleText.value(override.justification)))")
        }
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
                let title = frameworks.first { $0.framework == control.framework }?.title(of: control.id)
                lines.append("  " + control.description + String(repeating: " ", count: width - control.description.count + 2)
                             + (title ?? control.framework.title))
            }
        }
        let read = Self.paramsRead(by: rule)
        if let policy, case let settings = policy.settings.filter({ read.contains($0.parameter.name) }), !settings.isEmpty {
            lines += ["", "params (set under settings.\(policy.id) in clearance.yaml)"]
            let width = settings.map(\.parameter.name.count).max() ?? 0
            let values = settings.map { VisibleText.value(SettingInfo($0).valueText) }
            let valueWidth = min(40, values.map(\.count).max() ?? 0)
            for (setting, value) in zip(settings, values) {
                let name = setting.parameter.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                lines.append("  " + name + value.padding(toLength: max(valueWidth, value.count) + 2, withPad: " ", startingAt: 0) + setting.originText)
                lines.append("  " + String(repeating: " ", count: width + 2) + VisibleText.message(setting.parameter.description))
            }
        }
        if let remediation = rule.remediation { lines += ["", "remediation", "  " + remediation] }
        // Titles and descriptions may read settings, so every line is escaped like any other output.
        return lines.map(VisibleText.escaped).joined(separator: "\n") + "\n"
    }

    /// The names of the params a rule's expressions read (`params.NAME`), in the order first read.
    static func paramsRead(by rule: Rule) -> [String] {
        let sources = [rule.when?.source, rule.forEach?.list.source, rule.require.source, rule.message.source].compactMap { $0 }
        var names: [String] = []
        for source in sources {
            var rest = source[...]
            while let range = rest.range(of: "params.") {
                let name = rest[range.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                if !name.isEmpty && !names.contains(String(name)) { names.append(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        return names
    }
}
