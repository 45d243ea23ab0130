/// Every way a pattern can be rejected, worded as Go's regexp (and so cel-go) words it.
///
/// The messages live here and only here; a case with text appends the offending part of the pattern.
enum RegexErrorKind: Equatable {
    /// A `(` is never closed.
    case missingParen
    /// A `)` closes nothing.
    case unexpectedParen
    /// A `[` is never closed.
    case missingBracket
    /// A backslash ends the pattern.
    case trailingBackslash
    /// An escape RE2 does not know, such as a backreference `\1`.
    case invalidEscape(String)
    /// A range out of order (`z-a`), or an unknown class name (`\p{Foo}`, `[:foo:]`).
    case invalidClassRange(String)
    /// Group syntax RE2 does not support, such as lookaround `(?=`.
    case invalidPerlSyntax(String)
    /// A `(?P<name>` whose name is empty, unclosed or not made of word characters.
    case invalidNamedCapture(String)
    /// A repetition operator applied to another (`a**`, possessive `a*+`).
    case invalidNestedRepetition
    /// A count above 1000, `{2,1}`, or nested counts whose product is above 1000.
    case invalidRepeatCount
    /// A repetition operator with nothing before it to repeat.
    case missingRepeatArgument
    /// Groups nested more than 1000 deep.
    case nestingTooDeep
    /// A program of more than 10,000 instructions, usually from nested repetition.
    case tooLarge

    /// The message shown to the user.
    var message: String {
        switch self {
        case .missingParen: "missing closing )"
        case .unexpectedParen: "unexpected )"
        case .missingBracket: "missing closing ]"
        case .trailingBackslash: "trailing backslash at end of expression"
        case .invalidEscape(let text): "invalid escape sequence: \(text)"
        case .invalidClassRange(let text): "invalid character class range: \(text)"
        case .invalidPerlSyntax(let text): "invalid or unsupported Perl syntax: \(text)"
        case .invalidNamedCapture(let text): "invalid named capture: \(text)"
        case .invalidNestedRepetition: "invalid nested repetition operator"
        case .invalidRepeatCount: "invalid repeat count"
        case .missingRepeatArgument: "missing argument to repetition operator"
        case .nestingTooDeep: "expression nests too deeply"
        case .tooLarge: "regular expression too large"
        }
    }
}
