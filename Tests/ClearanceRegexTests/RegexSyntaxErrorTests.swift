import ClearanceRegex
import Testing

/// A pattern RE2 rejects, with the whole message and the UTF-8 byte offset expected.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let message: String
    let offset: Int

    var testDescription: String { "\(pattern): \(message) at \(offset)" }

    init(_ pattern: String, _ message: String, at offset: Int) {
        self.pattern = pattern
        self.message = message
        self.offset = offset
    }

    static let all: [ErrorCase] = [
        ErrorCase("(abc", "missing closing )", at: 0),
        ErrorCase("a(b(c)", "missing closing )", at: 1),
        ErrorCase("é(", "missing closing )", at: 2),
        ErrorCase("abc)", "unexpected )", at: 3),
        ErrorCase("[abc", "missing closing ]", at: 0),
        ErrorCase("x[a-", "missing closing ]", at: 1),
        ErrorCase("[]", "missing closing ]", at: 0),
        ErrorCase("a**", "invalid nested repetition operator", at: 2),
        ErrorCase("a*+", "invalid nested repetition operator", at: 2),
        ErrorCase("a++", "invalid nested repetition operator", at: 2),
        ErrorCase("a?*", "invalid nested repetition operator", at: 2),
        ErrorCase("a*??", "invalid nested repetition operator", at: 3),
        ErrorCase("a{2}*", "invalid nested repetition operator", at: 4),
        ErrorCase("a{2}{3}", "invalid nested repetition operator", at: 4),
        ErrorCase("*a", "missing argument to repetition operator", at: 0),
        ErrorCase("a|*", "missing argument to repetition operator", at: 2),
        ErrorCase("(+)", "missing argument to repetition operator", at: 1),
        ErrorCase("{2}", "missing argument to repetition operator", at: 0),
        ErrorCase("a{1001}", "invalid repeat count", at: 1),
        ErrorCase("a{2,1}", "invalid repeat count", at: 1),
        ErrorCase("a{1000,1001}", "invalid repeat count", at: 1),
        ErrorCase("a{99999999999}", "invalid repeat count", at: 1),
        ErrorCase("(a{100}){11}", "invalid repeat count", at: 8),
        ErrorCase("((a{10}){10}){11}", "invalid repeat count", at: 13),
        ErrorCase(#"\1"#, #"invalid escape sequence: \1"#, at: 0),
        ErrorCase(#"(a)\1"#, #"invalid escape sequence: \1"#, at: 3),
        ErrorCase(#"ñ\8"#, #"invalid escape sequence: \8"#, at: 2),
        ErrorCase(#"\k<name>"#, #"invalid escape sequence: \k"#, at: 0),
        ErrorCase(#"\C"#, #"invalid escape sequence: \C"#, at: 0),
        ErrorCase(#"\Z"#, #"invalid escape sequence: \Z"#, at: 0),
        ErrorCase(#"\é"#, #"invalid escape sequence: \é"#, at: 0),
        ErrorCase(#"\xZZ"#, #"invalid escape sequence: \xZZ"#, at: 0),
        ErrorCase(#"\x{}"#, #"invalid escape sequence: \x{}"#, at: 0),
        ErrorCase(#"\x{110000}"#, #"invalid escape sequence: \x{110000"#, at: 0),
        ErrorCase(#"[\b]"#, #"invalid escape sequence: \b"#, at: 1),
        ErrorCase(#"\"#, "trailing backslash at end of expression", at: 0),
        ErrorCase(#"ab\"#, "trailing backslash at end of expression", at: 2),
        ErrorCase("(?=a)", "invalid or unsupported Perl syntax: (?=", at: 0),
        ErrorCase("(?!a)", "invalid or unsupported Perl syntax: (?!", at: 0),
        ErrorCase("x(?<=a)", "invalid or unsupported Perl syntax: (?<=", at: 1),
        ErrorCase("(?<!a)", "invalid or unsupported Perl syntax: (?<!", at: 0),
        ErrorCase("(?P=name)", "invalid or unsupported Perl syntax: (?P", at: 0),
        ErrorCase("(?z)", "invalid or unsupported Perl syntax: (?z", at: 0),
        ErrorCase("(?i", "invalid or unsupported Perl syntax: (?i", at: 0),
        ErrorCase("(?-)", "invalid or unsupported Perl syntax: (?-)", at: 0),
        ErrorCase("(?i-)", "invalid or unsupported Perl syntax: (?i-)", at: 0),
        ErrorCase("(?P<>a)", "invalid named capture: (?P<>", at: 0),
        ErrorCase("(?<n!>a)", "invalid named capture: (?<n!>", at: 0),
        ErrorCase("(?P<name", "invalid named capture: (?P<name", at: 0),
        ErrorCase("[z-a]", "invalid character class range: z-a", at: 1),
        ErrorCase(#"[\x7a-\x61]"#, #"invalid character class range: \x7a-\x61"#, at: 1),
        ErrorCase("x[[:foo:]]", "invalid character class range: [:foo:]", at: 2),
        ErrorCase(#"\p{}"#, #"invalid character class range: \p{}"#, at: 0),
        ErrorCase(#"\p{Foo}"#, #"invalid character class range: \p{Foo}"#, at: 0),
        ErrorCase(#"\pX"#, #"invalid character class range: \pX"#, at: 0),
        ErrorCase(#"\p{Greek"#, #"invalid character class range: \p{Greek"#, at: 0),
        ErrorCase(#"[\p{Bogus}]"#, #"invalid character class range: \p{Bogus}"#, at: 1),
        ErrorCase(#"a\p"#, #"invalid character class range: \p"#, at: 1),
        ErrorCase("(abcdefghijk){1000}", "regular expression too large", at: 13),
        ErrorCase(String(repeating: "a", count: 10_001), "regular expression too large", at: 10_000),
        ErrorCase(String(repeating: "(", count: 1001), "expression nests too deeply", at: 1000),
    ]
}

@Suite struct RegexSyntaxErrorTests {
    @Test(arguments: ErrorCase.all)
    func rejects(_ row: ErrorCase) {
        #expect(throws: RegexSyntaxError(message: row.message, offset: row.offset)) {
            try LinearRegex(row.pattern)
        }
    }

    @Test func describesItselfByItsMessage() {
        #expect(RegexSyntaxError(message: "unexpected )", offset: 3).description == "unexpected )")
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = 1000
        let pattern = String(repeating: "(", count: depth) + "a" + String(repeating: ")*", count: depth)
        let regex = try LinearRegex(pattern)
        #expect(regex.matches("aaa"))
        #expect(regex.pattern == pattern)
    }

    @Test func acceptsAProgramUpToTheLimit() throws {
        // 9,999 distinct scalars, so that only one thread survives each step.
        let longest = String(String.UnicodeScalarView((0..<9_999).compactMap { Unicode.Scalar(0x4E00 + $0) }))
        #expect(try LinearRegex(longest).matches("x" + longest + "x"))
        #expect(try !LinearRegex(longest).matches(String(longest.dropLast())))
        #expect(try LinearRegex(#"^\pL{1000}$"#).matches(String(repeating: "ж", count: 1000)))
    }
}
