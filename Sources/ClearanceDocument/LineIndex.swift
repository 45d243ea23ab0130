/// The lines of a file in about one byte per line: the length of each line, and the start of
/// every 16th line, so a file's line table costs a fraction of the file, not four bytes a line.
///
/// - Complexity: finding a line's start or the line of an offset is a binary search over the
///   checkpoints and at most 16 additions.
struct LineIndex: Sendable {
    private static let stride = 16
    /// The byte offset where lines 0, 16, 32, ... start.
    private let checkpoints: [UInt32]
    /// Each line's length in bytes, its break included; 255 means "see `longLengths`".
    private let lengths: [UInt8]
    /// The lengths of lines of 255 bytes or more, by line index.
    private let longLengths: [Int: UInt32]
    /// The number of lines.
    let count: Int

    /// No line table: every offset is on line 1, which starts at 0 (a file whose documents keep their lines themselves).
    static let none = LineIndex()

    private init() {
        checkpoints = []
        lengths = []
        longLengths = [:]
        count = 0
    }

    /// An index of lines that start at the given (increasing) byte offsets.
    init(starts: [UInt32]) {
        count = starts.count
        var checkpoints: [UInt32] = []
        checkpoints.reserveCapacity(starts.count / Self.stride + 1)
        var lengths = [UInt8](repeating: 0, count: starts.count)
        var longLengths: [Int: UInt32] = [:]
        for (index, start) in starts.enumerated() {
            if index % Self.stride == 0 { checkpoints.append(start) }
            let length = index + 1 < starts.count ? starts[index + 1] - start : 0
            if length >= 255 {
                lengths[index] = 255
                longLengths[index] = length
            } else {
                lengths[index] = UInt8(length)
            }
        }
        self.checkpoints = checkpoints
        self.lengths = lengths
        self.longLengths = longLengths
    }

    private func length(_ index: Int) -> Int {
        let short = lengths[index]
        return short == 255 ? Int(longLengths[index] ?? 0) : Int(short)
    }

    /// The byte offset where the 0-based line `index` starts.
    func start(ofLine index: Int) -> Int {
        guard !checkpoints.isEmpty else { return 0 }
        let block = index / Self.stride
        var start = Int(checkpoints[block])
        for line in (block * Self.stride)..<index { start += length(line) }
        return start
    }

    /// The 1-based line that contains a byte offset.
    func line(containing offset: Int) -> Int { lineAndStart(containing: offset).line }

    /// Moves `cursor` to the line that contains `offset` and returns that line (1-based): a step to the next line or two
    /// when the offset is just past the cursor's line, as offsets asked in the order they were written are, else a search.
    func line(containing offset: Int, near cursor: inout LineCursor) -> Int {
        var steps = 0
        while offset >= cursor.end, cursor.line + 1 < count, steps < 4 {
            cursor.line += 1
            cursor.start = cursor.end
            cursor.end = cursor.line + 1 < count ? cursor.start + length(cursor.line) : .max
            steps += 1
        }
        if offset < cursor.start || offset >= cursor.end {
            let (line, start) = lineAndStart(containing: offset)
            cursor.line = line - 1
            cursor.start = start
            cursor.end = line < count ? start + length(line - 1) : .max
        }
        return cursor.line + 1
    }

    /// The 1-based line that contains a byte offset, and the byte offset where it starts.
    func lineAndStart(containing offset: Int) -> (line: Int, start: Int) {
        var low = 0, high = checkpoints.count
        while low < high {
            let mid = (low + high) / 2
            if Int(checkpoints[mid]) <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return (1, checkpoints.first.map(Int.init) ?? 0) }
        var line = (low - 1) * Self.stride
        var start = Int(checkpoints[low - 1])
        while line + 1 < count {
            let next = start + length(line)
            if next > offset { break }
            start = next
            line += 1
        }
        return (line + 1, start)
    }
}

/// A line of a ``LineIndex`` (0-based) and the byte offsets where it starts and where the next starts (`Int.max` for the
/// last), kept between questions about nearby offsets; a new cursor is on no line, so its first question is a search.
struct LineCursor {
    var line = 0, start = Int.max, end = Int.max
}
