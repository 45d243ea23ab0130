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
    /// escaped as ``VisibleText`` escapes them (`\n`, `\u{1B}`), followed by `…` and its length when it is longer.
    public var quotedExcerpt: String {
        let shown = VisibleText.escaped(String(String.UnicodeScalarView(unicodeScalars.prefix(Self.excerptLength))))
        let count = unicodeScalars.count
        return count > Self.excerptLength ? "'\(shown)…' (\(count.grouped) characters)" : "'\(shown)'"
    }
}
