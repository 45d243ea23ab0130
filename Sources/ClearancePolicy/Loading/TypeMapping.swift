import ClearanceExpression

/// The expression types of documents, made from their shapes: field names are checked when a
/// policy loads, leaf values stay dynamic (any of them may be null).
enum TypeMapping {
    /// The type of each of `kinds`, made once (one ``ObjectType`` per shape, shared by every kind
    /// and field that holds it), for a registry to keep.
    static func types(of kinds: [KindDescriptor]) -> [DocumentKind: ExpressionType] {
        var made: [ObjectIdentifier: ObjectType] = [:]
        var types: [DocumentKind: ExpressionType] = [:]
        for kind in kinds { types[kind.kind] = type(of: .object(kind.shape), made: &made) }
        return types
    }

    /// The type of a shape; `made` holds the object types made so far, so each shape has one.
    private static func type(of shape: Shape, made: inout [ObjectIdentifier: ObjectType]) -> ExpressionType {
        switch shape {
        case .nullable(let inner): return type(of: inner, made: &made)
        case .list(let element): return .list(type(of: element, made: &made))
        case .dictionary(let value): return .map(.string, type(of: value, made: &made))
        case .object(let object):
            if let known = made[ObjectIdentifier(object)] { return .object(known) }
            var fields: [String: ExpressionType] = [:]
            for property in object.properties { fields[property.name] = type(of: property.shape, made: &made) }
            let type = ObjectType(name: object.name, fields: fields, isOpen: !object.isClosed)
            made[ObjectIdentifier(object)] = type
            return .object(type)
        default: return .dyn
        }
    }
}
