import ClearanceDocument

/// The shape a YAML node must have: one description used to decode policy files strictly,
/// to type documents for the expression checker, and to write JSON Schemas for editors.
public indirect enum Shape: Sendable {
    /// Any string, or one of `allowed` when given.
    case string(allowed: [String]? = nil)
    /// A string that must match a pattern (described in words for messages).
    case pattern(TextPattern)
    /// A CEL expression, compiled when the policy loads.
    case expression
    /// A message with `{{ expression }}` templates.
    case template
    case boolean
    case integer
    /// A date (`2026-02-02`) or an RFC 3339 date-time.
    case timestamp
    /// The shape, or `null`.
    case nullable(Shape)
    case list(Shape)
    /// A mapping with free keys and values of one shape.
    case dictionary(Shape)
    case object(ObjectShape)
    /// A value of any one of the shapes (a login or a list of logins).
    case oneOf([Shape])
    /// Anything at all.
    case any

    /// Words for the shape in messages: "a string", "a list", "one of info, low, ...".
    public var summary: String {
        switch self {
        case .string(let allowed?): "one of " + allowed.joined(separator: ", ")
        case .string: "a string"
        case .pattern(let pattern): pattern.description
        case .expression: "an expression (a string)"
        case .template: "a message (a string)"
        case .boolean: "true or false"
        case .integer: "an integer"
        case .timestamp: "a date (YYYY-MM-DD) or an RFC 3339 date-time"
        case .nullable(let shape): shape.summary + " or null"
        case .list: "a list"
        case .dictionary: "a mapping"
        case .object(let object): "a mapping (\(object.name))"
        case .oneOf(let shapes): shapes.map(\.summary).joined(separator: " or ")
        case .any: "any value"
        }
    }
}

extension Shape {
    /// A string that must match `pattern`, described in messages as `description`.
    public static func pattern(_ pattern: String, description: String) -> Shape { .pattern(TextPattern(pattern, description: description)) }

    /// Every pattern in the shape, nested ones included.
    var patterns: [TextPattern] {
        switch self {
        case .pattern(let pattern): [pattern]
        case .nullable(let inner), .list(let inner), .dictionary(let inner): inner.patterns
        case .object(let object): object.properties.flatMap(\.shape.patterns)
        case .oneOf(let shapes): shapes.flatMap(\.patterns)
        default: []
        }
    }
}

/// A mapping with named properties.
public final class ObjectShape: Sendable {
    /// The name used in messages and schemas, such as `rule` or `TeamMember`.
    public let name: String
    /// What the mapping is, in one sentence.
    public let summary: String
    /// The properties in the order they are documented.
    public let properties: [Property]
    /// Whether keys other than the properties are errors.
    public let isClosed: Bool
    /// The properties that identify a mapping of this shape among the elements of its list (a device's `id`),
    /// so a finding about it keeps its fingerprint when other elements are added, removed or reordered; empty when none do.
    public let identity: [String]

    /// Each property's position by its key (``ShapeSymbols`` holds them by symbol, per table).
    private let positions: [String: Int]
    /// The positions of the required properties.
    let requiredPositions: [Int]

    /// Creates a shape.
    public init(name: String, summary: String, isClosed: Bool = true, properties: [Property], identity: [String] = []) {
        precondition(properties.count <= PropertySet.capacity, "a shape has at most \(PropertySet.capacity) properties")
        self.name = name
        self.summary = summary
        self.properties = properties
        self.isClosed = isClosed
        self.identity = identity
        self.positions = Dictionary(properties.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.requiredPositions = properties.indices.filter { properties[$0].isRequired }
    }

    /// The property with a name, if any.
    public func property(_ name: String) -> Property? { properties.first { $0.name == name } }

    /// The position of the property whose key is `name`, if any.
    func position(named name: String) -> Int? { positions[name] }

    /// Each property's position by its key.
    var positionsByName: [String: Int] { positions }

    /// A set of property positions, in one word.
    struct PropertySet {
        static let capacity = 64
        private var bits: UInt64 = 0

        mutating func insert(_ position: Int) { bits |= 1 << UInt64(position) }
        func contains(_ position: Int) -> Bool { bits & (1 << UInt64(position)) != 0 }
    }
}

/// One named property of an ``ObjectShape``.
public struct Property: Sendable {
    /// The key.
    public let name: String
    /// The value's shape.
    public let shape: Shape
    /// Whether the key must be present.
    public let isRequired: Bool
    /// Whether the value is a timestamp of evidence (a review, a login, a signature): something
    /// that happened, so it can never be later than the evaluation time.
    public let isEvidence: Bool
    /// What the property means, in one sentence.
    public let summary: String
    /// The key as messages quote it: `` `status` ``.
    let label: String

    /// Creates a property.
    public init(_ name: String, _ shape: Shape, required: Bool = false, evidence: Bool = false, _ summary: String = "") {
        self.name = name
        self.shape = shape
        self.isRequired = required
        self.isEvidence = evidence
        self.summary = summary
        self.label = "`" + name + "`"
    }
}
