import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif

/// A file that documents were read from: its path, its bytes, and the table that turns byte
/// offsets into lines.
///
/// The bytes stay with the file (and so with its documents) for error snippets, so a snippet
/// never reads the file again: it shows what was checked, even if the file changed or went since.
/// A file whose documents passed their own checks may let its bytes go and keep only the lines
/// later errors can quote (``keepingLines(_:)``).
/// Line breaks are counted as libyaml counts them (`\n`, `\r\n`, `\r`, NEL, LS, PS), so that
/// the columns libyaml reports and the lines computed here always agree.
public final class SourceFile: Sendable {
    /// The path as the user gave it.
    public let path: String
    /// Where each line starts; the first line starts after a byte-order mark.
    let lines: LineIndex
    /// The file's bytes, as read; empty in a copy made by ``keepingLines(_:)``.
    public let text: [UInt8]
    /// The text of the lines a copy made by ``keepingLines(_:)`` kept, by 1-based line.
    private let keptLines: KeptLines
    /// Whether the file holds all its bytes (it was read, not copied by ``keepingLines(_:)``).
    public let holdsText: Bool

    init(path: String, lineStarts: [UInt32], text: [UInt8]) {
        self.path = path
        self.lines = LineIndex(starts: lineStarts)
        self.text = text
        self.keptLines = KeptLines()
        self.holdsText = true
    }

    private init(path: String, lines: LineIndex, keptLines: KeptLines) {
        self.path = path
        self.lines = lines
        self.text = []
        self.keptLines = keptLines
        self.holdsText = false
    }

    /// A copy of the file with its path and line table but, of its text, only `lines` (1-based), for documents kept after
    /// their checks: they still locate every node, and errors about them can still quote those lines. Without
    /// `lineTable`, for documents that keep their nodes' lines themselves (compacted ones), the copy places every offset
    /// on line 1.
    public func keepingLines(_ lines: some Sequence<Int>, lineTable: Bool = true) -> SourceFile {
        var kept: [(number: Int, text: String)] = []
        for line in Set(lines) { if let text = lineText(line) { kept.append((line, text)) } }
        return SourceFile(path: path, lines: lineTable ? self.lines : .none, keptLines: KeptLines(kept))
    }

    /// A file whose bytes are `text`, kept for locating nodes and quoting lines: what a reader of any format starts from.
    public convenience init(path: String, text: [UInt8]) {
        self.init(path: path, lineStarts: LineTable.scan(text).lineStarts, text: text)
    }

    /// The location of a byte offset, its column counted in characters from the start of its line (in bytes, once the
    /// text is let go: nodes keep their own columns).
    public func location(offset: Int) -> SourceLocation {
        location(offset: offset, column: column(ofOffset: offset))
    }

    /// The 1-based character column of a byte offset.
    func column(ofOffset offset: Int) -> Int {
        let start = self.start(ofLine: line(containing: offset))
        guard offset >= start else { return 1 }  // inside the byte-order mark before the first line: a file's start
        guard offset <= text.count else { return offset - start + 1 }
        var column = 1
        for index in start..<offset where text[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The 1-based line that contains a byte offset, found near the line `cursor` is on.
    func line(containing offset: Int, near cursor: inout LineCursor) -> Int { lines.line(containing: offset, near: &cursor) }

    /// The 1-based line that contains a byte offset.
    public func line(containing offset: Int) -> Int { lines.line(containing: offset) }

    /// The byte offset where a 1-based line starts.
    func start(ofLine line: Int) -> Int { lines.start(ofLine: line - 1) }

    /// The location of a byte offset whose column (in characters) is already known.
    public func location(offset: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line(containing: offset), column: column, offset: offset)
    }

    /// The text of a 1-based line without its line break, for error snippets.
    public func lineText(_ line: Int) -> String? {
        guard holdsText else { return keptLines[line] }
        guard line >= 1, line <= lines.count else { return nil }
        return Self.lineText(in: text, start: start(ofLine: line))
    }

    static func lineText(in bytes: [UInt8], start: Int) -> String {
        guard start < bytes.count else { return "" }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// Line starts and whether a text is pure ASCII, found in one pass over its bytes.
struct LineTable {
    var lineStarts: [UInt32]
    var isASCII: Bool
    var byteOrderMarkLength: Int

    static func scan(_ bytes: [UInt8]) -> LineTable {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> LineTable {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let ascii = isASCII(bytes, from: bom)
        let starts = (ascii || !containsUnicodeBreak(bytes)) && !contains(bytes, 0x0D)
            ? newlineStarts(bytes, bom: bom) : allBreakStarts(bytes, bom: bom)
        return LineTable(lineStarts: starts, isASCII: ascii, byteOrderMarkLength: bom)
    }

    /// Line starts when `\n` is the only line break: `memchr` finds each one.
    private static func newlineStarts(_ bytes: UnsafeBufferPointer<UInt8>, bom: Int) -> [UInt32] {
        var starts: [UInt32] = [UInt32(bom)]
        guard let base = bytes.baseAddress else { return starts }
        starts.reserveCapacity(bytes.count / 24 + 1)
        var position = bom
        while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
            position = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
            starts.append(UInt32(truncatingIfNeeded: position))
        }
        return starts
    }

    /// Line starts with every break libyaml knows: `\n`, `\r\n`, `\r`, NEL, LS and PS.
    private static func allBreakStarts(_ bytes: UnsafeBufferPointer<UInt8>, bom: Int) -> [UInt32] {
        var starts: [UInt32] = [UInt32(bom)]
        var i = bom
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == 0x0A {
                starts.append(UInt32(truncatingIfNeeded: i + 1))
            } else if byte == 0x0D {
                if i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(UInt32(truncatingIfNeeded: i + 1))
            } else if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 {  // NEL
                i += 1
                starts.append(UInt32(truncatingIfNeeded: i + 1))
            } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {  // LS, PS
                i += 2
                starts.append(UInt32(truncatingIfNeeded: i + 1))
            }
            i += 1
        }
        return starts
    }

    /// Whether every byte from `start` on is below 0x80, checked eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = start
        var seen: UInt64 = 0
        while i + 8 <= bytes.count {
            seen |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < bytes.count { seen |= UInt64(bytes[i]); i += 1 }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// Whether NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9) occurs anywhere.
    private static func containsUnicodeBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for (lead, length) in [(UInt8(0xC2), 2), (UInt8(0xE2), 3)] {
            var position = 0
            while position < bytes.count, let found = memchr(base + position, Int32(lead), bytes.count - position) {
                let index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                if index + length <= bytes.count {
                    if lead == 0xC2, bytes[index + 1] == 0x85 { return true }
                    if lead == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
                }
                position = index + 1
            }
        }
        return false
    }
}
