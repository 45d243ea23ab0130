import ClearanceEngine

/// A policy pack as a SARIF tool extension: its id and version, and the params it ran with (audit evidence).
struct SARIFPack: Encodable {
    /// One param in effect.
    struct Setting: Encodable {
        var name: String
        var type: String
        /// A string as written; anything else as compact JSON.
        var value: String
        /// `default`, or where clearance.yaml set it.
        var origin: String
    }

    /// The pack's settings.
    struct Properties: Encodable {
        var settings: [Setting]
    }

    var name: String
    var fullName: String
    var version: String?
    var properties: Properties

    init(_ policy: PolicyInfo) {
        name = policy.id
        fullName = policy.title
        version = policy.version
        properties = Properties(settings: policy.settings.map {
            Setting(name: $0.name, type: $0.type, value: $0.valueText, origin: $0.origin ?? "default")
        })
    }
}

/// A rule override of clearance.yaml that applied, as SARIF's `ruleConfigurationOverrides` entry.
struct SARIFRuleOverride: Encodable {
    /// Which rule.
    struct Descriptor: Encodable {
        var id: String
    }

    /// What changed: off, or another level.
    struct Configuration: Encodable {
        var enabled: Bool
        var level: SARIFLevel?
    }

    /// Why, by whom, until when.
    struct Properties: Encodable {
        var severity: String?
        var justification: String
        var approvedBy: String
        var expires: String
        var location: String
    }

    var descriptor: Descriptor
    var configuration: Configuration
    var properties: Properties

    init(_ override: OverrideInfo) {
        descriptor = Descriptor(id: override.ruleID)
        configuration = Configuration(enabled: !override.disabled, level: override.severity.map(SARIFLevel.init))
        properties = Properties(severity: override.severity?.rawValue, justification: override.justification, approvedBy: override.approvedBy,
                                expires: override.expires, location: override.location.description)
    }
}
