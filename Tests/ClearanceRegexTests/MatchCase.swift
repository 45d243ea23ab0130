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

/// A regex keeps what its searches learnt (its states, where each ends in a match) for the next search: one regex per
/// pattern, searching every text of the tables for that pattern one after another, forwards then backwards, answers
/// each exactly as a fresh one does.
@Suite struct WarmCacheTests {
    @Test func aRegexReusedAcrossTextsAnswersAsAFreshOne() throws {
        let rows = MatchCase.cel + MatchCase.syntax + MatchCase.repetition + MatchCase.assertions + MatchCase.classes + MatchCase.unicode
            + MatchCase.caseFolding + MatchCase.flags
        let byPattern = Dictionary(grouping: rows, by: \.pattern)
        var reused = 0
        for (pattern, cases) in byPattern where cases.count > 1 {
            let regex = try LinearRegex(pattern)
            for row in cases + cases.reversed() {
                #expect(regex.matches(row.text) == row.expected, "\(row.testDescription)")
            }
            reused += 1
        }
        #expect(reused > 20)  // the tables hold many patterns with several texts each
    }
}
