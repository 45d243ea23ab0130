/// A few lines of a file, kept after its bytes were let go, in one buffer: each line's 1-based number and the end of its
/// text (two little-endian 32-bit numbers a line, in increasing line order), then the lines' text one after another.
///
/// A loaded organisation keeps two lines or so of every file, so one allocation a file, not a dictionary and a string a
/// line, is what keeping them costs.
struct KeptLines: Sendable {
    private let bytes: [UInt8]
    private let count: Int

    /// No line.
    init() {
        bytes = []
        count = 0
    }

    /// The given lines, by 1-based number (each once).
    init(_ lines: [(number: Int, text: String)]) {
        let sorted = lines.sorted { $0.number < $1.number }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.count * 8 + sorted.reduce(0) { $0 + $1.text.utf8.count })
        var end = 0
        for line in sorted {
            end += line.text.utf8.count
            Self.append(UInt32(clamping: line.number), to: &bytes)
            Self.append(UInt32(clamping: end), to: &bytes)
        }
        for line in sorted { bytes.append(contentsOf: line.text.utf8) }
        self.bytes = bytes
        count = sorted.count
    }

    /// The text of a kept line, or `nil` when the line was not kept.
    subscript(line: Int) -> String? {
        var start = 0
        for index in 0..<count {
            let end = Int(number(at: index * 8 + 4))
            if Int(number(at: index * 8)) == line {
                return String(decoding: bytes[(count * 8 + start)..<(count * 8 + end)], as: UTF8.self)
            }
            start = end
        }
        return nil
    }

    private func number(at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
