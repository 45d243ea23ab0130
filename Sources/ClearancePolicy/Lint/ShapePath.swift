import ClearanceCore
import ClearanceExpression

extension Shape {
    /// The shape reached by following `fields` (``LiteralComparison/element`` for any element or
    /// value), or `nil` where the path leaves what the shape describes.
    func following(_ fields: some Sequence<String>) -> Shape? {
        var current = self
        for field in fields {
            switch current.withoutNull {
            case .object(let object):
                guard let property = object.property(field) else { return nil }
                // Evidence from the future reads as null, so even a required evidence field may be null.
                current = property.isEvidence ? .nullable(property.shape) : property.shape
            case .list(let element) where field == LiteralComparison.element:
                current = element
            case .dictionary(let value):
                current = value
            default:
                return nil
            }
        }
        return current
    }

    /// The shape without its `nullable`.
    var withoutNull: Shape {
        if case .nullable(let shape) = self { return shape.withoutNull }
        return self
    }

    /// Whether a value of this shape may be null.
    var allowsNull: Bool {
        switch self {
        case .nullable, .any: true
        default: false
        }
    }

    /// Whether a value of this shape can equal `literal`, or why not: `nil` when it can, else what
    /// the shape holds instead, in words.
    func reasonNeverEqual(to literal: Value) -> String? {
        if case .null = literal { return allowsNull ? nil : "it is never null (\(summary))" }
        switch (withoutNull, literal) {
        case (.any, _), (.expression, _), (.template, _):
            return nil
        case (.string(let allowed?), .string(let text)):
            guard !allowed.contains(text) else { return nil }
            return "it is one of " + allowed.map { "'\($0)'" }.joined(separator: ", ") + Suggestion.didYouMean(text, among: allowed)
        case (.string, .string), (.pattern, .string), (.boolean, .bool), (.integer, .int), (.integer, .uint), (.integer, .double):
            return nil
        case (let shape, _):
            return "it is \(shape.summary), never \(literal.kindName)"
        }
    }
}

extension Value {
    /// The kind of a literal in words: "a string", "an integer".
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .int, .uint: "an integer"
        case .double: "a number with a fraction"
        case .string: "a string"
        default: "bytes"
        }
    }
}
