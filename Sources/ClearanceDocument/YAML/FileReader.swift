import ClearanceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file safely: never blocks on a FIFO, never reads past a limit,
/// and notices a file that changes while it is read.
public enum FileReader {
    /// The bytes of the regular file at `path`, or a diagnostic naming the path and the cause.
    public static func read(path: String, limit: Int) throws(Diagnostic) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var before = stat()
        guard fstat(descriptor, &before) == 0 else { throw failure(path, errno) }
        if let kind = nonRegularKind(before.st_mode) {
            throw Diagnostic(code: YAMLErrorCode.notRegularFile, message: "is \(kind), not a regular file", file: path)
        }
        let expected = Int(before.st_size)
        guard expected <= limit else { throw tooLarge(path, size: expected, limit: limit) }
        // Loading a file takes up to about `loadFactor` times its size (its nodes, strings and positions); a machine or a
        // `ulimit -v` that cannot give that much ends here with an error rather than in an allocation failure later.
        let (needed, overflow) = expected.multipliedReportingOverflow(by: loadFactor)
        guard !overflow, hasMemory(for: needed) else { throw outOfMemory(path, size: overflow ? Int.max : needed) }
        var capacity = expected + 1
        var bytes: [UInt8] = []
        var readError: Int32 = 0
        while true {
            // Read into uninitialised storage (no zero-filling); stop at end of file or past the limit.
            let previous = bytes
            guard hasMemory(for: capacity + previous.count) else { throw outOfMemory(path, size: capacity) }
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                _ = buffer.initialize(fromContentsOf: previous)
                count = previous.count
                while count < buffer.count {
                    let result = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)  // safe: capacity > count
                    if result < 0 {
                        if errno == EINTR { continue }
                        readError = errno
                        return
                    }
                    if result == 0 { return }
                    count += result
                }
            }
            if readError != 0 { throw failure(path, readError) }
            if bytes.count < capacity { break }
            guard bytes.count <= limit else { throw tooLarge(path, size: bytes.count, limit: limit) }
            capacity = bytes.count * 2
        }
        let total = bytes.count
        guard total <= limit else { throw tooLarge(path, size: total, limit: limit) }
        var after = stat()
        guard fstat(descriptor, &after) == 0 else { throw failure(path, errno) }
        if total != expected || after.st_size != before.st_size
            || after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec {
            throw Diagnostic(code: YAMLErrorCode.changed, message: "file changed while it was being read; run again", file: path)
        }
        return bytes
    }

    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a file"
        }
    }

    /// How many times a file's size loading it may take at most: a file of many short scalars peaks at about seven.
    static let loadFactor = 8

    /// Whether `size` bytes can be allocated now: a Swift allocation that fails stops the process, so the
    /// size read from the file is tried with `malloc` first and a failure becomes an error instead.
    static func hasMemory(for size: Int) -> Bool {
        guard let probe = malloc(size) else { return false }
        free(probe)
        return true
    }

    private static func outOfMemory(_ path: String, size: Int) -> Diagnostic {
        Diagnostic(code: YAMLErrorCode.outOfMemory, message: "not enough memory to read and load the file (\(size.grouped) bytes needed)", file: path)
    }

    private static func tooLarge(_ path: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(code: YAMLErrorCode.sizeLimit, message: "file is too large: \(size.grouped) bytes, over the limit of \(ByteCount(limit))", file: path)
    }

    private static func failure(_ path: String, _ code: Int32) -> Diagnostic {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file or directory"
        case EACCES, EPERM: reason = "permission denied"
        case ELOOP: reason = "too many levels of symbolic links (a symlink loop)"
        case ENOTDIR: reason = "a component of the path is not a directory"
        case EISDIR: return Diagnostic(code: YAMLErrorCode.notRegularFile, message: "is a directory, not a regular file", file: path)
        default: reason = String(cString: strerror(code)).lowercased()
        }
        return Diagnostic(code: YAMLErrorCode.unreadable, message: "cannot read: \(reason)", file: path)
    }
}

/// Calls the system's `read(2)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A byte count shown the way people read it: `64 MiB`, `1.5 KiB`, `12 bytes`.
struct ByteCount: CustomStringConvertible {
    let bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            return bytes % size == 0 ? "\(bytes / size) \(name)" : "\(bytes) bytes"
        }
        return "\(bytes) bytes"
    }
}
