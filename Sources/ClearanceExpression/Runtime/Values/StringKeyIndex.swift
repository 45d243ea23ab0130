import ClearanceCore

/// A hash index over string keys, for maps whose keys are all strings (lookup maps such as
/// `members`, and params): ``WordHash`` over the UTF-8 bytes and open addressing, so a lookup
/// costs a few instructions per eight bytes of key.
struct StringKeyIndex: Sendable {
    /// Position + 1 of the key in each slot; 0 marks an empty slot.
    private let slots: [Int32]
    /// The high half of each slot's key's hash, compared before the key itself (the low half chose the slot).
    private let hashes: [UInt32]
    private let keys: [String]
    private let mask: Int

    /// Indexes `keys`; the first of repeated keys wins.
    init(_ keys: [String]) {
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for (position, key) in keys.enumerated() {
            let hash = Self.hash(key), high = UInt32(truncatingIfNeeded: hash >> 32)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                if hashes[slot] == high, stringsEqual(keys[Int(slots[slot]) - 1], key) { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] == 0 {
                slots[slot] = Int32(position + 1)
                hashes[slot] = high
            }
        }
        self.slots = slots
        self.hashes = hashes
        self.keys = keys
        self.mask = mask
    }

    /// The position of `key`, or `nil`.
    func position(of key: String) -> Int? {
        let hash = Self.hash(key), high = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if hashes[slot] == high, stringsEqual(keys[Int(stored) - 1], key) { return Int(stored) - 1 }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ key: String) -> UInt64 { WordHash.hash(key) }
}
