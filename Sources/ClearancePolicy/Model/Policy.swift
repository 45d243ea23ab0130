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
    /// Its `params` mapping, read by expressions as `params`.
    public let params: Node?
    /// `params` as expressions read it (an empty map when the policy has none).
    public let paramsValue: Value
    /// Its rules, in the order written.
    public let rules: [Rule]
    /// Where the policy document starts.
    public let location: SourceLocation
    /// The variables its expressions may use, in slot order (see ``PolicyBindings``).
    public let declarations: Declarations

    init(id: String, title: String, version: String?, description: String?, target: DocumentKind, params: Node?, paramsValue: Value,
         rules: [Rule], location: SourceLocation, declarations: Declarations) {
        self.paramsValue = paramsValue
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.target = target
        self.params = params
        self.rules = rules
        self.location = location
        self.declarations = declarations
    }
}
