/// JSON text built as UTF-8 bytes, for writers that print millions of small members: the same bytes as ``JSONText``
/// writes, without a `String` append for each piece.
public struct JSONBytes {
    /// The text so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty text with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text written in the program, as it is (never a value read from input).
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a string as it is, unquoted.
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends an integer in decimal.
    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of any magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Appends a JSON string literal, escaped as ``JSONText/quote(_:into:)`` escapes it.
    public mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            let rest = ByteReplacement.forEachReplacement(in: source, replacing: JSONText.escape) { kept, replaced in
                bytes.append(contentsOf: kept)
                raw(replaced)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[(rest ?? 0)...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
