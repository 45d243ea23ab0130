import ClearanceCore
import ClearanceDocument

/// What `clearance.yaml` changes in the packs: params by pack id (`settings:`) and rules by id (`rules:`).
public struct ProjectSettings: Sendable {
    /// One pack's entry under `settings:`.
    public struct PackEntry: Sendable {
        /// The pack id as written.
        public let key: Node
        /// The params set, each as its name node and its value.
        public let values: [(name: Node, value: Node)]
    }

    /// The packs' entries, in file order.
    public var packs: [PackEntry]
    /// The rule overrides, in file order.
    public var overrides: [RuleOverride]

    /// Settings that change nothing: every param at its pack's default, every rule as written.
    public static let none = ProjectSettings(packs: [], overrides: [])

    /// Creates settings from their parts.
    public init(packs: [PackEntry], overrides: [RuleOverride]) {
        self.packs = packs
        self.overrides = overrides
    }

    /// Reads `settings:` and `rules:` of a shape-checked `clearance.yaml` (or tests file) root.
    public static func read(_ root: Node) throws(Diagnostics) -> ProjectSettings {
        var settings = ProjectSettings.none
        for (key, value) in root["settings"]?.entries ?? [] {
            settings.packs.append(PackEntry(key: key, values: value.entries.map { (name: $0.key, value: $0.value) }))
        }
        var problems: [Diagnostic] = []
        for (key, value) in root["rules"]?.entries ?? [] {
            switch RuleOverride.read(key: key, value: value) {
            case .success(let override): settings.overrides.append(override)
            case .failure(let found): problems += found.items
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return settings
    }

    /// The overrides that apply at `now`.
    public func liveOverrides(at now: Timestamp) -> [RuleOverride] { overrides.filter { $0.isLive(at: now) } }

    /// The overrides that have expired at `now`: reported, and applied no more.
    public func expiredOverrides(at now: Timestamp) -> [RuleOverride] { overrides.filter { !$0.isLive(at: now) } }
}
