import ClearanceCore

/// An open-addressing hash table from byte strings to 32-bit values, with the key bytes in one pool.
///
/// Looking up a key hashes and compares its bytes; no `String` is made. Used to intern mapping
/// keys as symbols and to share repeated scalar strings.
struct ByteKeyedTable {
    private struct Slot {
        var hash: UInt32 = 0
        var value: UInt32 = .max  // .max marks an empty slot
        var start: UInt32 = 0
        var length: UInt32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 256)
    private var pool: [UInt8] = []
    /// The number of keys stored.
    private(set) var count = 0

    /// The value stored for `key`, or `nil`.
    func value(for key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index].value != .max {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.length) == key.count, equals(slot, key) { return slot.value }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key`, which must not be stored yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: UInt32) {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index].value != .max { index = (index + 1) & mask }
        slots[index] = Slot(hash: hash, value: value, start: UInt32(truncatingIfNeeded: pool.count), length: UInt32(key.count))
        pool.append(contentsOf: key)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// Forgets every key.
    mutating func removeAll() {
        slots = [Slot](repeating: Slot(), count: 256)
        pool.removeAll(keepingCapacity: true)
        count = 0
    }

    private func equals(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        pool.withUnsafeBufferPointer { pool in
            let start = Int(slot.start)
            for offset in 0..<key.count where pool[start + offset] != key[offset] { return false }
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

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 { UInt32(truncatingIfNeeded: WordHash.hash(key)) }
}
