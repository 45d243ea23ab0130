/// What identifies the elements of a document's list apart from their position, as the document shapes declare it.
public enum ElementIdentity: Sendable, Equatable {
    /// Mappings identified by these fields (a member's grant: system, resource and role).
    case fields([String])
    /// Scalars identified by their value (an MFA factor).
    case value
    /// Nothing is declared: a scalar element is identified by its value, anything else by its position.
    case undeclared

    /// The identity of the elements of the list at `fieldPath` (such as `access`) in documents of `kind`;
    /// a list that is not a plain field path is ``undeclared``.
    public init(kind: KindDescriptor?, fieldPath: String?) {
        guard let fieldPath, let shape = kind?.shape,
              case .list(let element)? = Shape.object(shape).following(fieldPath.split(separator: ".").map(String.init))?.withoutNull else {
            self = .undeclared
            return
        }
        switch element.withoutNull {
        case .object(let object): self = object.identity.isEmpty ? .undeclared : .fields(object.identity)
        case .string, .pattern, .boolean, .integer, .timestamp: self = .value
        default: self = .undeclared
        }
    }
}
