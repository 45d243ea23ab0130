#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a path that changes when its contents do: device, inode, size, modification and change times
/// (to the nanosecond). A file replaced by a rename has a new inode; a file written in place a new time or size.
struct FileSignature: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64

    /// The signature of a path that does not exist or cannot be read by `stat`.
    static let missing = FileSignature(device: 0, inode: 0, size: -1, modified: 0, changed: 0)

    /// The signature of `path` now, following symbolic links as the loader does.
    static func of(_ path: String) -> FileSignature {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return FileSignature(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                             modified: nanoseconds(status.st_mtim), changed: nanoseconds(status.st_ctim))
    }

    /// The later of its modification and change times, in nanoseconds since the epoch.
    var latest: Int64 { max(modified, changed) }

    /// The wall-clock time now, in nanoseconds since the epoch (the clock file times are stamped by).
    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return nanoseconds(now)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
}
