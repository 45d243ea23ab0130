import ClearanceRegex
import Synchronization

/// Compiled regexes by pattern, so `matches` with a pattern that is not a literal (such as
/// `params.ticket_pattern`) compiles it once, not once per call. Each such call site of a
/// program keeps its own.
///
/// Bounded: past `capacity` patterns the cache starts over, so patterns built from input cannot
/// grow it without limit.
final class RegexCache: Sendable {
    private static let capacity = 256
    private let regexes = Mutex<[String: LinearRegex]>([:])

    /// The compiled regex of a pattern; a syntax error is an evaluation error (and is not cached).
    func regex(_ pattern: String) throws(EvaluationError) -> LinearRegex {
        if let known = regexes.withLock({ $0[pattern] }) { return known }
        let compiled = try StandardLibrary.compileRegex(pattern)
        regexes.withLock { regexes in
            if regexes.count >= Self.capacity { regexes.removeAll(keepingCapacity: true) }
            regexes[pattern] = compiled
        }
        return compiled
    }
}
