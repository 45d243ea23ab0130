/// Why a history could not be opened, read or written; the command line ends the run with exit 2 and the message.
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable {
        /// The file or database holds something that is not a Clearance history; it is left untouched.
        case foreign = "history.foreign"
        /// The history was written by a newer Clearance (a schema version this one does not know); it is left untouched.
        case newerSchema = "history.newer-schema"
        /// The store could not be opened or reached.
        case unavailable = "history.unavailable"
        /// The SQLite file is damaged (truncated, corrupt).
        case corrupt = "history.corrupt"
        /// A statement failed.
        case failed = "history.failed"
        /// A run or argument named something the history does not hold.
        case notFound = "history.not-found"
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in words a person understands.
    public var message: String
    /// The store it is about: the SQLite file as named, or the PostgreSQL URL without its password.
    public var store: String

    /// Creates an error about `store`.
    public init(_ code: Code, _ message: String, store: String) {
        self.code = code
        self.message = message
        self.store = store
    }

    public var description: String { "\(store): \(message)" }
}
