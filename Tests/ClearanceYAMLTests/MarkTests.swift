import Testing
import ClearanceCore
@testable import ClearanceDocument

/// Every node knows its line, its column in characters and its byte offset.
@Suite("Marks")
struct MarkTests {
    func load(_ bytes: [UInt8]) throws -> Document {
        try #require(try YAMLLoader(symbols: SymbolTable()).load(bytes: bytes, name: "m.yaml").first)
    }

    func mark(_ node: Node?) -> String {
        guard let location = node?.location else { return "none" }
        return "\(location.line):\(location.column)@\(location.offset)"
    }

    @Test func blockMappingMarks() throws {
        let document = try load(Array("kind: TeamMember\nname: Ana López\ndevices:\n  - id: LAP-0192\n    managed: true\n".utf8))
        #expect(mark(document.root) == "1:1@0")
        #expect(mark(document.root["kind"]) == "1:7@6")
        #expect(mark(document.root["name"]) == "2:7@23")
        #expect(mark(document.root["devices"]) == "4:3@45")
        #expect(mark(document.root["devices"]?[0]) == "4:5@47")
        #expect(mark(document.root["devices"]?[0]?["managed"]) == "5:14@73")
        #expect(mark(document.root.entries[2].key) == "3:1@34")
    }

    @Test func columnsCountCharactersAndOffsetsCountBytes() throws {
        let document = try load(Array("name: Ñandú López\ncity: Tijuana\nnote: [é, ü, x]\n".utf8))
        #expect(mark(document.root["city"]) == "2:7@27")
        #expect(mark(document.root["note"]?[1]) == "3:11@46")
        #expect(mark(document.root["note"]?[2]) == "3:14@50")
    }

    @Test func crlfAndLoneCarriageReturnsEndLines() throws {
        let document = try load(Array("a: 1\r\nb: 2\rc: 3\n".utf8))
        #expect(mark(document.root["a"]) == "1:4@3")
        #expect(mark(document.root["b"]) == "2:4@9")
        #expect(mark(document.root["c"]) == "3:4@14")
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let document = try load([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8))
        #expect(mark(document.root) == "1:1@3")
        #expect(mark(document.root["a"]) == "1:4@6")
        #expect(mark(document.root["b"]) == "2:4@11")
    }

    @Test func tabsCountAsOneColumn() throws {
        let document = try load(Array("a:\t1\n".utf8))
        #expect(mark(document.root["a"]) == "1:4@3")
    }

    @Test func aliasIsMarkedWhereItIsWritten() throws {
        let document = try load(Array("base: &d {id: X}\ndevices:\n  - *d\n".utf8))
        #expect(mark(document.root["devices"]?[0]) == "3:5@30")
        #expect(document.root["devices"]?[0]?["id"]?.string == "X")
    }

    @Test func columnsBeyondSixteenBitsAreExact() throws {
        let padding = String(repeating: "x", count: 70_000)
        let document = try load(Array("[\"\(padding)\", 7]\n".utf8))
        #expect(mark(document.root[1]) == "1:70006@70005")
    }

    @Test func marksFollowDocumentsOfAStream() throws {
        let documents = try YAMLLoader(symbols: SymbolTable()).load(text: "kind: Vendor\nid: a\n---\nkind: Vendor\nid: b\n", name: "v.yaml")
        #expect(mark(documents[1].root["id"]) == "5:5@40")
        #expect(documents[1].root["id"]?.location.file == "v.yaml")
    }

    @Test func inspectMarksFormat() throws {
        let document = try load(Array("a: [1, x]\n".utf8))
        #expect(document.root.json(marks: true)
                == #"{"line":1,"column":1,"value":{"a":{"line":1,"column":4,"value":[{"line":1,"column":5,"value":1},{"line":1,"column":8,"value":"x"}]}}}"#)
    }

    @Test func linesAcrossManyAndLongLinesAreExact() throws {
        // 300 lines, some longer than 255 bytes, so line lookups cross checkpoint blocks and long lengths.
        var text = ""
        for index in 0..<300 {
            text += index % 7 == 0 ? "k\(index): \(String(repeating: "x", count: 300))\n" : "k\(index): \(index)\n"
        }
        let document = try load(Array(text.utf8))
        for index in [0, 1, 63, 64, 65, 127, 128, 200, 298, 299] {
            let node = document.root["k\(index)"]
            #expect(node?.location.line == index + 1, "k\(index)")
            #expect(node?.location.column == "k\(index): ".count + 1, "k\(index)")
        }
        #expect(document.source.lineText(299) == "k298: 298")
        #expect(document.source.lineText(281) == "k280: " + String(repeating: "x", count: 300))
    }
}

/// libyaml counts characters; the cursor turns each count into the byte offset where that character starts, eight bytes
/// at a time whatever the characters are.
@Suite("Character offsets")
struct OffsetCursorTests {
    /// Where each character of `text` starts, by walking its scalars.
    static func starts(_ text: String) -> [Int] {
        var offsets: [Int] = [], offset = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            offset += String(scalar).utf8.count
        }
        return offsets + [offset]
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func everyCharacterIsFoundAtItsByte(seed: Int) {
        let pieces = ["a", "key: ", "é", "ñ", "€", "漢字", "🙂", "\n", "  - ", "Ana López", "x"]
        let text = (0..<400).map { pieces[($0 * 7 + $0 / 3 * seed + seed) % pieces.count] }.joined()
        let bytes = Array(text.utf8)
        let expected = Self.starts(text)
        bytes.withUnsafeBufferPointer { buffer in
            // Forward by random strides, as events arrive.
            var cursor = OffsetCursor(bytes: buffer, isASCII: false, start: 0)
            var index = 0
            while index < expected.count {
                #expect(cursor.offset(ofCharacter: index) == expected[index], "character \(index)")
                index += 1 + (index * 13 + seed) % 23
            }
            // Backwards starts over, and still lands on each character.
            for index in stride(from: expected.count - 1, through: 0, by: -7) {
                #expect(cursor.offset(ofCharacter: index) == expected[index], "character \(index), going back")
            }
        }
    }
}
