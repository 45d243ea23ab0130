import ClearanceRegex
import Testing

/// Patterns and texts that make backtracking engines take exponential time or memory.
/// These assert results only: a regression shows up as a hang, not a failed timing.
@Suite struct HostileInputTests {
    @Test func nestedPlusBeforeAnchorFails() throws {
        let regex = try LinearRegex("(a+)+$")
        #expect(!regex.matches(String(repeating: "a", count: 30_000) + "!"))
        #expect(regex.matches(String(repeating: "a", count: 30_000)))
    }

    @Test func overlappingAlternationFails() throws {
        let regex = try LinearRegex("(a|aa)*b")
        #expect(!regex.matches(String(repeating: "a", count: 10_000)))
        #expect(regex.matches(String(repeating: "a", count: 10_000) + "b"))
    }

    @Test func doubledPlusFails() throws {
        let regex = try LinearRegex("(x+x+)+y")
        #expect(!regex.matches(String(repeating: "x", count: 5_000)))
        #expect(regex.matches(String(repeating: "x", count: 5_000) + "y"))
    }

    @Test func repeatedStarCompiles() throws {
        let regex = try LinearRegex("(.*){1000}")
        #expect(regex.matches(""))
        #expect(regex.matches("abc"))
        #expect(try !LinearRegex("^(.*){1000}x$").matches("abc\n"))
    }

    @Test func emailAtTheEndOfAMegabyte() throws {
        let regex = try LinearRegex(#"[a-z]+@[a-z]+\.com$"#)
        let filler = String(repeating: "abcdefgh@ijk.", count: 80_000)  // 1,040,000 scalars
        #expect(regex.matches(filler + "user@example.com"))
        #expect(!regex.matches(filler + "user@example.co"))
    }

    @Test func exponentiallyManyStateSetsStayCorrect() throws {
        // Every a/b text position starts a different set of threads: the DFA cache keeps missing,
        // and the search goes on with the plain simulation.
        var seed: UInt32 = 1
        let text = String((0..<10_000).map { _ -> Character in
            seed = seed &* 1_103_515_245 &+ 12_345
            return (seed >> 16) & 1 == 0 ? "a" : "b"
        })
        let regex = try LinearRegex("[ab]*a[ab]{12}c")
        #expect(!regex.matches(text))
        #expect(regex.matches(text + "a" + String(repeating: "b", count: 12) + "c"))
        #expect(!regex.matches(text + String(repeating: "b", count: 13) + "c"))
    }

    @Test func bracketsWithoutNamedClassEndStayLinear() throws {
        let regex = try LinearRegex("[" + String(repeating: "[:", count: 10_000) + "x]")
        #expect(regex.matches(":"))
        #expect(!regex.matches("a"))
    }

    @Test func nestedCountsAreBounded() {
        #expect(throws: RegexSyntaxError.self) { try LinearRegex("((a{1000}){1000}){1000}") }
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(#"(\d+-\d+-\d+-\d+){1000}"#) }
    }
}
