/// The text of many findings kept in a few large blocks instead of an allocation each: a first audit keeps millions of
/// messages, and a string of its own costs a message about fifty bytes more than its text.
///
/// One thread writes into an arena, while it evaluates a batch of documents; the texts are read once the batch's findings
/// are handed on. A block is never moved, changed or freed while the arena lives, so a kept text is a pointer into it and
/// reading one never touches the arena's own state.
final class TextArena: @unchecked Sendable {
    /// The largest text kept in a block; a longer one (an error's message, say) keeps a string of its own.
    static let longestKept = 4096
    private static let largestBlock = 1 << 16

    // One thread at a time uses an arena (above), and no access to its state overlaps another: unchecked.
    @exclusivity(unchecked) private var blocks: [UnsafeMutableRawBufferPointer] = []
    /// The last block, where texts are written.
    @exclusivity(unchecked) private var current = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    /// The bytes used in the last block.
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private var nextBlockSize = 2048

    /// `text`, kept in a block unless it is short enough to be held inline or too long for one.
    func keep(_ text: String) -> KeptText {
        startText()
        append(text)
        return finishText()
    }

    /// The text being written (``startText()``): its bytes so far, from `used` in the last block, or a string once it grew
    /// longer than a block keeps.
    @exclusivity(unchecked) private var writing = 0
    @exclusivity(unchecked) private var overflow: String?

    /// Starts a text written a piece at a time (``append(_:)-(String)``), kept by ``finishText()``.
    func startText() {
        writing = 0
        overflow = nil
    }

    /// Appends a piece to the text being written.
    func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends UTF-8 bytes, whole characters, to the text being written.
    func append(_ piece: UnsafeRawBufferPointer) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        let count = writing + piece.count
        if overflow == nil, count <= Self.longestKept, used + count <= current.count {
            (current.baseAddress! + used + writing).copyMemory(from: source, byteCount: piece.count)  // safe: room checked above
            writing = count
            return
        }
        if overflow != nil {
            overflow! += String(decoding: piece, as: UTF8.self)  // safe: set just above
            return
        }
        guard count <= Self.longestKept else {
            overflow = String(decoding: writtenSoFar, as: UTF8.self) + String(decoding: piece, as: UTF8.self)
            return
        }
        // The text so far moves to a new block with room for all of it.
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, nextBlockSize), alignment: 1)
        if writing > 0 { block.baseAddress!.copyMemory(from: writtenSoFar.baseAddress!, byteCount: writing) }  // safe: both hold `writing` bytes
        blocks.append(block)
        current = block
        used = 0
        nextBlockSize = min(nextBlockSize * 2, Self.largestBlock)
        (current.baseAddress! + writing).copyMemory(from: source, byteCount: piece.count)  // safe: the block holds `count` bytes
        writing = count
    }

    /// The text written since ``startText()``, kept in a block unless it is short enough to be held inline or too long for one.
    func finishText() -> KeptText {
        if let overflow {
            self.overflow = nil
            return KeptText(overflow)
        }
        let text = writtenSoFar
        writing = 0
        // A short text is held inline by a string of its own, at no cost; its bytes in the block are written over.
        guard text.count > 15 else { return KeptText(String(decoding: text, as: UTF8.self)) }
        used += text.count
        return KeptText(arena: self, bytes: text)
    }

    /// The bytes of the text being written.
    private var writtenSoFar: UnsafeRawBufferPointer {
        guard writing > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: current.baseAddress! + used, count: writing)  // safe: `writing` > 0 bytes in the last block
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}

/// A finding's text: a string, or bytes in a ``TextArena`` (which it keeps alive).
struct KeptText: @unchecked Sendable {
    private enum Storage {
        case string(String)
        case arena(TextArena, UnsafeRawBufferPointer)
    }

    private let storage: Storage

    /// A text held as a string.
    init(_ text: String) { storage = .string(text) }

    /// A text in an arena's block.
    fileprivate init(arena: TextArena, bytes: UnsafeRawBufferPointer) { storage = .arena(arena, bytes) }

    /// The text.
    var string: String {
        switch storage {
        case .string(let text): text
        case .arena(_, let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
