import ClearanceCore

/// One cell of a CSV file: its text (quotes removed, doubled quotes undone) and the byte it starts at.
public struct CSVCell: Sendable, Equatable {
    /// The cell's value.
    public let text: String
    /// The byte offset of the cell's first byte in the file (its opening quote, when quoted).
    public let offset: Int
    /// Whether the cell was written in quotes.
    public let quoted: Bool

    /// Creates a cell.
    public init(text: String, offset: Int, quoted: Bool) {
        self.text = text
        self.offset = offset
        self.quoted = quoted
    }
}

/// A CSV file read into records, each cell at the place it was written.
public struct CSVTable: Sendable {
    /// The file, for turning offsets into lines and columns and for quoting lines.
    public let source: SourceFile
    /// The records in file order; blank lines hold none.
    public let records: [[CSVCell]]

    /// Where a cell is written: its line and its column, counted in characters.
    public func location(of cell: CSVCell) -> SourceLocation { source.location(offset: cell.offset) }

    /// Where the byte at `offset` is, for records that end early.
    public func location(offset: Int) -> SourceLocation { source.location(offset: offset) }
}
