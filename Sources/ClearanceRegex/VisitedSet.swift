/// The instructions one simulation step has visited: O(1) insert, and O(1) clear by moving to
/// a new generation instead of wiping the marks.
struct VisitedSet {
    private var marks: [UInt32]
    private var generation: UInt32 = 1

    /// Creates an empty set for indices below `capacity`.
    init(capacity: Int) {
        marks = Array(repeating: 0, count: capacity)
    }

    /// Adds `index`; returns false if it was already a member.
    mutating func insert(_ index: Int) -> Bool {
        if marks[index] == generation { return false }
        marks[index] = generation
        return true
    }

    /// Removes every member.
    mutating func removeAll() {
        generation &+= 1
        if generation == 0 {
            // After 2^32 steps the marks of the first generation would read as current again.
            for index in marks.indices { marks[index] = 0 }
            generation = 1
        }
    }
}
