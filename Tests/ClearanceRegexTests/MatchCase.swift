import ClearanceRegex
import Testing

/// One row of the match tables: a pattern, a text, and whether the pattern matches in it.
struct MatchCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let text: String
    let expected: Bool

    var testDescription: String { "\(pattern) in \(text.debugDescription): \(expected)" }

    /// The pattern matches somewhere in `text`.
    static func match(_ pattern: String, _ text: String) -> MatchCase {
        MatchCase(pattern: pattern, text: text, expected: true)
    }

    /// The pattern matches nowhere in `text`.
    static func noMatch(_ pattern: String, _ text: String) -> MatchCase {
        MatchCase(pattern: pattern, text: text, expected: false)
    }
}

@Suite struct MatchTableTests {
    @Test(arguments: MatchCase.cel + MatchCase.syntax + MatchCase.repetition + MatchCase.assertions)
    func syntax(_ row: MatchCase) throws {
        #expect(try LinearRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: MatchCase.classes + MatchCase.unicode + MatchCase.caseFolding + MatchCase.flags)
    func classes(_ row: MatchCase) throws {
        #expect(try LinearRegex(row.pattern).matches(row.text) == row.expected)
    }
}
