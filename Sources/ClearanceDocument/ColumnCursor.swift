/// The columns of byte offsets in one file, found near the offset asked before: what a reader placing node after
/// node of one record (a CSV row, a JSON object) asks, at the cost of the bytes between two offsets.
///
/// Gives the column ``SourceFile/column(ofOffset:)`` gives. The line of the last offset is kept, so an offset on it
/// needs no search of the file's lines; its column is counted from the last offset's, forwards or backwards, so a
/// long line (a JSON export on one line) is not counted again from its start for each node.
struct ColumnCursor {
    /// The file.
    let source: SourceFile
    /// The bytes of the line last found: from its start up to the next line's start (the end of the file for the last).
    private var line = 0..<0
    /// The last offset asked, on `line`, and its column.
    private var offset = 0, column = 1

    /// A cursor over `source`'s offsets.
    init(_ source: SourceFile) { self.source = source }

    /// The 1-based character column of a byte offset.
    mutating func column(ofOffset target: Int) -> Int {
        guard target <= source.text.count else { return source.column(ofOffset: target) }
        if !line.contains(target) {
            let number = source.line(containing: target)
            let start = source.start(ofLine: number)
            let end = number < source.lines.count ? source.start(ofLine: number + 1) : source.text.count + 1
            (line, offset, column) = (start..<end, start, 1)
        }
        let (from, to) = (min(offset, target), max(offset, target))
        var characters = 0
        source.text.withUnsafeBufferPointer { bytes in
            for index in from..<to where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        }
        column += target >= offset ? characters : -characters
        offset = target
        return column
    }
}
