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
