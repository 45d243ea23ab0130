import ClearanceCore

/// An open-addressing hash table from byte strings to 32-bit values.
///
/// Keys of up to 16 bytes (most mapping keys and scalar values) are kept in the slot as two
/// words, hashed and compared word by word; longer keys live in one byte pool. Looking up a key
/// makes no `String`. Used to intern mapping keys as symbols and to share repeated strings.
struct ByteKeyedTable {
    private struct Slot {
        var first: UInt64 = 0
        var second: UInt64 = 0
        var hash: UInt32 = 0
        var value: UInt32 = .max  // .max marks an empty slot
        var start: UInt32 = 0
        var length: UInt32 = 0
    }

    /// A key read for lookup: its length, its first 16 bytes as words, and its hash.
    private struct Key {
        var first: UInt64 = 0
        var second: UInt64 = 0
        var hash: UInt32

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            if bytes.count <= 16 {
                withUnsafeMutableBytes(of: &first) { UnsafeMutableRawBufferPointer(rebasing: $0[..<min(8, bytes.count)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[..<min(8, bytes.count)])) }
                if bytes.count > 8 {
                    withUnsafeMutableBytes(of: &second) { UnsafeMutableRawBufferPointer(rebasing: $0[..<(bytes.count - 8)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[8...])) }
                }
                let mixed = (first &* 0xFF51_AFD7_ED55_8CCD) ^ (second &* 0xC4CE_B9FE_1A85_EC53) ^ UInt64(bytes.count)
                hash = UInt32(truncatingIfNeeded: mixed ^ (mixed >> 29))
            } else {
                hash = UInt32(truncatingIfNeeded: WordHash.hash(bytes))
            }
        }
    }

    private var slots = [Slot](repeating: Slot(), count: 256)
    private var pool: [UInt8] = []
    /// The number of keys stored.
    private(set) var count = 0

    /// The value stored for `key`, or `nil`.
    func value(for bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let key = Key(bytes)
        let mask = slots.count - 1
        var index = Int(key.hash) & mask
        while slots[index].value != .max {
            let slot = slots[index]
            if slot.hash == key.hash, Int(slot.length) == bytes.count, matches(slot, key, bytes) { return slot.value }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key`, which must not be stored yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: UInt32) {
        let key = Key(bytes)
        let mask = slots.count - 1
        var index = Int(key.hash) & mask
        while slots[index].value != .max { index = (index + 1) & mask }
        var slot = Slot(first: key.first, second: key.second, hash: key.hash, value: value, start: 0, length: UInt32(bytes.count))
        if bytes.count > 16 {
            slot.start = UInt32(truncatingIfNeeded: pool.count)
            pool.append(contentsOf: bytes)
        }
        slots[index] = slot
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// Forgets every key.
    mutating func removeAll() {
        slots = [Slot](repeating: Slot(), count: 256)
        pool.removeAll(keepingCapacity: true)
        count = 0
    }

    private func matches(_ slot: Slot, _ key: Key, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count <= 16 { return slot.first == key.first && slot.second == key.second }
        return pool.withUnsafeBufferPointer { pool in
            let start = Int(slot.start)
            for offset in 0..<bytes.count where pool[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.value != .max {
            var index = Int(slot.hash) & mask
            while slots[index].value != .max { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
