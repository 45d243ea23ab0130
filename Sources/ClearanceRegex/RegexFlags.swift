/// The flags that `(?imsU)` sets and `(?-imsU)` clears.
struct RegexFlags: OptionSet {
    let rawValue: UInt8

    /// Creates a set from its bits.
    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `i`: letters match their simple case folds.
    static let caseInsensitive = RegexFlags(rawValue: 1 << 0)
    /// `m`: `^` and `$` match at line breaks too.
    static let multiLine = RegexFlags(rawValue: 1 << 1)
    /// `s`: `.` matches a newline too.
    static let dotMatchesNewline = RegexFlags(rawValue: 1 << 2)
    /// `U`: repetitions are lazy by default; a boolean match does not depend on it.
    static let ungreedy = RegexFlags(rawValue: 1 << 3)

    /// The flag a letter in `(?...)` names, if any.
    init?(letter: Unicode.Scalar) {
        switch letter {
        case "i": self = .caseInsensitive
        case "m": self = .multiLine
        case "s": self = .dotMatchesNewline
        case "U": self = .ungreedy
        default: return nil
        }
    }
}
