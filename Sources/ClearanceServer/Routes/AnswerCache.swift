import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import NIOCore
import Synchronization

/// Each person's clearance answer, evaluated and rendered once and reused while it holds, so a request costs a lookup.
///
/// An answer evaluated at time T is checked by evaluating it again at T + ``window``: when both give the same body, it
/// answers every request from T until then; when they differ (a training expires, a start date passes within the
/// window), it answers only requests in the second T, and the next second is evaluated anew. A gate whose outcome
/// changes and changes back within one window is the only one this can miss (docs/server.md). One cache belongs to one
/// snapshot, so a reload starts afresh; answers that are problems (no gate, a step budget) are not kept.
final class AnswerCache: Sendable {
    /// A rendered answer, the seconds it holds for, and its body as answered at the last time it was asked for.
    struct Entry: Sendable {
        /// How many bytes of ``body`` come before its time: the compact JSON without its last `}`, every member but
        /// `evaluatedAt`, which ``stamped(at:)`` replaces.
        let unstampedLength: Int
        /// The `ETag`: the revision and a digest of the body without its time.
        let entityTag: String
        /// The state, for the decision log: `cleared`, `blocked`, `breached`, `not_applicable`.
        let state: String
        /// The first second (since the epoch) the answer holds for.
        let from: Int64
        /// The first second it no longer holds for.
        let until: Int64
        /// The body as answered at ``time``: the kept members, then `"evaluatedAt"`, on one line.
        private(set) var body: ByteBuffer
        /// The time ``body`` is stamped with.
        private(set) var time: Timestamp

        /// An answer evaluated at `time`, its body stamped with that time.
        init(unstamped: ByteBuffer, entityTag: String, state: String, time: Timestamp, until: Int64) {
            unstampedLength = unstamped.readableBytes
            self.entityTag = entityTag
            self.state = state
            from = time.seconds
            self.until = until
            self.time = time
            body = Self.body(unstamped, at: time)
        }

        /// Whether the answer holds at `time`.
        func holds(at time: Timestamp) -> Bool { from <= time.seconds && time.seconds < until }

        /// The entry with its body stamped with `time`.
        func stamped(at time: Timestamp) -> Entry {
            var entry = self
            entry.time = time
            entry.body = Self.body(body.getSlice(at: body.readerIndex, length: unstampedLength)!, at: time)  // safe: the body begins with them
            return entry
        }

        private static func body(_ unstamped: ByteBuffer, at time: Timestamp) -> ByteBuffer {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(unstamped.readableBytes + 40)
            buffer.writeImmutableBuffer(unstamped)
            buffer.writeString(",\"evaluatedAt\":\"\(time.rfc3339)\"}\n")
            return buffer
        }
    }

    /// How long, in seconds, an answer is reused when evaluating it at both ends of that time agrees.
    static let window: Int64 = 60

    /// The most answers kept; past it the cache is emptied and fills again, so its memory stays bounded.
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    /// An empty cache of at most `capacity` answers.
    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// The kept answer for the person with `id` at `time`, its body stamped with `time`; `nil` when none holds then.
    func kept(_ id: String, at time: Timestamp) -> Entry? {
        guard let kept = entries.withLock({ $0[id] }), kept.holds(at: time) else { return nil }
        guard kept.time != time else { return kept }
        let stamped = kept.stamped(at: time)
        entries.withLock { $0[id] = stamped }
        return stamped
    }

    /// The answer for `person` in `snapshot` at `time`, its body stamped with `time`: the kept one when it holds at `time`,
    /// else a new one, kept. Requests at the same time share one body.
    func answer(_ person: InputDocument, in snapshot: ServerSnapshot, at time: Timestamp) throws(Problem) -> Entry {
        if let kept = kept(person.id, at: time) { return kept }
        let answer = try ClearanceAnswer(person, in: snapshot, at: time)
        let unstamped = answer.unstamped.compact
        let end = Timestamp(seconds: time.seconds + Self.window).flatMap { later in
            try? ClearanceAnswer(person, in: snapshot, at: later).unstamped.compact
        }
        let entry = Entry(unstamped: ByteBuffer(string: String(unstamped.dropLast())),
                          entityTag: ClearanceAnswer.entityTag(revision: snapshot.revision, unstamped: unstamped), state: answer.state,
                          time: time, until: time.seconds + (end == unstamped ? Self.window : 1))
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[person.id] = entry
        }
        return entry
    }
}
