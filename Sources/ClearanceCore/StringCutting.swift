extension String {
    /// The text whole when it fits in `maxUTF8Length` bytes, else its longest prefix of whole
    /// Unicode scalars that fits, followed by `…`.
    public func cut(toUTF8Length maxUTF8Length: Int) -> String {
        guard utf8.count > maxUTF8Length else { return self }
        var shown = String.UnicodeScalarView()
        var length = 0
        for scalar in unicodeScalars {
            length += UTF8.width(scalar)
            if length > maxUTF8Length { break }
            shown.append(scalar)
        }
        return String(shown) + "…"
    }
}

extension String {
    /// The most of a file's text a message quotes: this many characters.
    public static let excerptLength = 200

    /// The text in single quotes for a message: its first 200 characters (Unicode scalars) with control characters
    /// escaped (`\n`, `\u{1B}`), followed by `…` and its length when it is longer.
    public var quotedExcerpt: String {
        var shown = ""
        for scalar in unicodeScalars.prefix(Self.excerptLength) { shown += Self.escaped(scalar) }
        let count = unicodeScalars.count
        return count > Self.excerptLength ? "'\(shown)…' (\(count.grouped) characters)" : "'\(shown)'"
    }

    /// A scalar as it is, or escaped when it is a control character (C0, DEL, C1).
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            let value = scalar.value
            guard value < 0x20 || (0x7F..<0xA0).contains(value) else { return String(scalar) }
            return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
        }
    }
}
