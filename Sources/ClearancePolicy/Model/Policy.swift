import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// A loaded policy pack: its rules over one kind of document, compiled.
public final class Policy: Sendable {
    /// The policy's id, such as `zero-trust-baseline`.
    public let id: String
    /// Its title.
    public let title: String
    /// Its version, such as `1.0.0`.
    public let version: String?
    /// What it covers.
    public let description: String?
    /// The kind of document its rules are evaluated on.
    public let target: DocumentKind
    /// `params` as expressions read it (an empty map when the policy has none).
    public let paramsValue: Value
    /// Each declared param at its value in effect, with where that value was set, in the order declared.
    public let settings: [ParameterSetting]
    /// Its rules in the order written, without those `clearance.yaml` turned off.
    public let rules: [Rule]
    /// The rules `clearance.yaml` turned off, in the order written.
    public let disabledRules: [DisabledRule]
    /// The live overrides of its rules' severities, in rule order.
    public let overrides: [RuleOverride]
    /// Where the policy document starts.
    public let location: SourceLocation
    /// The variables its expressions may use, in slot order (see ``PolicyBindings``).
    public let declarations: Declarations

    init(id: String, title: String, version: String?, description: String?, target: DocumentKind, paramsValue: Value,
         settings: [ParameterSetting], rules: [Rule], disabledRules: [DisabledRule], overrides: [RuleOverride], location: SourceLocation,
         declarations: Declarations) {
        self.settings = settings
        self.disabledRules = disabledRules
        self.overrides = overrides
        self.paramsValue = paramsValue
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.target = target
        self.rules = rules
        self.location = location
        self.declarations = declarations
    }
}

/// A rule `clearance.yaml` turned off, with the override that did.
public struct DisabledRule: Sendable {
    /// What reports say about the rule.
    public let info: RuleInfo
    /// The override that turned it off.
    public let override: RuleOverride
}
