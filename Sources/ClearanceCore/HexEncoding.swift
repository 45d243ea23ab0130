extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal, two digits each: a digest as people read it.
    public var lowercaseHex: String {
        var text = ""
        for byte in self {
            text.unicodeScalars.append(HexDigits.lowercase[Int(byte >> 4)])
            text.unicodeScalars.append(HexDigits.lowercase[Int(byte & 0xF)])
        }
        return text
    }
}

/// The sixteen hexadecimal digits.
enum HexDigits {
    /// `0`…`9`, `a`…`f`.
    static let lowercase: [Unicode.Scalar] = Array("0123456789abcdef".unicodeScalars)
}
