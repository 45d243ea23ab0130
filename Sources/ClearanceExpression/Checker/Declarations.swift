import ClearanceDocument

/// The variables an expression may use, each with a type and a slot in ``Bindings``, and the
/// symbol table of the documents it will read (its field names are resolved there once).
///
/// Names may be qualified (`a.b.c`): an expression that says `a.b.c` then reads that variable,
/// preferring the longest declared prefix, as CEL resolves qualified names.
public struct Declarations: Sendable {
    private(set) var names: [String] = []
    private(set) var types: [ExpressionType] = []
    /// The values of variables declared as constants, by slot.
    private(set) var constants: [Value?] = []
    private var slots: [String: Int] = [:]
    /// The table field names become symbols of: the one the documents read are loaded with
    /// (documents of another table are read by name, more slowly).
    public let symbols: SymbolTable

    /// No variables, for documents whose keys are symbols of `symbols`.
    public init(symbols: SymbolTable) { self.symbols = symbols }

    /// Declares a variable (or changes the type of one already declared) and returns its slot.
    @discardableResult
    public mutating func declare(_ name: String, as type: ExpressionType) -> Int {
        declare(name, as: type, constant: nil)
    }

    /// Declares a variable whose value is known when expressions compile (a policy's `params`),
    /// so that calls on it fold once: `duration(params.max_age)` becomes a constant, a pattern
    /// from params is compiled once, `x in params.list` becomes a set lookup. The slot is still
    /// bound at evaluation like any other.
    @discardableResult
    public mutating func declare(_ name: String, as type: ExpressionType, constant: Value?) -> Int {
        if let slot = slots[name] {
            types[slot] = type
            constants[slot] = constant
            return slot
        }
        slots[name] = names.count
        names.append(name)
        types.append(type)
        constants.append(constant)
        return names.count - 1
    }

    /// The slot of a declared variable, or `nil`.
    public func slot(of name: String) -> Int? { slots[name] }

    /// The declared type of a variable, or `nil`.
    public func type(of name: String) -> ExpressionType? { slots[name].map { types[$0] } }

    /// The declared names in slot order.
    public var declaredNames: [String] { names }

    /// The number of slots.
    public var count: Int { names.count }
}
