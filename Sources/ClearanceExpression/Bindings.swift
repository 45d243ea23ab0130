/// The values of an expression's variables, by slot; build once per document and reuse across programs.
public struct Bindings: Sendable {
    var values: [Value?]

    /// Bindings with a slot for every declared variable, all unbound.
    public init(_ declarations: Declarations) {
        values = Array(repeating: nil, count: declarations.count)
    }

    /// The value in a slot (`null` when unbound); setting a slot past the end grows the bindings.
    public subscript(slot: Int) -> Value {
        get { slot >= 0 && slot < values.count ? values[slot] ?? .null : .null }
        set {
            guard slot >= 0 else { return }
            if slot >= values.count { values += Array(repeating: nil, count: slot - values.count + 1) }
            values[slot] = newValue
        }
    }

    /// Whether a value is bound in a slot.
    public func isBound(_ slot: Int) -> Bool { slot >= 0 && slot < values.count && values[slot] != nil }

    /// Clears a slot.
    public mutating func unbind(_ slot: Int) {
        if slot >= 0 && slot < values.count { values[slot] = nil }
    }
}

/// How ``Program/compile(_:declarations:options:)`` compiles and how evaluation is bounded.
public struct CompileOptions: Sendable {
    /// Whether to type-check; without it unknown names and functions fail only when evaluated.
    public var checksTypes = true
    /// The most steps one evaluation may take (roughly, expression nodes evaluated).
    public var stepBudget = 1_000_000
    /// The longest expression accepted, in UTF-8 bytes.
    public var maximumLength = 100_000
    /// The deepest nesting accepted.
    public var maximumDepth = 250

    /// The defaults: checked, 1,000,000 steps, 100,000 bytes, 250 levels.
    public init() {}
}
