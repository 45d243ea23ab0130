import ClearanceCore
import Testing

/// The byte writer the JSON report's findings are written with prints what ``JSONText`` prints.
@Suite struct JSONBytesTests {
    /// Strings of every character JSON escapes, and of their neighbours that it keeps, are quoted byte for byte as the tree
    /// quotes them.
    @Test func quotingMatchesTheTree() {
        // C2 is the lead byte of U+0080 to U+00BF: only U+0080 to U+009F (C1 controls) are escaped, U+00A0 and up kept.
        let alphabet: [Unicode.Scalar] = ["a", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
                                          "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{BF}", "é", "✓", "😀", "\u{301}", "\u{2028}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }  // safe: not empty
            var expected = ""
            JSONText.quote(text, into: &expected)
            var written = JSONBytes()
            written.quote(text)
            #expect(written.string == expected, "\(Array(text.unicodeScalars))")
        }
        var written = JSONBytes()
        written.quote("C1 \u{85}, NBSP \u{A0}, DEL \u{7F}, NUL \u{00}")
        #expect(written.string == #""C1 \u0085, NBSP \#u{A0}, DEL \u007f, NUL \u0000""#)
    }

    /// Integers print as `String` prints them, the extremes included.
    @Test func integersPrintInDecimal() {
        for value in [0, 7, -7, 10, 1_000_000, -1_000_000, Int.max, Int.min] {
            var written = JSONBytes()
            written.int(value)
            #expect(written.string == String(value))
        }
    }

    /// Raw text, quoted text and numbers follow one another in the order written.
    @Test func piecesFollowInOrder() {
        var written = JSONBytes(capacity: 4)
        written.raw("{\"line\": ")
        written.int(12)
        written.raw(", \"file\": ")
        written.quote("team/ana \"lopez\".yaml")
        written.raw("}")
        #expect(written.string == #"{"line": 12, "file": "team/ana \"lopez\".yaml"}"#)
    }
}

/// The byte writer's other pieces: bytes in hexadecimal, and a text that outgrows the room it was given.
@Suite struct JSONBytesGrowthTests {
    /// Hexadecimal is lowercase, two digits a byte, as `lowercaseHex` prints it.
    @Test func bytesPrintInLowercaseHex() {
        let bytes: [UInt8] = [0x00, 0x0F, 0xA0, 0xFF, 0x5C]
        var written = JSONBytes()
        bytes.withUnsafeBytes { written.hex($0) }
        #expect(written.string == "000fa0ff5c")
        #expect(written.string == bytes.lowercaseHex)
    }

    /// A text given room for a few bytes grows as it is written, every piece kept in order.
    @Test func aTextGrowsPastItsRoom() {
        var written = JSONBytes(capacity: 1)
        var expected = ""
        for index in 0..<2_000 {
            written.int(index)
            written.raw(", ")
            written.quote("é\(index)")
            written.raw([UInt8(ascii: ";")])
            expected += "\(index), \"é\(index)\";"
        }
        #expect(written.string == expected)
        #expect(written.count == expected.utf8.count)
        #expect(written.bytes == Array(expected.utf8))
    }
}
