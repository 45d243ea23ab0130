/// A literal value written in an expression.
enum Constant: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
}

/// A node of a parsed expression; positions and types live in side tables keyed by ``id``.
struct Expr: Sendable {
    /// What the node is.
    indirect enum Kind: Sendable {
        case constant(Constant)
        case ident(String)
        /// `operand.field`; with `testOnly` it is the presence test `has(operand.field)`.
        case select(operand: Expr, field: String, testOnly: Bool)
        /// A function or operator call; operators use names like `_+_`, receiver calls have a target.
        case call(function: String, target: Expr?, args: [Expr])
        case list([Expr])
        case map([MapEntry])
        case comprehension(Comprehension)
    }

    /// The node's identity, an index into the side tables.
    let id: Int
    /// What the node is.
    let kind: Kind
}

/// One `key: value` entry of a map literal.
struct MapEntry: Sendable {
    let id: Int
    let key: Expr
    let value: Expr
}

/// A macro expanded into a loop over a list or a map (`all`, `exists`, `map`, `filter`, ...).
struct Comprehension: Sendable {
    /// Which macro the loop came from; it decides how the body's results combine.
    enum Kind: String, Sendable {
        case all, exists, existsOne, map, filter, transformList, transformMap
    }

    let kind: Kind
    /// The macro's name as written, for messages.
    let macro: String
    /// The list or map iterated over.
    let range: Expr
    /// The first loop variable: the element (one-variable form), or the index or key.
    let variable: String
    /// The second loop variable of two-variable forms: the element or value.
    let variable2: String?
    /// An optional filter that decides which elements the body applies to (`map(x, p, t)`).
    let filter: Expr?
    /// The predicate or the transform.
    let body: Expr
}

/// Operator function names, as CEL spells them.
enum Operator {
    static let conditional = "_?_:_"
    static let logicalAnd = "_&&_"
    static let logicalOr = "_||_"
    static let logicalNot = "!_"
    static let negate = "-_"
    static let equals = "_==_"
    static let notEquals = "_!=_"
    static let less = "_<_"
    static let lessEquals = "_<=_"
    static let greater = "_>_"
    static let greaterEquals = "_>=_"
    static let add = "_+_"
    static let subtract = "_-_"
    static let multiply = "_*_"
    static let divide = "_/_"
    static let modulo = "_%_"
    static let index = "_[_]"
    static let `in` = "@in"

    /// How an operator reads in messages: `+` rather than `_+_`.
    static func display(_ function: String) -> String {
        switch function {
        case conditional: "?:"
        case index: "[]"
        case `in`: "in"
        case negate: "-"
        case logicalNot: "!"
        default:
            function.hasPrefix("_") && function.hasSuffix("_") && function.count > 2
                ? String(function.dropFirst().dropLast()) : function
        }
    }
}
