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
