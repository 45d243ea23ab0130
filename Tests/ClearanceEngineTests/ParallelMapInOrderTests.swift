import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing

/// `ParallelMap.forEachInOrder` hands every result on once, in index order, whatever order the threads finish in.
@Suite("Results handed on in order")
struct ParallelMapInOrderTests {
    /// The piece's index, after work whose cost varies a lot from piece to piece, so later pieces often finish before
    /// earlier ones.
    static func work(_ index: Int) -> (index: Int, checksum: Int) {
        var value = index
        for _ in 0..<((index * 7_919) % 97) * 2_000 { value = value &* 31 &+ 7 }
        return (index, value)
    }

    @Test(arguments: [1, 2, 3, 8])
    func everyResultIsHandedOnOnceInIndexOrder(jobs: Int) {
        let handed = Mutex<[Int]>([])
        let done = Atomic<Int>(0)
        ParallelMap.forEachInOrder(500, jobs: jobs, done: { finished in done.store(max(done.load(ordering: .relaxed), finished), ordering: .relaxed) }) {
            Self.work($0)
        } consume: { result in
            handed.withLock { $0.append(result.index) }
        }
        #expect(handed.withLock { $0 } == Array(0..<500))
        #expect(done.load(ordering: .relaxed) == 500)
    }

    @Test func nothingToDoHandsNothingOn() {
        let handed = Mutex(0)
        ParallelMap.forEachInOrder(0, jobs: 4) { $0 } consume: { _ in handed.withLock { $0 += 1 } }
        #expect(handed.withLock { $0 } == 0)
    }
    /// With `ahead`, no more results are made or being made than that before they are handed on, even when the first piece
    /// is by far the slowest (without it, the other threads would make every other piece meanwhile); all are handed on in order.
    @Test(arguments: [2, 3, 8])
    func aheadBoundsTheResultsNotHandedOn(jobs: Int) {
        let inFlight = Atomic<Int>(0), most = Atomic<Int>(0)
        let handed = Mutex<[Int]>([])
        ParallelMap.forEachInOrder(300, jobs: jobs, ahead: 4) { index in
            let now = inFlight.wrappingAdd(1, ordering: .relaxed).newValue
            _ = most.max(now, ordering: .relaxed)
            if index == 0 { usleep(100_000) }
            return Self.work(index).index
        } consume: { index in
            inFlight.wrappingSubtract(1, ordering: .relaxed)
            handed.withLock { $0.append(index) }
        }
        #expect(handed.withLock { $0 } == Array(0..<300))
        #expect(most.load(ordering: .relaxed) <= 4)
        #expect(inFlight.load(ordering: .relaxed) == 0)
    }

    /// `forEachBatch` cuts the count into ranges of the size asked, the last shorter, handed on in order.
    @Test(arguments: [1, 2, 8])
    func batchesCoverTheCountInOrder(jobs: Int) {
        var ranges: [Range<Int>] = []
        ParallelMap.forEachBatch(of: 1_001, size: 10, jobs: jobs) { $0 } consume: { ranges.append($0) }
        #expect(ranges == stride(from: 0, to: 1_001, by: 10).map { $0..<min(1_001, $0 + 10) })
    }
}
