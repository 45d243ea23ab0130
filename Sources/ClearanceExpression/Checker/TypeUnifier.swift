/// Matches argument types against an overload's parameter types, binding type parameters.
struct TypeUnifier {
    /// Type parameter bindings so far.
    private(set) var bindings: [String: ExpressionType] = [:]
    /// Whether numbers of different kinds, and null, count as matching (for `==`, `!=`, `in`, `[]`).
    let relaxed: Bool

    init(relaxed: Bool) { self.relaxed = relaxed }

    /// Whether `type` fits `spec`, recording bindings; a `dyn` fits anything.
    mutating func unify(_ spec: TypeSpec, _ type: ExpressionType) -> Bool {
        switch spec {
        case .type(let expected):
            return Self.assignable(type, to: expected, relaxed: relaxed)
        case .param(let name):
            guard let bound = bindings[name] else {
                bindings[name] = type
                return true
            }
            if bound == .dyn { return true }
            if type == .dyn {
                bindings[name] = .dyn
                return true
            }
            return Self.assignable(type, to: bound, relaxed: relaxed) || Self.assignable(bound, to: type, relaxed: relaxed)
        case .list(let element):
            switch type {
            case .dyn: return unify(element, .dyn)
            case .list(let actual): return unify(element, actual)
            default: return false
            }
        case .map(let key, let value):
            switch type {
            case .dyn: return unify(key, .dyn) && unify(value, .dyn)
            case .map(let k, let v): return unify(key, k) && unify(value, v)
            case .object: return unify(key, .string) && unify(value, .dyn)
            default: return false
            }
        }
    }

    /// The result type of a matched overload, with its type parameters substituted.
    func substitute(_ spec: TypeSpec) -> ExpressionType {
        switch spec {
        case .type(let type): type
        case .param(let name): bindings[name] ?? .dyn
        case .list(let element): .list(substitute(element))
        case .map(let key, let value): .map(substitute(key), substitute(value))
        }
    }

    /// Whether a value of type `type` can be used where `expected` is.
    static func assignable(_ type: ExpressionType, to expected: ExpressionType, relaxed: Bool) -> Bool {
        if type == expected || type == .dyn || expected == .dyn { return true }
        if relaxed {
            if type.isNumeric && expected.isNumeric { return true }
            if type == .null || expected == .null { return true }
        }
        switch (type, expected) {
        case (.list(let a), .list(let b)): return assignable(a, to: b, relaxed: relaxed)
        case (.map(let ak, let av), .map(let bk, let bv)):
            return assignable(ak, to: bk, relaxed: relaxed) && assignable(av, to: bv, relaxed: relaxed)
        case (.object, .map(let key, let value)), (.map(let key, let value), .object):
            return assignable(key, to: .string, relaxed: relaxed) && value == .dyn
        default: return false
        }
    }

    /// The common type of two branches or elements: the type itself when they agree, else `dyn`.
    static func join(_ a: ExpressionType, _ b: ExpressionType) -> ExpressionType {
        if a == b { return a }
        switch (a, b) {
        case (.list(let x), .list(let y)): return .list(join(x, y))
        case (.map(let xk, let xv), .map(let yk, let yv)): return .map(join(xk, yk), join(xv, yv))
        default: return .dyn
        }
    }
}
