extension RegexParser {
    /// Reads a backslash sequence outside brackets: an assertion, `\Q...\E`, a class, or a literal.
    mutating func parseBackslash() throws(RegexSyntaxError) {
        let start = scanner.index
        switch scanner.peek(1) {
        case "A": try pushAssertion(.beginText, at: start)
        case "z": try pushAssertion(.endText, at: start)
        case "b": try pushAssertion(.wordBoundary, at: start)
        case "B": try pushAssertion(.notWordBoundary, at: start)
        case "C":
            // Any byte: RE2 has it, but it means nothing over Unicode scalars.
            scanner.advance(by: 2)
            throw error(.invalidEscape(scanner.text(from: start)), at: start)
        case "Q":
            scanner.advance(by: 2)
            while !scanner.isAtEnd, !scanner.hasPrefix("\\E") {
                let index = scanner.index
                if let scalar = scanner.next() { try pushLiteral(scalar.value, at: index) }
            }
            scanner.advance(by: 2)
        case "p", "P":
            try pushClass(try parseUnicodeClass(), at: start)
        default:
            if let members = parsePerlClass() {
                try pushClass(members, at: start)
            } else {
                try pushLiteral(try parseEscape(), at: start)
            }
        }
    }

    private mutating func pushAssertion(_ assertion: Assertion, at start: Int) throws(RegexSyntaxError) {
        scanner.advance(by: 2)
        try push(.assertion(assertion), at: start)
    }

    /// Reads an escape that stands for one scalar: `\n`, `\x7F`, `\x{10FFFF}`, `\123`, `\.` and so on.
    mutating func parseEscape() throws(RegexSyntaxError) -> UInt32 {
        let start = scanner.index
        scanner.advance(by: 1)
        guard let letter = scanner.next() else { throw error(.trailingBackslash, at: start) }
        switch letter {
        case "1"..."7" where scanner.peek()?.octalDigit == nil:
            break  // a backreference, which RE2 does not support
        case "0"..."7":
            var value = letter.octalDigit ?? 0
            for _ in 0..<2 {
                guard let digit = scanner.peek()?.octalDigit else { break }
                value = value * 8 + digit
                scanner.advance(by: 1)
            }
            return value
        case "x":
            if let value = scanHexEscape() { return value }
        case "a": return 0x07
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default:
            if letter.isASCII, !ASCIIClasses.alphanumeric.contains(letter.value) { return letter.value }
        }
        throw error(.invalidEscape(scanner.text(from: start)), at: start)
    }

    /// Reads the rest of `\xHH` or `\x{H...}` (at most U+10FFFF); nil if malformed.
    private mutating func scanHexEscape() -> UInt32? {
        guard scanner.skip("{") else {
            let high = scanner.next()?.hexDigit
            let low = scanner.next()?.hexDigit
            guard let high, let low else { return nil }
            return high * 16 + low
        }
        var value: UInt32 = 0
        var digits = 0
        while let scalar = scanner.next() {
            if scalar == "}" { return digits > 0 ? value : nil }
            guard let digit = scalar.hexDigit else { return nil }
            value = value * 16 + digit
            digits += 1
            if value > ScalarRangeSet.maxValue { return nil }
        }
        return nil
    }

    /// Reads `\d`, `\D`, `\s`, `\S`, `\w` or `\W` (ASCII, as RE2), if one comes next.
    mutating func parsePerlClass() -> ClassMembers? {
        guard scanner.peek() == "\\", let letter = scanner.peek(1), let (ranges, isNegated) = ASCIIClasses.perl(letter)
        else { return nil }
        scanner.advance(by: 2)
        return members(of: ranges, negated: isNegated)
    }

    /// Reads `\pL`, `\p{Greek}`, `\p{^Lu}`, `\PL` or `\P{^L}`.
    mutating func parseUnicodeClass() throws(RegexSyntaxError) -> ClassMembers {
        let start = scanner.index
        var isNegated = scanner.peek(1) == "P"
        scanner.advance(by: 2)
        var name: String
        switch scanner.next() {
        case nil:
            throw error(.invalidClassRange(scanner.text(from: start)), at: start)
        case "{":
            let nameStart = scanner.index
            guard let end = scanner.firstIndex(of: "}") else {
                throw error(.invalidClassRange(scanner.text(from: start, to: Int.max)), at: start)
            }
            name = scanner.text(from: nameStart, to: end)
            scanner.rewind(to: end + 1)
        case let letter?:
            name = String(letter)
        }
        if name.hasPrefix("^") {
            name.removeFirst()
            isNegated.toggle()
        }
        guard let property = UnicodeProperty(named: name) else {
            throw error(.invalidClassRange(scanner.text(from: start)), at: start)
        }
        switch property {
        case .ranges(let ranges):
            return members(of: ranges, negated: isNegated)
        case .categories(let categories, let isInverse):
            let test = CategoryTest(
                categories: categories, isNegated: isNegated != isInverse,
                isCaseFolded: flags.contains(.caseInsensitive))
            return ClassMembers(tests: [test])
        }
    }

    /// `ranges`, case-folded under `(?i)` and then negated if asked (RE2 folds first).
    func members(of ranges: ScalarRangeSet, negated: Bool) -> ClassMembers {
        var result = flags.contains(.caseInsensitive) ? ranges.caseFolded() : ranges
        if negated { result = result.inverted() }
        return ClassMembers(ranges: result)
    }
}

private extension Unicode.Scalar {
    /// The value of an octal digit.
    var octalDigit: UInt32? {
        ("0"..."7").contains(self) ? value - 0x30 : nil
    }

    /// The value of a hexadecimal digit.
    var hexDigit: UInt32? {
        switch self {
        case "0"..."9": value - 0x30
        case "a"..."f": value - 0x61 + 10
        case "A"..."F": value - 0x41 + 10
        default: nil
        }
    }
}
