import ClearanceCore
import ClearanceDocument

/// A vendor's CSV export as the CSV source formats read it: columns found by header name, every row as long as the
/// header, and each problem located at its cell with the cell's line quoted.
struct CSVExport {
    /// The file as read.
    let table: CSVTable
    /// The header's cells.
    let header: [CSVCell]
    /// Each header name's first column.
    private var firstColumn: [String: Int] = [:]
    /// The header cells that repeat a name written before them.
    private var repeats: [String: CSVCell] = [:]

    /// The most problems one export reports; reading stops there.
    static let maximumProblems = 20

    /// Reads the export's main file; a file with no header line is an error at its start (`emptyHint` says what header was expected).
    init(_ export: SourceExport, emptyHint: String) throws(Diagnostics) {
        do throws(Diagnostic) {
            table = try CSVReader(maximumFileSize: export.limits.maximumFileSize).read(bytes: export.file.text, name: export.file.path)
        } catch {
            throw Diagnostics([error])
        }
        guard let first = table.records.first else {
            throw Diagnostics([Self.problem(in: table, at: 0, code: "source.no-header", "the export is empty: it has no header line; \(emptyHint)")])
        }
        header = first
        for (column, cell) in first.enumerated() {
            let name = Self.headerName(cell)
            if firstColumn[name] == nil { firstColumn[name] = column } else if repeats[name] == nil { repeats[name] = cell }
        }
    }

    /// A header cell's name: its text without the spaces around it.
    private static func headerName(_ cell: CSVCell) -> String {
        var name = Substring(cell.text)
        while name.first == " " { name.removeFirst() }
        while name.last == " " { name.removeLast() }
        return String(name)
    }

    /// The column headed `name`, if the header has one.
    func column(_ name: String) -> Int? { firstColumn[name] }

    /// The header's names, in order.
    var headerNames: [String] { header.map(Self.headerName) }

    /// `" (did you mean 'x'?)"` when a header name is close to `name`.
    func suggestion(for name: String) -> String { Suggestion.didYouMean(name, among: headerNames) }

    /// A problem with the header as a whole, at the start of its line.
    func headerProblem(code: String, _ message: String, notes: [Diagnostic.Note] = []) -> Diagnostic {
        var problem = Self.problem(in: table, at: header[0].offset, code: code, message)
        problem.notes = notes
        return problem
    }

    /// The problems of a header that writes one of `names` (columns a format reads) more than once, each at its second cell.
    func repeatedColumns(among names: some Sequence<String>) -> [Diagnostic] {
        names.compactMap { name in
            guard let second = repeats[name], let first = firstColumn[name] else { return nil }
            var found = problem(second, code: "source.repeated-column", "the header names the column \(Self.named(name)) twice; which one to read is not clear")
            let location = table.location(of: header[first])
            found.notes = [Diagnostic.Note(message: "first named here", location: location, sourceLine: table.source.lineText(location.line))]
            return found
        }
    }

    /// Every row after the header read by `read` into a record (a row it gives nil for makes none). A row with another number
    /// of cells than the header is an error at its line, and two records with one native id an error at the second (`idField`
    /// locates it); every problem is reported together, up to ``maximumProblems``.
    func records(idField: String, _ read: (CSVRow) throws(Diagnostic) -> ObservedRecord?) throws(Diagnostics) -> [ObservedRecord] {
        var records: [ObservedRecord] = [], problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        records.reserveCapacity(table.records.count - 1)
        for cells in table.records.dropFirst() {
            let line = table.source.line(containing: cells[0].offset)
            guard cells.count == header.count else {
                problems.append(Self.problem(in: table, at: cells[0].offset, code: "source.row-length",
                                             "a malformed row: it has \(cells.count) \(cells.count == 1 ? "cell" : "cells") and the header \(header.count); every row has one cell per column"))
                if problems.count == Self.maximumProblems { break } else { continue }
            }
            do throws(Diagnostic) {
                guard let record = try read(CSVRow(cells: cells, line: line)) else { continue }
                if let first = seen.updateValue(records.count, forKey: record.nativeID) {
                    seen[record.nativeID] = first  // a third record with the id is told of the first, which was kept
                    var found = Self.problem(in: table, at: record.offset(of: idField), code: "source.duplicate-record",
                                             "a second record with the id \(record.nativeID.quotedExcerpt); each record of an export has its own")
                    let location = table.location(offset: records[first].offset(of: idField))
                    found.notes = [Diagnostic.Note(message: "first on line \(location.line)", location: location, sourceLine: table.source.lineText(location.line))]
                    throw found
                }
                records.append(record)
            } catch {
                problems.append(error)
                if problems.count == Self.maximumProblems { break }
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return records
    }

    /// A problem at a cell, with the cell's line quoted.
    func problem(_ cell: CSVCell, code: String, _ message: String) -> Diagnostic { Self.problem(in: table, at: cell.offset, code: code, message) }

    /// A problem at a byte offset of `table`'s file, with its line quoted.
    static func problem(in table: CSVTable, at offset: Int, code: String, _ message: String) -> Diagnostic {
        let location = table.location(offset: offset)
        return Diagnostic(code: code, message: message, location: location, sourceLine: table.source.lineText(location.line))
    }

    /// A column name for a message, in backticks, escaped.
    static func named(_ column: String) -> String { "`\(VisibleText.value(column))`" }

    /// The cell as `true` or `false` (in any case); anything else is an error at the cell.
    func flag(_ cell: CSVCell, column: String) throws(Diagnostic) -> Bool {
        switch cell.text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw problem(cell, code: "source.cell", "\(Self.named(column)) must be true or false; found \(cell.text.quotedExcerpt)")
        }
    }

    /// The cell as a time: nil when its text is one of `none`, else an ISO 8601 date-time or date (`isDate` for a date
    /// alone); anything else is an error at the cell that says what was expected (`expected`: "an ISO 8601 time such as …").
    func time(_ cell: CSVCell, column: String, none: Set<String>, expected: String) throws(Diagnostic) -> (time: Timestamp, isDate: Bool)? {
        if none.contains(cell.text) { return nil }
        let reason: String
        switch TimestampSyntax.parse(cell.text) {
        case .timestamp(let time): return (time, cell.text.utf8.count == 10)
        case .notATimestamp: reason = ""
        case .invalid(let why): reason = " (\(why))"
        }
        throw problem(cell, code: "source.cell", "\(Self.named(column)) must be \(expected); found \(cell.text.quotedExcerpt)\(reason)")
    }
}

/// One row of a CSV export after its header, as long as the header.
struct CSVRow {
    /// Its cells, one per column.
    let cells: [CSVCell]
    /// The line it starts on.
    let line: Int

    /// The cell in a column.
    subscript(column: Int) -> CSVCell { cells[column] }

    /// The byte its first cell starts at.
    var offset: Int { cells[0].offset }
}
