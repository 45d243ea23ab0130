/// The ASCII classes RE2 defines: Perl's `\d \s \w` and POSIX's `[:alpha:]` and friends.
enum ASCIIClasses {
    /// `[0-9A-Za-z]`.
    static let alphanumeric = ScalarRangeSet([0x30...0x39, 0x41...0x5A, 0x61...0x7A])
    /// `\w`: `[0-9A-Za-z_]`.
    static let word = ScalarRangeSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\d`: `[0-9]`.
    static let digit = ScalarRangeSet([0x30...0x39])
    /// `\s`: `[\t\n\f\r ]` (no `\v`, as in RE2).
    static let perlSpace = ScalarRangeSet([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])

    /// The class `\d`, `\s` or `\w` names (negated for the capital letter), if any.
    static func perl(_ letter: Unicode.Scalar) -> (ranges: ScalarRangeSet, isNegated: Bool)? {
        switch letter {
        case "d": (digit, false)
        case "D": (digit, true)
        case "s": (perlSpace, false)
        case "S": (perlSpace, true)
        case "w": (word, false)
        case "W": (word, true)
        default: nil
        }
    }

    /// The class `[:name:]` names (negated for `[:^name:]`), if any.
    static func posix(_ name: String) -> (ranges: ScalarRangeSet, isNegated: Bool)? {
        let isNegated = name.hasPrefix("^")
        let ranges: [ClosedRange<UInt32>]
        switch isNegated ? String(name.dropFirst()) : name {
        case "alnum": ranges = [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
        case "alpha": ranges = [0x41...0x5A, 0x61...0x7A]
        case "ascii": ranges = [0x00...0x7F]
        case "blank": ranges = [0x09...0x09, 0x20...0x20]
        case "cntrl": ranges = [0x00...0x1F, 0x7F...0x7F]
        case "digit": ranges = [0x30...0x39]
        case "graph": ranges = [0x21...0x7E]
        case "lower": ranges = [0x61...0x7A]
        case "print": ranges = [0x20...0x7E]
        case "punct": ranges = [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
        case "space": ranges = [0x09...0x0D, 0x20...0x20]
        case "upper": ranges = [0x41...0x5A]
        case "word": ranges = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        case "xdigit": ranges = [0x30...0x39, 0x41...0x46, 0x61...0x66]
        default: return nil
        }
        return (ScalarRangeSet(ranges), isNegated)
    }
}
