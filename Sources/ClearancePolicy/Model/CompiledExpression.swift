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

    /// The message as written.
    public let source: String
    /// The parts, as the texts around the expressions and their programs.
    public let pieces: MessagePieces

    /// A template of `parts` in order, written as `source`.
    public init(parts: [Part], source: String) {
        self.source = source
        pieces = MessagePieces(parts)
    }
}

/// A message template's parts as the texts around its expressions and the expressions' programs, also unretained
/// (``programs`` keeps them): read through an unretained reference (``Rule/unretainedMessage``), a message filled on every
/// thread counts no reference to the rule's shared parts.
public final class MessagePieces: Sendable {
    /// The text before each expression, then the text after the last (one more than there are expressions).
    public let texts: [String]
    /// Each expression's program.
    public let programs: [Program]
    /// ``programs``, unretained.
    public let unretainedPrograms: [Unmanaged<Program>]
    /// Each expression as written, for when it cannot be evaluated.
    public let written: [String]
    /// How many UTF-8 bytes the texts hold together.
    public let textLength: Int

    init(_ parts: [MessageTemplate.Part]) {
        var texts = [""], programs: [Program] = [], written: [String] = []
        for part in parts {
            switch part {
            case .text(let text): texts[texts.count - 1] += text
            case .expression(let program, let text):
                programs.append(program)
                written.append(text)
                texts.append("")
            }
        }
        self.texts = texts
        textLength = texts.reduce(0) { $0 + $1.utf8.count }
        self.written = written
        self.programs = programs
        unretainedPrograms = programs.map { .passUnretained($0) }
    }
}
