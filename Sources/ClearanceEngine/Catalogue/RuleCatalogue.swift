import ClearancePolicy

/// What reports say about the rules a run evaluated: each policy and each rule as reports describe them,
/// the kinds of document they check (how subjects are grouped and named), the policy files' digests and
/// the framework control tables loaded with them.
/// Plain data, built once from the loaded policies or by hand.
public struct RuleCatalogue: Sendable {
    /// The policies in load order.
    public let policies: [PolicyInfo]
    /// Every rule in load order.
    public let rules: [RuleInfo]
    /// The policy files read, with their digests.
    public let digests: [FileDigest]
    /// The kinds of document the policies check, in registration order.
    public let kinds: DocumentKinds
    /// The changes `clearance.yaml` makes to rules, those applied first, each in file order.
    public let overrides: [OverrideInfo]
    /// The framework control tables loaded with the policies (none when no table was loaded).
    public let frameworks: [ControlTable]
    private let rulesByID: [String: RuleInfo]
    private let policiesByID: [String: PolicyInfo]

    /// Creates a catalogue; each rule names its policy by id, and the first of equal ids is the one looked up.
    public init(policies: [PolicyInfo], rules: [RuleInfo], digests: [FileDigest] = [], kinds: DocumentKinds = .standard,
                overrides: [OverrideInfo] = [], frameworks: [ControlTable] = []) {
        self.kinds = kinds
        self.overrides = overrides
        self.frameworks = frameworks
        self.policies = policies
        self.rules = rules
        self.digests = digests
        rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        policiesByID = Dictionary(policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The catalogue of loaded policies.
    public init(_ policies: PolicySet) {
        var overrides: [OverrideInfo] = []
        for policy in policies.policies {
            let live = policy.overrides.map { override in (override, policy.rules.first { $0.id == override.ruleID }?.packSeverity) }
                + policy.disabledRules.map { ($0.override, $0.info.severity) }
            overrides += live.sorted { $0.0.location < $1.0.location }.map { OverrideInfo($0.0, packSeverity: $0.1 ?? .info, isLive: true) }
        }
        overrides += policies.expiredOverrides.map { OverrideInfo($0, packSeverity: policies.rule($0.ruleID)?.packSeverity ?? .info, isLive: false) }
        self.init(policies: policies.policies.map(PolicyInfo.init), rules: policies.rules.map(\.info), digests: policies.digests, kinds: policies.kinds,
                  overrides: overrides, frameworks: policies.frameworks)
    }

    /// How much of each loaded framework table the rules cover, in the order Clearance lists frameworks.
    public var coverage: [FrameworkCoverage] {
        Control.Framework.allCases.compactMap { framework in
            frameworks.first { $0.framework == framework }.map { FrameworkCoverage(table: $0, rules: rules) }
        }
    }

    /// The title of a control in its framework's loaded table, if any.
    public func title(of control: Control) -> String? {
        frameworks.first { $0.framework == control.framework }?.title(of: control.id)
    }

    /// The rule with an id.
    public func rule(_ id: String) -> RuleInfo? { rulesByID[id] }

    /// The policy with an id.
    public func policy(_ id: String) -> PolicyInfo? { policiesByID[id] }

    /// The rules of a policy, in load order.
    public func rules(of policy: PolicyInfo) -> [RuleInfo] { rules.filter { $0.policyID == policy.id } }

    /// The rules evaluated on one kind of document, in load order.
    public func rules(for kind: DocumentKind) -> [RuleInfo] { rules.filter { $0.target == kind } }
}
