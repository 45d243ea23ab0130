import ClearanceCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The decision log: one JSON line per answer the server decided (a person's clearance, a check), appended to a file.
/// Every string in a line is JSON-escaped, so nothing from a request can start a line or forge a field.
public final class DecisionLog: Sendable {
    /// One decision.
    public struct Decision: Sendable {
        /// The route's template: `GET /v1/people/{id}/clearance`.
        public var route: String
        /// What was decided about: the person's id, or the checked documents' kinds and ids.
        public var subject: String
        /// The result: the gate's state, `pass`/`fail` for a check, or the problem's kind.
        public var result: String
        /// The snapshot revision answered from, if one was loaded.
        public var revision: String?
        /// The id of the caller's token (`nil` without authentication).
        public var caller: String?
    }

    private let descriptor: Int32
    private let sequence = Mutex<UInt64>(0)
    private let prefix: String
    private let clock: @Sendable () -> Timestamp

    /// A log appending to `path` (created with mode 0600 when missing); `clock` stamps each line.
    public init(path: String, clock: @escaping @Sendable () -> Timestamp) throws(Diagnostic) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw Diagnostic(code: "serve.decision-log", message: "cannot open the decision log \(VisibleText.escaped(path)): \(String(cString: strerror(errno)))", file: path)
        }
        self.descriptor = descriptor
        self.clock = clock
        // Decision ids are unique across restarts: the start time, then a counter.
        prefix = String(clock().seconds, radix: 36) + "-" + String(getpid(), radix: 36) + "-"
    }

    deinit { close(descriptor) }

    /// Appends one line for a decision and returns its id.
    @discardableResult
    public func record(_ decision: Decision) -> String {
        let id: String = sequence.withLock { counter in
            counter += 1
            return prefix + String(counter)
        }
        let json = JSONText.object([
            ("decision", .string(id)), ("time", .string(clock().rfc3339)), ("route", .string(decision.route)),
            ("subject", .string(decision.subject)), ("result", .string(decision.result)),
            ("revision", .optional(decision.revision)), ("caller", .optional(decision.caller)),
        ])
        let line = json.compact + "\n"
        // One write per line in append mode: lines from concurrent requests never interleave.
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in write(descriptor, buffer.baseAddress, buffer.count - 1) }
        return id
    }
}
