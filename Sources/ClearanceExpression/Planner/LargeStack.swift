#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread of its own with a large stack, and waits for it.
///
/// Parsing, checking and planning recurse once per nesting level of an expression. Running them
/// on a known 64 MiB stack means the deepest expression the limits allow compiles the same on any
/// caller's thread, however small its stack (secondary threads often have 512 KiB).
enum LargeStack {
    /// The stack size of the compiling thread (reserved address space; pages are used only as touched).
    static let size = 64 << 20

    /// The deepest tree whose walk runs on the caller's stack: far from what any thread's stack holds.
    static let shallowDepth = 16

    /// Runs `body`, which walks a tree `depth` levels deep: here when the tree is shallow, else as
    /// ``run(_:)`` does.
    static func run<T: Sendable>(depth: Int, _ body: @escaping @Sendable () -> T) -> T {
        depth <= shallowDepth ? body() : run(body)
    }

    /// Runs `body` on a large-stack thread and returns its result once that thread has ended,
    /// so nothing of it outlives the call. Runs `body` here if no thread can be started.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        var result: T?
        let job = Job { result = body() }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        guard pthread_create(&thread, &attributes, runJob, context) == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return body()
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
        return result ?? body()
    }
}

/// The work handed to the large-stack thread; it runs while the caller waits in `pthread_join`.
private final class Job: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}

/// The large-stack thread's start routine: runs the job passed as its argument.
#if canImport(Darwin)
private func runJob(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<Job>.fromOpaque(context).takeRetainedValue().work()
    return nil
}
#else
private func runJob(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    context.map { Unmanaged<Job>.fromOpaque($0).takeRetainedValue().work() }
    return nil
}
#endif
