import ClearanceCore
import Logging
import ServiceLifecycle

/// Reloads the snapshot when a file it was loaded from changes (the project file, a policy, an input, an export, or a file
/// added to or removed from a configured folder), as SIGHUP does: off the request path, swapped in whole, a failed reload
/// keeping the snapshot in service.
///
/// The files are compared by their `stat` signatures every `interval`, or less often for so many files that a look takes
/// more than a twentieth of it (the watch takes at most about 5% of a core); after a change the reload waits until two looks
/// `quiet` apart find nothing more changed (at most `settleLimit`), so a burst of writes reloads once.
struct ReloadOnChange: Service {
    let store: SnapshotStore
    let logger: Logger
    /// How often the files are compared.
    var interval: Duration = .seconds(1)
    /// How long the files must stay as they are after a change before the reload starts.
    var quiet: Duration = .milliseconds(250)
    /// The longest a reload waits for files that keep changing.
    var settleLimit: Duration = .seconds(5)

    /// How far before a load's start a file's time may lie and still be taken for a change the load may have missed: file
    /// times are stamped by the kernel's coarse clock, a few milliseconds behind the wall clock.
    static let clockSlack: Int64 = 20_000_000

    /// The files of one snapshot and their signatures when last compared.
    private struct Watching {
        let generation: Int
        let files: WatchedFiles
        var baseline: [FileSignature]
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await watch() }
        } catch is CancellationError {
            return
        }
    }

    private func watch() async throws {
        var watching: Watching?
        var look = Duration.zero
        while true {
            try await Task.sleep(for: max(interval, look * 20))
            guard let loaded = store.loaded else { continue }
            let changed: String
            if let current = watching, current.generation == loaded.generation {
                let (now, took) = await Self.signatures(current.files)
                look = took
                guard let path = current.files.firstChange(current.baseline, now) else { continue }
                changed = path
            } else {
                // A snapshot not seen before: a file written while it was read (or just before) may be missing from it.
                let (files, now) = await OwnThread.run {
                    let files = WatchedFiles(loaded.snapshot.watched)
                    return (files, files.signatures())
                }
                watching = Watching(generation: loaded.generation, files: files, baseline: now)
                guard let recent = files.firstChanged(in: loaded.startedAt - Self.clockSlack...FileSignature.wallClockNanoseconds(), now) else { continue }
                changed = recent
            }
            guard var current = watching else { continue }
            current.baseline = try await settled(current.files)
            watching = current
            logger.info("files changed: reloading the project", metadata: ["file": "\(VisibleText.escaped(changed))"])
            switch await ReloadOnHangup.reload(store) {
            case .success(let snapshot): logger.info("reloaded", metadata: ["revision": "\(snapshot.revision)"])
            case .failure: logger.error("reload failed; the previous snapshot keeps serving (see /v1/status)")
            }
        }
    }

    /// The signatures of `files` now, read off the pool that answers requests, and the time the look itself took: not the
    /// wait for a thread, which on a busy machine would stretch the interval twentyfold.
    private static func signatures(_ files: WatchedFiles) async -> (signatures: [FileSignature], took: Duration) {
        await OwnThread.run {
            let started = ContinuousClock.now
            let signatures = files.signatures()
            return (signatures, ContinuousClock.now - started)
        }
    }

    /// The signatures once two looks `quiet` apart agree, or when `settleLimit` has passed.
    private func settled(_ files: WatchedFiles) async throws -> [FileSignature] {
        let deadline = ContinuousClock.now + settleLimit
        var last = await Self.signatures(files).signatures
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: quiet)
            let next = await Self.signatures(files).signatures
            if next == last { break }
            last = next
        }
        return last
    }
}
