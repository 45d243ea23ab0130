/// A regular expression in RE2 syntax, matched in time linear in the text (no backtracking).
///
/// The syntax and meaning are RE2's, as Go's `regexp` (and so cel-go) has them, over the text's
/// Unicode scalars: literals and escapes (`\x{10FFFF}`, `\123`, `\Q...\E`), `.`, bracket and
/// POSIX classes, ASCII Perl classes (`\d \s \w`), Unicode classes (`\pL`, `\p{Greek}`, `\P{^Lu}`),
/// `^ $ \A \z \b \B`, groups of every RE2 kind, flags `(?imsU)`, alternation, and greedy or
/// lazy repetition. What RE2 rejects is rejected: backreferences, lookaround, possessive
/// repetition, counts above 1000, nesting deeper than 1000, and programs above 10,000 instructions.
///
/// Compile once and match many times, from any number of threads: the compiled program is
/// immutable, and the DFA states a search builds are kept for the next search in a pool that
/// hands each search a cache of its own.
///
/// - Complexity: `matches` is O(*n* × *m*) for *n* text scalars and a program of *m*
///   instructions, and *m* is at most 10,000.
public struct LinearRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    private let program: Program
    private let caches = StateCachePool()

    /// The number of instructions of the compiled pattern: what compiling it cost, roughly, and
    /// the most work matching takes per scalar of text.
    public var programSize: Int { program.instructions.count }

    /// Compiles a pattern written in RE2 syntax.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        program = try RegexParser.compile(pattern)
    }

    /// Whether the pattern matches anywhere in `text` (an unanchored search, as CEL's `matches`).
    public func matches(_ text: String) -> Bool {
        let box = caches.take()
        let found = RegexMachine(program).search(text, cache: &box.cache)
        caches.give(box)
        return found
    }
}
