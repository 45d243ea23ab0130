import ClearancePolicy

/// What a report says about a policy: its id, title, version, target kind and description.
public struct PolicyInfo: Sendable {
    /// The policy's id, such as `zero-trust-baseline`.
    public let id: String
    /// Its title.
    public let title: String
    /// Its version, such as `1.0.0`.
    public let version: String?
    /// The kind of document its rules are evaluated on.
    public let target: DocumentKind
    /// What it covers.
    public let description: String?
    /// The file it was loaded from.
    public let file: String?
    /// Each declared param at its value in effect, in the order declared.
    public let settings: [SettingInfo]

    /// Creates a description of a policy.
    public init(id: String, title: String, version: String? = nil, target: DocumentKind, description: String? = nil, file: String? = nil,
                settings: [SettingInfo] = []) {
        self.file = file
        self.settings = settings
        self.id = id
        self.title = title
        self.version = version
        self.target = target
        self.description = description
    }

    /// The description of a loaded policy.
    public init(_ policy: Policy) {
        self.init(id: policy.id, title: policy.title, version: policy.version, target: policy.target, description: policy.description,
                  file: policy.location.file, settings: policy.settings.map(SettingInfo.init))
    }
}
