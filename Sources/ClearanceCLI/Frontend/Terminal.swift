#if canImport(Glibc)
import Glibc
#endif

/// Standard output and standard error, written without buffering surprises.
public struct Terminal: Sendable {
    let descriptor: Int32

    /// A writer for an open file descriptor.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// Standard output.
    public static let standardOutput = Terminal(descriptor: 1)
    /// Standard error.
    public static let standardError = Terminal(descriptor: 2)

    /// Writes text; returns false when the write failed (a closed pipe, a full disk).
    @discardableResult
    public func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)  // safe: count > 0
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
    }

    /// Flushes every C output buffer (the one `print` writes to included).
    public func flush() { fflush(nil) }

    /// Whether the stream is an interactive terminal.
    public var isTerminal: Bool { isatty(descriptor) == 1 }
}
