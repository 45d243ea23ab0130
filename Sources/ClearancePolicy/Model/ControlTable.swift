import ClearanceCore

/// A compliance framework's controls with their official titles, from a `kind: Framework`
/// document: what rules' `controls` are checked against and what reports count as covered.
public struct ControlTable: Sendable {
    /// One control of the framework.
    public struct Entry: Sendable, Hashable {
        /// The control's id within the framework, such as `CC6.1` or `A.5.17`.
        public let id: String
        /// Its title, as the framework words it (for SOC 2, a short summary of the criterion).
        public let title: String

        /// Creates an entry.
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// The framework the table lists.
    public let framework: Control.Framework
    /// The framework's name, such as `ISO/IEC 27001:2022 Annex A`.
    public let title: String
    /// The edition the titles come from, such as `NIST SP 800-53 Rev. 5 (release 5.1.1)`.
    public let version: String
    /// What the table is and where its titles come from.
    public let description: String?
    /// Which of the framework's controls the table lists, in words (all of them, or some families in full).
    public let scope: String
    /// The listed controls, in the order written.
    public let controls: [Entry]
    /// Where the table's document starts.
    public let location: SourceLocation?
    private let titles: [String: String]

    /// Creates a table; the first of equal ids is the one looked up.
    public init(framework: Control.Framework, title: String, version: String, description: String? = nil, scope: String,
                controls: [Entry], location: SourceLocation? = nil) {
        self.framework = framework
        self.title = title
        self.version = version
        self.description = description
        self.scope = scope
        self.controls = controls
        self.location = location
        titles = Dictionary(controls.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The title of a listed control, or `nil` when the table does not list it.
    public func title(of id: String) -> String? { titles[id] }

    /// Whether the table lists a control.
    public func contains(_ control: Control) -> Bool { control.framework == framework && titles[control.id] != nil }

    /// The listed controls that none of `controls` names, in the order written.
    public func uncovered(by controls: some Sequence<Control>) -> [Entry] {
        let covered = Set(controls.lazy.filter { $0.framework == framework }.map(\.id))
        return self.controls.filter { !covered.contains($0.id) }
    }
}

extension DocumentKind {
    /// A framework's table of controls (read from policy files only).
    public static let framework = DocumentKind("Framework")
}
