/// A declared document shape, such as `TeamMember`: named fields with types, nested shapes allowed.
///
/// At runtime such values are maps (YAML mappings). The checker uses the shape to type field
/// selections: on a closed shape an unknown field is a compile error with a suggestion, on an open
/// shape it is `dyn`.
public final class ObjectType: Hashable, Sendable, CustomStringConvertible {
    /// The shape's name, as messages show it.
    public let name: String
    /// The declared fields and their types.
    public let fields: [String: ExpressionType]
    /// Whether fields beyond the declared ones may appear (typed `dyn`).
    public let isOpen: Bool

    /// Creates a shape.
    public init(name: String, fields: [String: ExpressionType], isOpen: Bool) {
        self.name = name
        self.fields = fields
        self.isOpen = isOpen
    }

    /// Shapes are equal when name, fields and openness are.
    public static func == (lhs: ObjectType, rhs: ObjectType) -> Bool {
        lhs === rhs || (lhs.name == rhs.name && lhs.isOpen == rhs.isOpen && lhs.fields == rhs.fields)
    }

    /// Hashes the name and openness.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(isOpen)
    }

    /// The name.
    public var description: String { name }
}
