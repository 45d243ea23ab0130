import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the snapshot on each SIGHUP, off the request path: the new one is prepared on a thread of its own and swapped in
/// whole; a failed reload keeps the snapshot in service and is logged and shown by `/v1/status`.
struct ReloadOnHangup: Service {
    let store: SnapshotStore
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            logger.info("SIGHUP: reloading the project")
            let outcome = await Self.reload(store)
            switch outcome {
            case .success(let snapshot): logger.info("reloaded", metadata: ["revision": "\(snapshot.revision)"])
            case .failure: logger.error("reload failed; the previous snapshot keeps serving (see /v1/status)")
            }
        }
    }

    /// Reloads on a thread of its own, so preparing a large organisation takes no thread that answers requests.
    static func reload(_ store: SnapshotStore) async -> Result<ServerSnapshot, any Error> {
        await OwnThread.run { Result { try store.reload() } }
    }
}
