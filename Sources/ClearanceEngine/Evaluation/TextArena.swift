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

    private var blocks: [UnsafeMutableRawBufferPointer] = []
    /// The bytes used in the last block.
    private var used = 0
    private var nextBlockSize = 2048

    /// `text`, kept in a block unless it is short enough to be held inline or too long for one.
    func keep(_ text: String) -> KeptText {
        var text = text
        let count = text.utf8.count
        guard count > 15, count <= Self.longestKept else { return KeptText(text) }
        if blocks.isEmpty || used + count > blocks[blocks.count - 1].count {
            let size = max(count, nextBlockSize)
            blocks.append(.allocate(byteCount: size, alignment: 1))
            used = 0
            nextBlockSize = min(nextBlockSize * 2, Self.largestBlock)
        }
        let start = blocks[blocks.count - 1].baseAddress! + used  // safe: a block of at least `count` > 0 bytes
        text.withUTF8 { start.copyMemory(from: $0.baseAddress!, byteCount: count) }  // safe: `count` > 0 bytes
        used += count
        return KeptText(arena: self, bytes: UnsafeRawBufferPointer(start: start, count: count))
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
