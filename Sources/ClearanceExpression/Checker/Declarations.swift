/// The variables an expression may use, each with a type and a slot in ``Bindings``.
///
/// Names may be qualified (`a.b.c`): an expression that says `a.b.c` then reads that variable,
/// preferring the longest declared prefix, as CEL resolves qualified names.
public struct Declarations: Sendable {
    private(set) var names: [String] = []
    private(set) var types: [ExpressionType] = []
    private var slots: [String: Int] = [:]

    /// No variables.
    public init() {}

    /// Declares a variable (or changes the type of one already declared) and returns its slot.
    @discardableResult
    public mutating func declare(_ name: String, as type: ExpressionType) -> Int {
        if let slot = slots[name] {
            types[slot] = type
            return slot
        }
        slots[name] = names.count
        names.append(name)
        types.append(type)
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
