import ClearanceCore
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
}
