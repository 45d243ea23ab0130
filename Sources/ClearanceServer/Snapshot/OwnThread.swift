import Foundation

/// Runs blocking work (loading a project, reading thousands of file signatures) on a thread of its own, so it holds none of
/// the few threads that answer requests.
enum OwnThread {
    /// `work`'s result, computed on a new thread.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
