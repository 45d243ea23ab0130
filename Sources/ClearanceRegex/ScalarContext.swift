/// What precedes a text position, as far as assertions care: nothing, a newline, a word scalar, or other.
enum ScalarContext: UInt8, Sendable {
    /// The start of the text.
    case textStart
    /// Just after `\n`.
    case newline
    /// Just after an ASCII word scalar (`[0-9A-Za-z_]`).
    case word
    /// Just after any other scalar.
    case other

    /// The context after `scalar`.
    init(after scalar: Unicode.Scalar) {
        if scalar == "\n" {
            self = .newline
        } else if ASCIIClasses.word.contains(scalar.value) {
            self = .word
        } else {
            self = .other
        }
    }

    /// Whether `assertion` holds between this context and `next` (nil at the end of the text).
    func allows(_ assertion: Assertion, before next: Unicode.Scalar?) -> Bool {
        switch assertion {
        case .beginText: self == .textStart
        case .endText: next == nil
        case .beginLine: self == .textStart || self == .newline
        case .endLine: next == nil || next == "\n"
        case .wordBoundary: (self == .word) != ScalarContext.isWord(next)
        case .notWordBoundary: (self == .word) == ScalarContext.isWord(next)
        }
    }

    private static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return ASCIIClasses.word.contains(value)
    }
}
