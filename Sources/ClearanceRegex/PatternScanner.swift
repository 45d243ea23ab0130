/// Reads a pattern scalar by scalar and knows each scalar's UTF-8 byte offset, for error messages.
struct PatternScanner {
    private let scalars: [Unicode.Scalar]
    private let byteOffsets: [Int]
    /// The index of the next scalar to read.
    private(set) var index = 0

    /// Creates a scanner at the start of `pattern`.
    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
        byteOffsets = offsets
    }

    /// Whether every scalar has been read.
    var isAtEnd: Bool { index >= scalars.count }

    /// The scalar `ahead` places past the next one, without reading it.
    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    /// Whether the unread text starts with `prefix`.
    func hasPrefix(_ prefix: String) -> Bool {
        var ahead = 0
        for scalar in prefix.unicodeScalars {
            guard peek(ahead) == scalar else { return false }
            ahead += 1
        }
        return true
    }

    /// Reads one scalar.
    mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek() else { return nil }
        index += 1
        return scalar
    }

    /// Reads `scalar` if it comes next.
    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        index += 1
        return true
    }

    /// Reads `count` scalars.
    mutating func advance(by count: Int) {
        index = min(index + count, scalars.count)
    }

    /// Moves back to an earlier `index`.
    mutating func rewind(to index: Int) {
        self.index = index
    }

    /// The index of the next `scalar` at or after the current one, if any.
    func firstIndex(of scalar: Unicode.Scalar) -> Int? {
        scalars[index...].firstIndex(of: scalar)
    }

    /// The UTF-8 byte offset of the scalar at `index`.
    func byteOffset(of index: Int) -> Int {
        byteOffsets[min(index, byteOffsets.count - 1)]
    }

    /// The pattern text from scalar `start` up to (not including) `end`, or the current index.
    func text(from start: Int, to end: Int? = nil) -> String {
        let end = min(end ?? index, scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(start, end)..<end])
        return String(view)
    }
}
