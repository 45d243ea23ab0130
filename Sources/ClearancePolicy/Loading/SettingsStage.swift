import ClearanceCore
import ClearanceDocument

/// Stage 2b: check what `clearance.yaml` sets against what the packs declare, and work out each
/// pack's params and each rule's override in effect.
struct SettingsStage {
    /// What the stage decides.
    struct Outcome {
        /// The value set for each param, by policy id and param name (absent: the default holds).
        var values: [String: [String: Node]] = [:]
        /// The live override of each rule, by rule id.
        var overrides: [String: RuleOverride] = [:]
        /// The overrides past their expiry: reported, not applied.
        var expired: [RuleOverride] = []
        var problems: [Diagnostic] = []
    }

    let settings: ProjectSettings
    /// The evaluation time overrides expire against.
    let now: Timestamp
    /// Whether settings (and overrides) for packs that are not loaded are passed over instead of refused.
    var mayNameOtherPacks = false

    func run(drafts: [PolicyDraft]) -> Outcome {
        var outcome = Outcome()
        let policies = Dictionary(drafts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in settings.packs {
            let id = entry.key.string ?? ""
            guard let draft = policies[id] else {
                if mayNameOtherPacks { continue }
                outcome.problems.append(ShapeChecker.diagnostic(entry.key, code: "settings.unknown-pack",
                                                                "settings name pack '\(VisibleText.value(id))', which no loaded policy defines\(Suggestion.didYouMean(id, among: policies.keys.sorted()))"))
                continue
            }
            let declared = Dictionary(draft.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for (nameNode, value) in entry.values {
                let name = nameNode.string ?? ""
                guard let parameter = declared[name] else {
                    let known = draft.parameters.isEmpty ? "; it declares none" : Suggestion.didYouMean(name, among: declared.keys.sorted())
                    outcome.problems.append(ShapeChecker.diagnostic(nameNode, code: "settings.unknown-param",
                                                                    "pack \(id) declares no param '\(VisibleText.value(name))'\(known)"))
                    continue
                }
                let found = parameter.problems(with: value, what: "settings.\(id).\(name)")
                outcome.problems += found
                if found.isEmpty { outcome.values[id, default: [:]][name] = value }
            }
        }
        let ruleIDs = Set(drafts.flatMap { $0.rules.map(\.id) })
        for override in settings.overrides {
            guard ruleIDs.contains(override.ruleID) else {
                if mayNameOtherPacks { continue }
                outcome.problems.append(Diagnostic(code: "settings.unknown-rule",
                                                   message: "rules names '\(VisibleText.value(override.ruleID))', which no loaded policy defines\(Suggestion.didYouMean(override.ruleID, among: ruleIDs.sorted()))",
                                                   location: override.location, sourceLine: override.source.lineText(override.location.line)))
                continue
            }
            if override.isLive(at: now) { outcome.overrides[override.ruleID] = override } else { outcome.expired.append(override) }
        }
        return outcome
    }
}
