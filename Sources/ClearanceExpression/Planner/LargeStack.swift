import Foundation

/// Runs work on a thread of its own with a large stack, and waits for it.
///
/// Parsing, checking and planning recurse once per nesting level of an expression. Running them
/// on a known 64 MiB stack means the deepest expression the limits allow compiles the same on any
/// caller's thread, however small its stack (secondary threads often have 512 KiB).
enum LargeStack {
    /// The stack size of the compiling thread (reserved address space; pages are used only as touched).
    static let size = 64 << 20

    /// Runs `body` on a large-stack thread and returns its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let handoff = Handoff<T>()
        let thread = Thread {
            handoff.put(body())
        }
        thread.stackSize = size
        thread.start()
        return handoff.take()
    }
}

/// A one-shot box one thread fills and another waits on.
private final class Handoff<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func put(_ newValue: T) {
        condition.lock()
        value = newValue
        condition.signal()
        condition.unlock()
    }

    func take() -> T {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }
}
