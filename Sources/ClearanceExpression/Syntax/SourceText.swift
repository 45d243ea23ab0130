/// An expression's text, able to turn a UTF-8 byte offset into a line, a column and the line's text.
struct SourceText {
    /// Where an offset falls.
    struct Position {
        /// The 1-based line.
        var line: Int
        /// The 1-based column, in Unicode scalars.
        var column: Int
        /// The text of the line, without its line break.
        var lineText: String
    }

    let bytes: [UInt8]

    init(_ source: String) { bytes = Array(source.utf8) }

    /// The line, column and line text of a byte offset (clamped to the text).
    func position(of offset: Int) -> Position {
        let offset = min(max(0, offset), bytes.count)
        var line = 1, lineStart = 0, index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var column = 1
        for byte in bytes[lineStart..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        return Position(line: line, column: column, lineText: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }
}
