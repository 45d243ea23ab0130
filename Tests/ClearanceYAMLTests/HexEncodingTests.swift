import ClearanceCore
import Testing

/// Bytes as lowercase hexadecimal, from an array, a slice, a sequence that is not contiguous, and raw memory alike.
@Suite struct HexEncodingTests {
    @Test func everyByteIsTwoLowercaseDigits() {
        let bytes = (0...255).map(UInt8.init)
        let expected = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(bytes.lowercaseHex == expected)
        #expect(bytes[16..<32].lowercaseHex == String(expected.dropFirst(32).prefix(32)))
        #expect(bytes.lazy.filter { _ in true }.lowercaseHex == expected)  // not contiguous: read through an array
        #expect(bytes.withUnsafeBytes(\.lowercaseHex) == expected)
        #expect([UInt8]().lowercaseHex == "")
        #expect([0xDE, 0xAD, 0xBE, 0xEF].lowercaseHex == "deadbeef")
    }
}
