import ClearanceTestSupport
import Foundation
import Logging
import Synchronization
import Testing
@testable import ClearanceServer

/// The file watch in process, counting loads: a burst of writes reloads once, with what was written last; a file added to a
/// watched folder reloads; a file left as it is reloads nothing.
struct ReloadOnChangeTests {
    @Test(.timeLimit(.minutes(1))) func aBurstOfWritesReloadsOnceAndANewFileInAWatchedFolderReloads() async throws {
        let project = ServerTestProject()
        // The files are older than the first load, so it is not taken for one that may have missed a change.
        try await Task.sleep(for: .milliseconds(200))
        let loads = Mutex(0)
        let loader = project.loader
        let store = SnapshotStore(loader: { loads.withLock { $0 += 1 }; return try loader() }, clock: { ServerTestProject.now })
        try store.reload()
        let watcher = ReloadOnChange(store: store, logger: Logger(label: "test"), interval: .milliseconds(50), quiet: .seconds(1))
        let watching = Task { try await watcher.run() }
        defer { watching.cancel() }

        try await Task.sleep(for: .milliseconds(500))
        #expect(loads.withLock { $0 } == 1)
        for month in 1...5 {
            project.write("ben.ortiz", ServerTestProject.member("ben.ortiz", trainingExpires: "2027-0\(month)-01"))
            try await Task.sleep(for: .milliseconds(40))
        }
        let last = try project.loader().revision
        #expect(try await Self.waitFor { store.current?.revision == last })
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(loads.withLock { $0 } == 2)

        project.write("eve.kim", ServerTestProject.member("eve.kim"))
        #expect(try await Self.waitFor { store.current?.member("eve.kim") != nil })
        #expect(loads.withLock { $0 } == 3)
        #expect(store.loaded?.generation == 3)
    }

    @Test func theWatchedPathsAreTheFilesReadAndEveryFolderUnderAWatchedFolder() throws {
        let project = ServerTestProject()
        project.directory.write("team/contractors/fay.lin.yaml", ServerTestProject.member("fay.lin"))
        project.directory.write("team/.hidden/x.yaml", "")
        let snapshot = try project.loader()
        let root = project.directory.path
        let paths = WatchedFiles(snapshot.watched).paths
        #expect(paths.contains(root + "/team/contractors"))
        #expect(paths.contains(root + "/team/contractors/fay.lin.yaml"))
        #expect(paths.contains(root + "/policies/gate.yaml"))
        #expect(!paths.contains { $0.contains(".hidden") })
        #expect(Set(paths).count == paths.count)
    }

    /// Whether `condition` holds within 20 seconds.
    static func waitFor(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<400 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}
