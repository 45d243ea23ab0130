import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (loading a project, reading thousands of file signatures) on a thread of its own, at the lowest
/// scheduling priority, so it holds none of the few threads that answer requests and yields the processor to them.
enum OwnThread {
    /// `work`'s result, computed on a new thread.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                #if os(Linux)
                // On Linux the nice value belongs to the thread (who 0: the calling one); 19 gives way to every thread at 0.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
                #endif
                continuation.resume(returning: work())
            }
        }
    }
}
