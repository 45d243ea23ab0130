import ClearanceExpression
import Synchronization

/// The expression types of documents, made from their shapes: field names are checked when a
/// policy loads, leaf values stay dynamic (any of them may be null).
enum TypeMapping {
    private static let cache = Mutex<[ObjectIdentifier: ObjectType]>([:])

    /// The type of documents of a shape.
    static func type(of shape: ObjectShape) -> ExpressionType { type(of: .object(shape)) }

    /// The type of a shape.
    static func type(of shape: Shape) -> ExpressionType {
        switch shape {
        case .nullable(let inner): return type(of: inner)
        case .list(let element): return .list(type(of: element))
        case .dictionary(let value): return .map(.string, type(of: value))
        case .object(let object): return .object(objectType(object))
        default: return .dyn
        }
    }

    private static func objectType(_ shape: ObjectShape) -> ObjectType {
        if let known = cache.withLock({ $0[ObjectIdentifier(shape)] }) { return known }
        var fields: [String: ExpressionType] = [:]
        for property in shape.properties { fields[property.name] = type(of: property.shape) }
        let made = ObjectType(name: shape.name, fields: fields, isOpen: !shape.isClosed)
        return cache.withLock { cache in
            if let known = cache[ObjectIdentifier(shape)] { return known }
            cache[ObjectIdentifier(shape)] = made
            return made
        }
    }
}
