/// The set of instruction indices active at one text position: a sparse set with O(1) insert and clear.
struct ThreadList {
    private var sparse: [Int32]
    private var dense: [Int32]
    /// The number of members.
    private(set) var count = 0

    /// Creates an empty set for indices below `capacity`.
    init(capacity: Int) {
        sparse = Array(repeating: 0, count: capacity)
        dense = Array(repeating: 0, count: capacity)
    }

    /// The member inserted `slot`-th, for `slot` below `count`.
    subscript(slot: Int) -> Int { Int(dense[slot]) }

    /// Adds `index`; returns false if it was already a member.
    mutating func insert(_ index: Int) -> Bool {
        let slot = Int(sparse[index])
        if slot < count, dense[slot] == index { return false }
        sparse[index] = Int32(count)
        dense[count] = Int32(index)
        count += 1
        return true
    }

    /// Removes every member.
    mutating func removeAll() { count = 0 }
}
