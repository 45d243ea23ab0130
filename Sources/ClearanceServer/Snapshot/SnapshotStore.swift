import ClearanceCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Prepares a snapshot: loads the project anew and returns it, or throws what stopped the load (a `Diagnostics`, say).
public typealias SnapshotLoader = @Sendable () throws -> ServerSnapshot

/// The snapshot the server answers from, swapped whole: a request reads one snapshot from start to end, and a reload
/// that fails keeps the one in service and records why.
public final class SnapshotStore: Sendable {
    /// What went wrong with the last reload, and when.
    public struct ReloadError: Sendable {
        /// When the reload was tried.
        public let at: Timestamp
        /// What stopped it, as the command line would print it.
        public let message: String
    }

    /// The snapshot in service with the number of its load and the wall-clock time that load started reading files.
    public struct Loaded: Sendable {
        /// The snapshot.
        public let snapshot: ServerSnapshot
        /// 1 for the first snapshot swapped in, 2 for the next, and so on: tells two loads of equal files apart.
        public let generation: Int
        /// When its load started, in nanoseconds since the epoch: a file changed after this may not be in it.
        public let startedAt: Int64
    }

    private struct State {
        var loaded: Loaded?
        var lastError: ReloadError?
        var reloadFailures = 0
    }

    private let state = Mutex(State())
    private let loader: SnapshotLoader
    /// Serialises reloads: two signals in a row prepare one snapshot after the other, never two at once.
    private let reloading = Mutex(())
    private let clock: @Sendable () -> Timestamp

    /// A store that loads with `loader`; nothing is loaded until ``reload()``. `clock` stamps reload errors.
    public init(loader: @escaping SnapshotLoader, clock: @escaping @Sendable () -> Timestamp) {
        self.loader = loader
        self.clock = clock
    }

    /// The snapshot in service, `nil` until the first load succeeds.
    public var current: ServerSnapshot? { state.withLock { $0.loaded?.snapshot } }

    /// The snapshot in service with its generation and when its load started, `nil` until the first load succeeds.
    public var loaded: Loaded? { state.withLock { $0.loaded } }

    /// The last reload's error, `nil` once a reload succeeds.
    public var lastError: ReloadError? { state.withLock { $0.lastError } }

    /// How many reloads have failed since the server started.
    public var reloadFailures: Int { state.withLock { $0.reloadFailures } }

    /// Loads the project on the calling thread and swaps the new snapshot in; on failure the snapshot in service stays
    /// and the error is recorded and rethrown.
    @discardableResult
    public func reload() throws -> ServerSnapshot {
        // A load allocates far more than the snapshot keeps (every pass of the audit, the parsed files): give the freed
        // memory back to the system once it is done, so the server's resident size is what it serves from.
        defer { Self.releaseFreedMemory() }
        return try reloading.withLock { _ in
            let startedAt = FileSignature.wallClockNanoseconds()
            do {
                let snapshot = try loader()
                state.withLock { state in
                    state.loaded = Loaded(snapshot: snapshot, generation: (state.loaded?.generation ?? 0) + 1, startedAt: startedAt)
                    state.lastError = nil
                }
                return snapshot
            } catch {
                let message = Self.describe(error)
                let at = clock()
                state.withLock { state in
                    state.lastError = ReloadError(at: at, message: message)
                    state.reloadFailures += 1
                }
                throw error
            }
        }
    }

    /// Returns the heap's free pages to the system (glibc's `malloc_trim`); nothing elsewhere.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        _ = mallocTrim?(0)
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim`, which its Swift module does not import (it is in `malloc.h`); `nil` on another C library.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    #endif

    /// An error as the command line prints it: diagnostics in full, anything else by its description.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let diagnostics as Diagnostics: diagnostics.rendered
        case let diagnostic as Diagnostic: diagnostic.rendered
        default: String(describing: error)
        }
    }
}
