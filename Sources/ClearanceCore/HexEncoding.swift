extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal, two digits each: a digest as people read it.
    public var lowercaseHex: String {
        var digits: [UInt8] = []
        digits.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            digits.append(HexDigits.lowercaseASCII[Int(byte >> 4)])
            digits.append(HexDigits.lowercaseASCII[Int(byte & 0xF)])
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

/// The sixteen hexadecimal digits.
enum HexDigits {
    /// `0`…`9`, `a`…`f`, as ASCII bytes.
    static let lowercaseASCII: [UInt8] = Array("0123456789abcdef".utf8)
}
