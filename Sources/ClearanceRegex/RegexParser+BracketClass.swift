extension RegexParser {
    /// Reads a bracket class such as `[a-z]`, `[^\d\s]`, `[[:alpha:]\p{Greek}]` or `[]a]`.
    mutating func parseBracketClass() throws(RegexSyntaxError) {
        let start = scanner.index
        scanner.advance(by: 1)
        let isInverted = scanner.skip("^")
        var ranges: [ClosedRange<UInt32>] = []
        var tests: [CategoryTest] = []
        var isFirst = true
        while true {
            guard let scalar = scanner.peek() else { throw error(.missingBracket, at: start) }
            if scalar == "]", !isFirst { break }
            isFirst = false
            let item: ClassMembers
            if scalar == "[", scanner.peek(1) == ":", let named = try parseNamedClass() {
                item = named
            } else if scalar == "\\", scanner.peek(1) == "p" || scanner.peek(1) == "P" {
                item = try parseUnicodeClass()
            } else if let perl = parsePerlClass() {
                item = perl
            } else {
                item = try parseClassRange(classStart: start)
            }
            ranges += item.ranges.ranges
            tests += item.tests
        }
        scanner.advance(by: 1)
        let members = ClassMembers(ranges: ScalarRangeSet(ranges), tests: CategoryTest.merged(tests))
        try pushClass(members, isInverted: isInverted, at: start)
    }

    /// Reads `a` or `a-z` (either end may be an escape); `-` just before `]` is a literal.
    private mutating func parseClassRange(classStart: Int) throws(RegexSyntaxError) -> ClassMembers {
        let start = scanner.index
        let low = try parseClassScalar(classStart: classStart)
        var high = low
        if scanner.peek() == "-", let next = scanner.peek(1), next != "]" {
            scanner.advance(by: 1)
            high = try parseClassScalar(classStart: classStart)
            guard low <= high else { throw error(.invalidClassRange(scanner.text(from: start)), at: start) }
        }
        return members(of: ScalarRangeSet([low...high]), negated: false)
    }

    private mutating func parseClassScalar(classStart: Int) throws(RegexSyntaxError) -> UInt32 {
        guard let scalar = scanner.peek() else { throw error(.missingBracket, at: classStart) }
        if scalar == "\\" { return try parseEscape() }
        scanner.advance(by: 1)
        return scalar.value
    }

    /// Reads `[:alpha:]` or `[:^alpha:]`; nil (reading nothing) when no `:]` follows, so `[` is a literal.
    private mutating func parseNamedClass() throws(RegexSyntaxError) -> ClassMembers? {
        let start = scanner.index
        guard let end = nextNamedClassEnd() else { return nil }
        let name = scanner.text(from: start + 2, to: end)
        scanner.rewind(to: end + 2)
        guard let (ranges, isNegated) = ASCIIClasses.posix(name) else {
            throw error(.invalidClassRange(scanner.text(from: start)), at: start)
        }
        return members(of: ranges, negated: isNegated)
    }

    /// The index of the next `:]` after a `[:` at the scanner, remembering a failed search.
    private mutating func nextNamedClassEnd() -> Int? {
        let from = scanner.index + 2
        if let last = namedClassSearch, last.from <= from, (last.found ?? Int.max) >= from {
            return last.found
        }
        var index = from
        var found: Int?
        while let scalar = scanner.peek(index - scanner.index) {
            if scalar == ":", scanner.peek(index - scanner.index + 1) == "]" {
                found = index
                break
            }
            index += 1
        }
        namedClassSearch = (from, found)
        return found
    }
}
