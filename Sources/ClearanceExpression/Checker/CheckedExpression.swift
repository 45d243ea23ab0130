/// What a name in an expression refers to, as the checker resolved it.
enum Reference: Sendable {
    /// A declared variable, read from its slot in the bindings.
    case variable(slot: Int, name: String)
    /// A loop variable of a macro, read from its slot in the evaluation frame.
    case local(slot: Int, name: String)
    /// A type denotation such as `int` or `google.protobuf.Timestamp`.
    case type(TypeValue)
    /// A name nothing declares; evaluating it is an error (only without type checking).
    case undeclared(String)
}

/// A parsed expression with the checker's side tables: types, references and overload candidates.
struct CheckedExpression: Sendable {
    /// The parse result.
    let parsed: ParsedExpression
    /// The type of each node, by id (`dyn` where unknown or unchecked).
    var types: [ExpressionType]
    /// What each identifier (or qualified name, at its last select) refers to.
    var references: [Int: Reference] = [:]
    /// The overloads each call may dispatch to; empty for an unknown function.
    var candidates: [Int: [Overload]] = [:]
    /// The slots of each comprehension's loop variables.
    var loopSlots: [Int: (first: Int, second: Int?)] = [:]
    /// The number of loop-variable slots evaluation needs.
    var localCount = 0
    /// Whether types were checked (otherwise every type is `dyn` and calls dispatch at runtime).
    let isChecked: Bool

    /// The type of a node.
    func type(of expr: Expr) -> ExpressionType { types[expr.id] }
}
