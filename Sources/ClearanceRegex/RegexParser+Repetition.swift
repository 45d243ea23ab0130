extension RegexParser {
    /// Applies a repetition read at scalar `start` to the last atom; a trailing `?` (lazy) is accepted.
    mutating func repeatLastAtom(min: Int, max: Int?, counted: Bool, at start: Int) throws(RegexSyntaxError) {
        _ = scanner.skip("?")
        if followsRepetition { throw error(.invalidNestedRepetition, at: start) }
        guard let atom = group.last else { throw error(.missingRepeatArgument, at: start) }
        if counted, atom.productRepeated(min: min, max: max) > RegexLimits.maxRepeatCount {
            throw error(.invalidRepeatCount, at: start)
        }
        let size = atom.sizeRepeated(min: min, max: max)
        if enclosingSize + group.size - atom.size + size > RegexLimits.maxProgramSize {
            throw error(.tooLarge, at: start)
        }
        group.last = atom.repeated(min: min, max: max, counted: counted)
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` and applies it; returns false, reading only `{` as a literal,
    /// when the braces do not hold a count.
    mutating func parseCountedRepetition() throws(RegexSyntaxError) -> Bool {
        let start = scanner.index
        guard let (min, max) = scanCounts() else {
            scanner.rewind(to: start + 1)
            try pushLiteral(UInt32(("{" as Unicode.Scalar).value), at: start)
            return false
        }
        let limit = RegexLimits.maxRepeatCount
        if min > limit || (max ?? 0) > limit || min > (max ?? min) {
            throw error(.invalidRepeatCount, at: start)
        }
        try repeatLastAtom(min: min, max: max, counted: true, at: start)
        return true
    }

    /// Reads a count in braces; nil if the text is not of that form.
    private mutating func scanCounts() -> (min: Int, max: Int?)? {
        scanner.advance(by: 1)
        guard let min = scanInteger() else { return nil }
        var max: Int? = min
        if scanner.skip(",") {
            if scanner.peek() == "}" {
                max = nil
            } else {
                guard let upper = scanInteger() else { return nil }
                max = upper
            }
        }
        return scanner.skip("}") ? (min, max) : nil
    }

    /// Reads a decimal number without leading zeros (as RE2); values past 10^8 read as 10^8.
    private mutating func scanInteger() -> Int? {
        guard let first = scanner.peek(), let firstDigit = first.decimalDigit else { return nil }
        if firstDigit == 0, scanner.peek(1)?.decimalDigit != nil { return nil }
        var value = 0
        while let digit = scanner.peek()?.decimalDigit {
            value = Swift.min(value * 10 + digit, 100_000_000)
            scanner.advance(by: 1)
        }
        return value
    }
}

private extension Unicode.Scalar {
    /// The value of an ASCII digit.
    var decimalDigit: Int? {
        ("0"..."9").contains(self) ? Int(value - ("0" as Unicode.Scalar).value) : nil
    }
}
