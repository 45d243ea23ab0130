/// A runtime error: why an expression could not produce a value, and where in it.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, such as `no such key: ticket` or `division by zero`.
    public var message: String
    /// The UTF-8 byte offset in the expression of the part that failed (-1 when unknown).
    public var offset: Int

    /// Creates an error; library functions leave the offset for the calling node to fill in.
    public init(message: String, offset: Int = -1) {
        self.message = message
        self.offset = offset
    }

    /// The message.
    public var description: String { message }

    /// The same error, placed at `offset` unless it already has a place.
    @inline(__always)
    func placed(at offset: Int) -> EvaluationError {
        guard self.offset < 0 else { return self }
        var copy = self
        copy.offset = offset
        return copy
    }
}
