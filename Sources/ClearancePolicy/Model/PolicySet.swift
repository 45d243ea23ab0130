import ClearanceCore
import ClearanceDocument

/// Every loaded policy, indexed.
public struct PolicySet: Sendable {
    /// The kinds the policies were compiled for: inputs are read, and lookup maps bound, by these.
    public let kinds: DocumentKinds
    /// The policies in load order.
    public let policies: [Policy]
    /// Every rule in load order; a rule's ``Rule/index`` is its position here.
    public let rules: [Rule]
    /// The policy files read, with their digests.
    public let digests: [FileDigest]
    /// What `clearance lint` warns about: rules that load but cannot do their job, sorted by location.
    public let warnings: [Diagnostic]
    /// The rule overrides of `clearance.yaml` past their expiry: applied no more, and reported.
    public let expiredOverrides: [RuleOverride]
    /// The table the policies' field names are symbols of: documents they check are best loaded with it.
    public let symbols: SymbolTable
    /// The framework control tables loaded with the policies, in load order: rules' controls of these frameworks are listed in them.
    public let frameworks: [ControlTable]
    private let rulesByID: [String: Rule]
    private let policiesByID: [String: Policy]

    init(kinds: DocumentKinds, policies: [Policy], digests: [FileDigest], warnings: [Diagnostic] = [], expiredOverrides: [RuleOverride] = [],
         symbols: SymbolTable, frameworks: [ControlTable] = []) {
        self.expiredOverrides = expiredOverrides
        self.kinds = kinds
        self.frameworks = frameworks
        self.policies = policies
        self.symbols = symbols
        self.warnings = warnings.sorted()
        self.rules = policies.flatMap(\.rules)
        self.digests = digests
        self.rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.policiesByID = Dictionary(policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rule with an id.
    public func rule(_ id: String) -> Rule? { rulesByID[id] }

    /// The policy with an id.
    public func policy(_ id: String) -> Policy? { policiesByID[id] }

    /// The loaded table of a framework, if any.
    public func table(_ framework: Control.Framework) -> ControlTable? { frameworks.first { $0.framework == framework } }

    /// Every rule id, for suggestions.
    public var ruleIDs: [String] { rules.map(\.id) }
}
