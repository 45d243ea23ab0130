/// A per-loader map from key bytes to symbols, so interning a key builds no `String` and takes no lock.
///
/// Open addressing over a power-of-two table; the bytes of each key live in one pool.
/// Misses (a key never seen by this loader) go to the process-wide ``SymbolTable``.
struct SymbolCache {
    private struct Slot {
        var hash: UInt32 = 0
        var symbol: UInt32 = .max  // .max marks an empty slot
        var start: UInt32 = 0
        var length: UInt32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 256)
    private var pool: [UInt8] = []
    private var count = 0

    /// The symbol for the key spelled by `text`.
    mutating func symbol(for text: UnsafeBufferPointer<UInt8>) -> Symbol {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index].symbol != .max {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.length) == text.count, equals(slot, text) { return Symbol(rawValue: slot.symbol) }
            index = (index + 1) & mask
        }
        let symbol = Symbol(String(decoding: text, as: UTF8.self))
        slots[index] = Slot(hash: hash, symbol: symbol.rawValue, start: UInt32(truncatingIfNeeded: pool.count), length: UInt32(text.count))
        pool.append(contentsOf: text)
        count += 1
        if count * 2 > slots.count { grow() }
        return symbol
    }

    private func equals(_ slot: Slot, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        pool.withUnsafeBufferPointer { pool in
            var offset = 0
            let start = Int(slot.start)
            while offset < text.count {
                if pool[start + offset] != text[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.symbol != .max {
            var index = Int(slot.hash) & mask
            while slots[index].symbol != .max { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
