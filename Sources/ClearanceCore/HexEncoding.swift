extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal, two digits each: a digest as people read it.
    public var lowercaseHex: String {
        if let hex = withContiguousStorageIfAvailable({ UnsafeRawBufferPointer($0).lowercaseHex }) { return hex }
        return Array(self).withUnsafeBytes(\.lowercaseHex)
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as lowercase hexadecimal, two digits each, written straight into the string's storage.
    public var lowercaseHex: String {
        String(unsafeUninitializedCapacity: count * 2) { digits in
            for (index, byte) in enumerated() {
                digits[2 * index] = HexDigits.lowercaseASCII(byte >> 4)
                digits[2 * index + 1] = HexDigits.lowercaseASCII(byte & 0xF)
            }
            return count * 2
        }
    }
}

/// The sixteen hexadecimal digits.
enum HexDigits {
    /// The digit `0`…`9`, `a`…`f` for a value below 16, as an ASCII byte.
    @inline(__always)
    static func lowercaseASCII(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") - 10 + value }
}
