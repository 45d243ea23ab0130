import Synchronization

/// The entry positions where the steps of a walk through mappings last found their keys, shared by every thread taking
/// the walk: a guess to try first, read and written with relaxed atomics (a stale guess only costs a scan).
///
/// Documents of one kind keep their keys in much the same order, so a walk that remembers where each key was usually
/// finds it with one comparison.
public final class LookupHints: Sendable {
    // Every access goes through an atomic; the pointer itself never changes.
    nonisolated(unsafe) private let positions: UnsafeMutablePointer<Atomic<Int>>
    private let count: Int

    /// Hints for a walk of `count` steps, each guessing the first entry.
    public init(count: Int) {
        self.count = count
        positions = .allocate(capacity: max(1, count))
        for index in 0..<max(1, count) { (positions + index).initialize(to: Atomic(0)) }
    }

    deinit {
        positions.deinitialize(count: max(1, count))
        positions.deallocate()
    }

    /// The guess for step `index`.
    public subscript(index: Int) -> Int {
        get { positions[index].load(ordering: .relaxed) }
        set { if positions[index].load(ordering: .relaxed) != newValue { positions[index].store(newValue, ordering: .relaxed) } }
    }
}
