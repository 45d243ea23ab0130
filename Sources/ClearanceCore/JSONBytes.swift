/// JSON text built as UTF-8 bytes, for writers that print millions of small members: the same bytes as ``JSONText``
/// writes, without a `String` append for each piece.
///
/// The bytes live in one buffer the text owns (it is never copied); a piece is appended with one copy of memory, and a
/// quoted string is copied a run of kept bytes at a time (``ByteReplacement``).
public struct JSONBytes: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var used = 0
    @usableFromInline var capacity: Int

    /// An empty text with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The text so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: used)) }

    /// How many bytes are written.
    public var count: Int { used }

    /// The text as a string.
    public var string: String { String(decoding: UnsafeBufferPointer(start: start, count: used), as: UTF8.self) }

    /// Makes room for `extra` more bytes, at least doubling the buffer when it grows.
    @usableFromInline
    mutating func reserve(_ extra: Int) {
        guard used + extra > capacity else { return }
        let grown = max(capacity * 2, used + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.moveInitialize(from: start, count: used)
        start.deallocate()
        start = moved
        capacity = grown
    }

    /// Appends bytes as they are.
    @inlinable
    public mutating func raw(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        if used + piece.count > capacity { reserve(piece.count) }
        (start + used).initialize(from: source, count: piece.count)
        used += piece.count
    }

    /// Appends text written in the program, as it is (never a value read from input).
    @inlinable
    public mutating func raw(_ text: StaticString) {
        raw(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a string as it is, unquoted.
    @inlinable
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { raw($0) }
    }

    /// Appends bytes as they are.
    @inlinable
    public mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { raw($0) }
    }

    /// Appends one byte.
    @inlinable
    public mutating func byte(_ byte: UInt8) {
        if used == capacity { reserve(1) }
        start[used] = byte
        used += 1
    }

    /// Appends an integer in decimal.
    public mutating func int(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var width = 1, rest = magnitude / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        reserve(width)
        var digit = start + used + width
        repeat {
            digit -= 1
            digit.pointee = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        used += width
    }

    /// Appends bytes as lowercase hexadecimal, two digits a byte.
    public mutating func hex(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count * 2)
        var out = start + used
        let digits: StaticString = "0123456789abcdef"
        for byte in bytes {
            out[0] = digits.utf8Start[Int(byte >> 4)]
            out[1] = digits.utf8Start[Int(byte & 0x0F)]
            out += 2
        }
        used += bytes.count * 2
    }

    /// Appends a JSON string literal, escaped as ``JSONText/quote(_:into:)`` escapes it.
    public mutating func quote(_ text: String) {
        var text = text
        text.withUTF8 { quote($0) }
    }

    /// Appends UTF-8 bytes as a JSON string literal, escaped as ``JSONText/quote(_:into:)`` escapes it.
    public mutating func quote(_ source: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        let rest = ByteReplacement.forEachReplacement(in: source, replacing: JSONText.escape) { kept, replaced in
            raw(kept)
            raw(replaced)
        }
        raw(UnsafeBufferPointer(rebasing: source[(rest ?? 0)...]))
        byte(UInt8(ascii: "\""))
    }
}
