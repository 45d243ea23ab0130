/// A chain of fields an expression reads from a declared variable, such as `member.contract.signed`
/// or `device.last_patched`: what a failing check can point at in the document.
public struct FieldRead: Sendable, Equatable {
    /// The variable the chain starts at (`member`, `params`, or a `for_each` name).
    public let variable: String
    /// The fields selected, in order; ``element`` stands for an element of a list or a value of a map
    /// (an index such as `member.labels[k]`, or the variable of a macro such as `member.devices.all(d, d.managed)`).
    public let fields: [String]
    /// The UTF-8 offset of the chain in the expression.
    public let offset: Int

    /// The field name that stands for any element of a list or value of a map.
    public static let element = "[]"

    /// Creates a read.
    public init(variable: String, fields: [String], offset: Int) {
        self.variable = variable
        self.fields = fields
        self.offset = offset
    }
}

/// Where an expression reads fields, in source order: a field chain, or a conditional `c ? a : b`
/// kept whole so that a caller who knows the bindings can follow the branch that was taken.
///
/// A struct of optionals rather than an enum, so every reference it holds is a plain pointer.
public struct ReadSite: Sendable {
    /// The field chain, for a site that is one.
    public let field: FieldRead?
    /// The conditional, for a site that is one.
    public let conditional: ConditionalReads?

    /// A field chain.
    public static func field(_ read: FieldRead) -> ReadSite { ReadSite(field: read, conditional: nil) }
    /// A conditional.
    public static func conditional(_ reads: ConditionalReads) -> ReadSite { ReadSite(field: nil, conditional: reads) }
}

/// The reads of a conditional `c ? a : b`, with its condition compiled so it can be evaluated.
public struct ConditionalReads: Sendable {
    /// The condition as a program of its own; `nil` inside a macro, where it depends on a loop variable.
    public let condition: Program?
    /// What the condition reads.
    public let conditionReads: [ReadSite]
    /// What the branch taken when the condition holds reads.
    public let whenTrue: [ReadSite]
    /// What the other branch reads.
    public let whenFalse: [ReadSite]

    /// Creates the reads of a conditional.
    public init(condition: Program?, conditionReads: [ReadSite], whenTrue: [ReadSite], whenFalse: [ReadSite]) {
        self.condition = condition
        self.conditionReads = conditionReads
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }
}
