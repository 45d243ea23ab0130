import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs independent pieces of work on several threads and returns their results in input order,
/// so what a run produces never depends on scheduling.
public enum ParallelMap {
    /// The number of processors online, the default number of jobs.
    public static var processorCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }

    /// `body(0) ... body(count - 1)` on up to `jobs` threads, results in index order.
    ///
    /// Threads take the next index from a shared counter, so uneven pieces balance out.
    /// `done`, when given, is called after each piece with the number of pieces finished so far.
    public static func map<T: Sendable>(_ count: Int, jobs: Int, done: (@Sendable (Int) -> Void)? = nil,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        let finished = Atomic<Int>(0)
        guard jobs > 1, count > 1 else {
            return (0..<count).map { index in
                defer { done?(index + 1) }
                return body(index)
            }
        }
        let slots = ResultSlots<T>(count: count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                slots.store(body(index), at: index)
                if let done { done(finished.wrappingAdd(1, ordering: .relaxed).newValue) }
            }
        }
        return slots.collect()
    }

    /// `body` over `0..<count` cut into ranges of `size`, on up to `jobs` threads, each range's result handed to `consume`
    /// in order, one at a time, while the threads go on making the next ones; at most twice `jobs` ranges are made ahead of
    /// the one handed on, so the results held at once stay bounded whatever `count` is (a report written a batch at a time).
    public static func forEachBatch<T: Sendable>(of count: Int, size: Int, jobs: Int, _ body: @Sendable (Range<Int>) -> T,
                                                 consume: (T) -> Void) {
        let size = max(1, size), batches = (count + size - 1) / size
        withoutActuallyEscaping(consume) { consume in
            // Called for one range at a time, in order, never after this call returns.
            nonisolated(unsafe) let consume = consume
            forEachInOrder(batches, jobs: jobs, ahead: max(1, jobs) * 2) { index in
                body((index * size)..<min(count, (index + 1) * size))
            } consume: { consume($0) }
        }
    }

    /// `body(0) ... body(count - 1)` on up to `jobs` threads, each result handed to `consume` in index order, one at a
    /// time, as soon as every result before it was: what ``map(_:jobs:done:_:)`` and a loop over its results do, holding
    /// only the results not handed on yet rather than all of them; with `ahead`, at most that many made or being made
    /// but not handed on (a thread waits rather than start one more).
    public static func forEachInOrder<T: Sendable>(_ count: Int, jobs: Int, ahead: Int? = nil, done: (@Sendable (Int) -> Void)? = nil,
                                                   _ body: @Sendable (Int) -> T, consume: @Sendable (T) -> Void) {
        guard jobs > 1, count > 1 else {
            for index in 0..<count {
                consume(body(index))
                done?(index + 1)
            }
            return
        }
        let waiting = Mutex<(next: Int, results: [Int: T])>((0, [:]))
        let next = Atomic<Int>(0), finished = Atomic<Int>(0)
        // One permit for each result that may be made ahead: taken before an index, given back as a result is handed on.
        // An index is taken only with a permit, so the one to hand on next always has one, and the run always goes on.
        let permits = ahead.map { DispatchSemaphore(value: max(1, $0)) }
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while true {
                permits?.wait()
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else {
                    permits?.signal()
                    return
                }
                let result = body(index)
                waiting.withLock { waiting in
                    waiting.results[index] = result
                    while let ready = waiting.results.removeValue(forKey: waiting.next) {
                        consume(ready)
                        waiting.next += 1
                        permits?.signal()
                    }
                }
                if let done { done(finished.wrappingAdd(1, ordering: .relaxed).newValue) }
            }
        }
    }
}

/// Storage where each index is written by exactly one thread, read after all have finished.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    /// Stores a result; each index is stored once, by one thread.
    func store(_ value: T, at index: Int) { buffer[index] = value }

    /// The results in order; every index must have been stored.
    func collect() -> [T] { buffer.map { $0! } }  // safe: concurrentPerform returns after every index was stored
}
