import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// What a report says about one param of a pack: its value in effect and where that value was set.
public struct SettingInfo: Sendable {
    /// The param's name, such as `review_cadence`.
    public let name: String
    /// Its declared type, such as `duration`.
    public let type: String
    /// What it means.
    public let description: String
    /// The value in effect, as JSON.
    public let value: JSONText
    /// The value for people: a string as written, anything else as compact JSON.
    public let valueText: String
    /// Where `clearance.yaml` set it (`clearance.yaml:12:7`); `nil` when the pack's default holds.
    public let origin: String?

    /// Creates the description of a setting.
    public init(name: String, type: String, description: String, value: JSONText, valueText: String, origin: String?) {
        self.name = name
        self.type = type
        self.description = description
        self.value = value
        self.valueText = valueText
        self.origin = origin
    }

    /// The description of a param in effect.
    public init(_ setting: ParameterSetting) {
        self.init(name: setting.parameter.name, type: setting.parameter.typeText, description: setting.parameter.description,
                  value: Self.json(setting.value), valueText: setting.value.string ?? setting.value.json(), origin: setting.setAt?.description)
    }

    /// A param value as JSON (params hold strings, numbers, booleans, lists and maps).
    static func json(_ node: Node) -> JSONText {
        switch node.kind {
        case .null: .null
        case .bool: .bool(node.bool ?? false)
        case .int: node.int.map(JSONText.int) ?? .null
        case .double: node.double.map(JSONText.double) ?? .null
        case .timestamp: node.timestamp.map { .string($0.rfc3339) } ?? .null
        case .sequence: .array(node.elements.map(json))
        case .mapping: .object(node.entries.map { ($0.key.string ?? $0.key.json(), json($0.value)) })
        case .string: .string(node.string ?? "")
        }
    }
}

/// What a report says about a change `clearance.yaml` makes to a rule.
public struct OverrideInfo: Sendable {
    /// The changed rule.
    public let ruleID: String
    /// The severity the pack gives it.
    public let packSeverity: Severity
    /// The severity it gets instead; `nil` when the rule is turned off.
    public let severity: Severity?
    /// Whether the rule is turned off.
    public let disabled: Bool
    /// Why, who accepted it and until when.
    public let justification: String, approvedBy: String, expires: String
    /// Where the override is written.
    public let location: SourceLocation
    /// Whether it applied in this run (false: expired, reported and not applied).
    public let isLive: Bool

    /// Creates the description of an override.
    public init(ruleID: String, packSeverity: Severity, severity: Severity?, disabled: Bool, justification: String, approvedBy: String,
                expires: String, location: SourceLocation, isLive: Bool) {
        self.ruleID = ruleID
        self.packSeverity = packSeverity
        self.severity = severity
        self.disabled = disabled
        self.justification = justification
        self.approvedBy = approvedBy
        self.expires = expires
        self.location = location
        self.isLive = isLive
    }

    /// The description of a loaded override, given the pack's severity of its rule.
    init(_ override: RuleOverride, packSeverity: Severity, isLive: Bool) {
        self.init(ruleID: override.ruleID, packSeverity: packSeverity, severity: override.severity, disabled: override.disabled,
                  justification: override.justification, approvedBy: override.approvedBy, expires: override.expiresText,
                  location: override.location, isLive: isLive)
    }

    /// The change in words: `disabled`, or `severity high → low`.
    public var change: String { disabled ? "disabled" : "severity \(packSeverity.rawValue) → \(severity?.rawValue ?? packSeverity.rawValue)" }
}
