import ClearanceCore
import ClearanceDocument
import ClearanceFuzzTargets
import ClearanceTestSupport
import Foundation
import Testing

/// The CSV reader that vendors' exports are read with: csv-spectrum's acid test, and every cell at its line and column.
@Suite("CSV reader")
struct CSVReaderTests {
    /// The csv-spectrum cases (`Resources/csv-spectrum`, see its README for source and licence).
    static let cases = ["comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "location_coordinates", "newlines",
                        "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8"]

    static func resource(_ path: String) throws -> Data {
        let name = (path as NSString).deletingPathExtension, ending = (path as NSString).pathExtension
        let url = try #require(Bundle.module.url(forResource: "Resources/csv-spectrum/" + name, withExtension: ending))  // a bundled resource
        return try Data(contentsOf: url)
    }

    static func read(_ text: String, name: String = "people.csv") throws(Diagnostic) -> CSVTable {
        try CSVReader().read(bytes: Array(text.utf8), name: name)
    }

    @Test(arguments: cases)
    func readsTheSpectrumCase(_ name: String) throws {
        var bytes = Array(try Self.resource("csvs/\(name).csv"))
        // The copies of the *_crlf cases lost their carriage returns on the way; their JSON still expects them.
        if name.hasSuffix("_crlf") { bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] } }
        let table = try CSVReader().read(bytes: bytes, name: "\(name).csv")
        // Each JSON file is an array of rows, except location_coordinates', which is its one row alone.
        let json = try JSONSerialization.jsonObject(with: try Self.resource("json/\(name).json"))
        let expected = try #require(json as? [[String: String]] ?? (json as? [String: String]).map { [$0] })
        let header = try #require(table.records.first).map(\.text)
        let rows = table.records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record.map(\.text)))
        }
        // Upstream's JSON for location_coordinates gives a phone number its CSV does not hold (1234567890, not 2095257564).
        let ignored: Set = name == "location_coordinates" ? ["Contact Phone Number"] : []
        #expect(rows.map { $0.filter { !ignored.contains($0.key) } } == expected.map { $0.filter { !ignored.contains($0.key) } })
        if name == "location_coordinates" { #expect(rows.first?["Contact Phone Number"] == "2095257564") }
    }

    @Test func everyCellKeepsItsLineAndColumn() throws {
        let table = try CSVReader().read(bytes: Array(try Self.resource("csvs/newlines.csv")), name: "newlines.csv")
        let where_ = { (row: Int, cell: Int) -> String in
            let location = table.location(of: table.records[row][cell])
            return "\(location.line):\(location.column)"
        }
        #expect(where_(1, 0) == "2:1")
        #expect(where_(2, 0) == "3:1")   // "Once upon \na time": the cell starts at its opening quote
        #expect(where_(2, 1) == "4:9")   // the cell after it, on the line where the quoted one ends
        #expect(where_(3, 2) == "5:5")
        let utf8 = try Self.read("name,city\nJosé Ñúñez,Mérida\n")
        #expect(utf8.location(of: utf8.records[1][1]).column == 12)  // columns count characters, not bytes
        let crlf = try Self.read("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n")
        #expect(crlf.records.map { $0.map(\.text) } == [["a", "b"], ["1", "x\r\ny"], ["2", "3"]])
        #expect(crlf.location(of: crlf.records[2][1]).line == 4)
    }

    @Test func aByteOrderMarkBlankLinesAndATrailingCommaAreReadAsExportsMeanThem() throws {
        let table = try Self.read("\u{FEFF}user,arn\n\nroot,arn:aws:iam::1:root\n\nbob,\n")
        #expect(table.records.map { $0.map(\.text) } == [["user", "arn"], ["root", "arn:aws:iam::1:root"], ["bob", ""]])
        #expect(table.location(of: table.records[0][0]).column == 1)
        #expect(try Self.read("").records.isEmpty)
        #expect(try Self.read("a,b,").records == [[CSVCell(text: "a", offset: 0, quoted: false), CSVCell(text: "b", offset: 2, quoted: false),
                                                    CSVCell(text: "", offset: 4, quoted: false)]])
    }

    @Test(arguments: [
        ("user,note\nbob,\"never closed\n", "people.csv:2:5: a quoted cell is never closed: the file ends inside it"),
        ("user,note\nbob,\"hi\"there\n", "people.csv:2:9: after a quoted cell's closing quote comes `,` or the end of the line, not more text"),
    ])
    func aMalformedCellIsAnErrorAtItsPlace(_ text: String, _ expected: String) throws {
        #expect(throws: Diagnostic.self) { try Self.read(text) }
        do {
            _ = try Self.read(text)
        } catch {
            #expect(error.rendered.hasPrefix(expected), "\(error.rendered)")
        }
    }

    @Test func aQuoteInsideAnUnquotedCellIsReadAsWritten() throws {
        #expect(try Self.read("user,note\nbob,say \"hi\"\n").records[1].map(\.text) == ["bob", "say \"hi\""])
    }

    @Test func bytesThatAreNotUTF8AreAnErrorAtTheByte() throws {
        var bytes = Array("user,city\nbob,M".utf8)
        bytes += [0xE9, 0x72, 0x69, 0x64, 0x61, 0x0A]  // Latin-1 "érida": an export saved in the wrong encoding
        do {
            _ = try CSVReader().read(bytes: bytes, name: "people.csv")
            Issue.record("read bytes that are not UTF-8")
        } catch {
            #expect(error.rendered.hasPrefix("people.csv:2:6: not valid UTF-8 at byte 15; save the export as UTF-8"), "\(error.rendered)")
        }
        #expect(CSVReader.firstInvalidUTF8(Array("ʤ José 𝄞".utf8)) == nil)
        #expect(CSVReader.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // a UTF-16 surrogate written as UTF-8
        #expect(CSVReader.firstInvalidUTF8([0x41, 0xF0, 0x9F]) == 1)  // cut short
    }

    @Test func limitsHoldOnFileSizeAndCellsPerRecord() throws {
        let reader = CSVReader(maximumFileSize: 64, maximumCellsPerRecord: 3)
        #expect(throws: Diagnostic.self) { try reader.read(bytes: Array(String(repeating: "a", count: 65).utf8), name: "big.csv") }
        do {
            _ = try reader.read(bytes: Array("a,b,c,d\n".utf8), name: "wide.csv")
            Issue.record("read a record wider than the limit")
        } catch {
            #expect(error.rendered.hasPrefix("wide.csv:1:7: a record with more than 3 cells"), "\(error.rendered)")
        }
    }

    /// A problem about the whole file sits at its start, 1:1, also when a byte-order mark comes first (placing it
    /// once stopped the process: the first line starts after the mark, past the problem's offset).
    @Test func aProblemAtTheStartOfAFileWithAByteOrderMarkIsAtItsFirstColumn() throws {
        do {
            _ = try CSVReader(maximumFileSize: 8).read(bytes: Array("\u{FEFF}user,arn\n".utf8), name: "big.csv")
            Issue.record("read a file larger than the limit")
        } catch {
            #expect(error.description == "big.csv:1:1: the file is 12 bytes, more than the 8 a CSV file may have")
        }
        let table = try Self.read("\u{FEFF}")
        #expect(table.records.isEmpty)
        #expect(table.location(offset: 0).description == "people.csv:1:1")
        #expect(table.location(offset: 3).description == "people.csv:1:1")
    }

    /// Random tables of the characters that matter to CSV: the reader's invariants hold for each (`FuzzEntry.csv`
    /// checks them), and it never stops on anything but a diagnostic.
    @Test func randomTablesKeepTheReadersInvariants() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("a,\"\r\n é\u{FEFF}".utf8)
        var read = 0, refused = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int((state >> 33) % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            switch FuzzEntry.csv(bytes) {
            case .value: read += 1
            case .diagnostic: refused += 1
            }
        }
        #expect(read > 1_000 && refused > 50, "\(read) read, \(refused) refused")
    }
}
