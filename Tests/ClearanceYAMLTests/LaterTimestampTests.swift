import ClearanceCore
import ClearanceDocument
import Testing

/// `Document.hasTimestamp(after:)` says whether any timestamp of a document, anywhere in it, is later than a time: a date
/// alone counts as its midnight, a date-time to the nanosecond; other values that look like dates do not count.
@Suite("Timestamps later than a time")
struct LaterTimestampTests {
    static func document(_ text: String) throws -> Document {
        try #require(try YAMLLoader(symbols: SymbolTable()).load(text: text, name: "a.yaml").first)
    }

    static func time(_ text: String) throws -> Timestamp {
        guard case .timestamp(let time) = TimestampSyntax.parse(text, allowDate: false) else { throw Unreadable(text: text) }
        return time
    }

    struct Unreadable: Error { let text: String }

    @Test("A date alone is its midnight: later only from the day after the time's")
    func dateAlone() throws {
        let document = try Self.document("id: ana\naccess:\n  - last_review: {date: 2026-11-20}\n")
        #expect(document.hasTimestamp(after: try Self.time("2026-11-19T23:59:59.999999999Z")))
        #expect(!document.hasTimestamp(after: try Self.time("2026-11-20T00:00:00Z")))
        #expect(!document.hasTimestamp(after: try Self.time("2026-11-20T00:00:00.5Z")))
    }

    @Test("A date-time is compared to the nanosecond, wherever it is in the document")
    func dateTime() throws {
        let document = try Self.document("id: ana\nnested:\n  - [1, {deep: {at: 2026-11-20T10:00:00.25Z}}]\nafter: 2020-01-01\n")
        #expect(document.hasTimestamp(after: try Self.time("2026-11-20T10:00:00.249Z")))
        #expect(!document.hasTimestamp(after: try Self.time("2026-11-20T10:00:00.25Z")))
    }

    @Test("Quoted dates, numbers and documents without timestamps have none")
    func noTimestamp() throws {
        let early = try Self.time("1970-01-01T00:00:00Z")
        #expect(!(try Self.document("id: ana\nsaid: '2030-01-01'\ncount: 99999999999\n").hasTimestamp(after: early)))
        #expect(!(try Self.document("[]\n").hasTimestamp(after: early)))
    }
}
