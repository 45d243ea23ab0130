import ClearanceCore
import ClearanceExpression

/// An expression of a policy, compiled once, with where it was written.
public struct CompiledExpression: Sendable {
    /// The expression as written.
    public let source: String
    /// The compiled program.
    public let program: Program
    /// Where the expression's scalar starts in the policy file.
    public let location: SourceLocation
}

/// A rule's `for_each`: the loop variable and the list expression.
public struct ForEach: Sendable {
    /// The name bound to each element.
    public let variable: String
    /// The expression that yields the list.
    public let list: CompiledExpression
    /// The document field path the list comes from (`devices`, `identity.mfa`), when it is a plain field path.
    public let fieldPath: String?
}

/// A rule's message: literal text and `{{ expression }}` parts.
public struct MessageTemplate: Sendable {
    /// One piece of a message.
    public enum Part: Sendable {
        case text(String)
        /// An expression's program, with its text as written (`{{member.id}}`) for when it cannot be evaluated.
        case expression(Program, written: String)
    }

    /// The parts in order.
    public let parts: [Part]
    /// The message as written.
    public let source: String
}
