import ClearanceCore

/// Reads CSV as RFC 4180 writes it (and spreadsheet exports add to it): cells separated by commas, records by
/// `\n`, `\r\n` or `\r`, a cell in double quotes may hold commas, line breaks and doubled quotes. A UTF-8
/// byte-order mark is skipped and blank lines are passed over. Every cell keeps the byte it starts at, so a
/// finding about it points at its line and column.
///
/// A quote inside an unquoted cell is read as written, as spreadsheets do. Anything else is an error at its place:
/// bytes that are not UTF-8, a quoted cell never closed, text after a closing quote, or more cells than the limits allow.
public struct CSVReader: Sendable {
    /// The most bytes a file may have.
    public var maximumFileSize: Int
    /// The most cells one record may have.
    public var maximumCellsPerRecord: Int

    /// Creates a reader with limits.
    public init(maximumFileSize: Int = LoaderLimits.standard.maximumFileSize, maximumCellsPerRecord: Int = 10_000) {
        self.maximumFileSize = maximumFileSize
        self.maximumCellsPerRecord = maximumCellsPerRecord
    }

    /// Reads the CSV file at `path`.
    public func read(path: String) throws(Diagnostic) -> CSVTable {
        try read(bytes: try FileReader.read(path: path, limit: maximumFileSize), name: path)
    }

    /// Reads `bytes` as the CSV file named `name` in messages.
    public func read(bytes: [UInt8], name: String) throws(Diagnostic) -> CSVTable {
        let source = SourceFile(path: name, text: bytes)
        func failure(_ code: String, _ message: String, at offset: Int) -> Diagnostic {
            let location = source.location(offset: offset)
            return Diagnostic(code: code, message: message, location: location, sourceLine: source.lineText(location.line))
        }
        if bytes.count > maximumFileSize {
            throw failure("csv.too-large", "the file is \(bytes.count) bytes, more than the \(maximumFileSize) a CSV file may have", at: 0)
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw failure("csv.encoding", "not valid UTF-8 at byte \(bad); save the export as UTF-8", at: bad)
        }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records: [[CSVCell]] = []
        var record: [CSVCell] = []
        /// Ends a record at a line break (or the end of the file): one empty unquoted cell is a blank line.
        func endRecord() {
            if !(record.count == 1 && record[0].text.isEmpty && !record[0].quoted) { records.append(record) }
            record = []
        }
        while index < bytes.count {
            let start = index
            var text: [UInt8] = []
            let quoted = bytes[index] == quote
            if quoted {
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw failure("csv.unclosed-quote", "a quoted cell is never closed: the file ends inside it", at: start)
                    }
                    if bytes[index] == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            text.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    text.append(bytes[index])
                    index += 1
                }
                if index < bytes.count, ![comma, newline, carriageReturn].contains(bytes[index]) {
                    throw failure("csv.after-quote", "after a quoted cell's closing quote comes `,` or the end of the line, not more text", at: index)
                }
            } else {
                // A quote inside an unquoted cell (`37°36'37.8"N`) cannot open a quoted cell: it is read as written.
                while index < bytes.count, ![comma, newline, carriageReturn].contains(bytes[index]) {
                    text.append(bytes[index])
                    index += 1
                }
            }
            record.append(CSVCell(text: String(decoding: text, as: UTF8.self), offset: start, quoted: quoted))
            if record.count > maximumCellsPerRecord {
                throw failure("csv.too-many-cells", "a record with more than \(maximumCellsPerRecord) cells", at: start)
            }
            guard index < bytes.count else { break }
            switch bytes[index] {
            case comma:
                index += 1
                if index == bytes.count { record.append(CSVCell(text: "", offset: index, quoted: false)) }
            case carriageReturn:
                index += index + 1 < bytes.count && bytes[index + 1] == newline ? 2 : 1
                endRecord()
            default:
                index += 1
                endRecord()
            }
        }
        if !record.isEmpty { endRecord() }
        return CSVTable(source: source, records: records)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil when every byte does.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let second = bytes[index + 1]
            let secondRange: ClosedRange<UInt8> = switch lead {
            case 0xE0: 0xA0...0xBF
            case 0xED: 0x80...0x9F
            case 0xF0: 0x90...0xBF
            case 0xF4: 0x80...0x8F
            default: 0x80...0xBF
            }
            guard secondRange.contains(second) else { return index }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return index }
            index += length
        }
        return nil
    }
}
