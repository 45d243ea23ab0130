/// A regular expression in RE2 syntax, matched in time linear in the text (no backtracking).
///
/// STAND-IN: this placeholder delegates to Swift's backtracking `Regex` until the linear
/// engine lands; the API is final.
public struct LinearRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    private let compiled: @Sendable (String) -> Bool

    /// Compiles a pattern written in RE2 syntax.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        guard let regex = try? Regex(pattern) else { throw RegexSyntaxError(message: "invalid regular expression", offset: 0) }
        nonisolated(unsafe) let unsafeRegex = regex
        compiled = { text in text.contains(unsafeRegex) }
    }

    /// Whether the pattern matches anywhere in `text` (an unanchored search, as CEL's `matches`).
    public func matches(_ text: String) -> Bool { compiled(text) }
}

/// Why a pattern could not be compiled, and where in it (a UTF-8 byte offset).
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the pattern.
    public let message: String
    /// The UTF-8 byte offset in the pattern where the problem was found.
    public let offset: Int

    /// Creates an error.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message.
    public var description: String { message }
}
