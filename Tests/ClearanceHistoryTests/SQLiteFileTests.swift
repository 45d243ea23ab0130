import ClearanceCore
@testable import ClearanceHistory
import ClearanceTestSupport
import Foundation
import Testing

/// A SQLite history file: made whole before it appears, and a file that is not a usable history refused with its
/// bytes unchanged.
@Suite("SQLite history file")
struct SQLiteFileTests {
    /// A history of one run at `path`, closed.
    static func history(at path: String) throws {
        let store = try Backend.open(.sqlite(path: path))
        _ = try store.record(Runs.run(day: 1, (0..<200).map { Runs.outcome("R\($0)", "ana", "fail", message: String(repeating: "x", count: 200)) }))
        store.close()
    }

    /// Opening `path` fails with `code`, and the file's bytes, and the folder's entries, are as before.
    static func expectRefused(_ path: String, _ code: HistoryError.Code, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = FileManager.default.contents(atPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        do {
            _ = try Backend.open(.sqlite(path: path))
            Issue.record("opened \(path)", sourceLocation: sourceLocation)
        } catch let error as HistoryError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.store == path, sourceLocation: sourceLocation)
        }
        #expect(FileManager.default.contents(atPath: path) == bytes, "the file changed", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == entries, sourceLocation: sourceLocation)
    }

    @Test("a new history is made with its folders, in write-ahead-log mode")
    func makesNewHistory() throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/.clearance/sub/history.sqlite"
        try Self.history(at: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/.clearance/sub") == ["history.sqlite"])
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(16)) == Array("SQLite format 3\0".utf8))
        #expect(bytes[18] == 2 && bytes[19] == 2, "WAL mode is recorded in the header")
    }

    @Test("bytes that are not SQLite, an empty file, another program's database, a symbolic link: refused, untouched")
    func refusesForeignFiles() throws {
        let folder = TemporaryDirectory()
        try Self.expectRefused(folder.write("text.sqlite", "name,email\nana,ana@acme.com\n" + String(repeating: "row\n", count: 300)), .foreign)
        try Self.expectRefused(folder.write("empty.sqlite", ""), .foreign)
        let other = folder.path + "/other.sqlite"
        try Backend.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", at: .sqlite(path: other))
        try Self.expectRefused(other, .foreign)
        try Self.history(at: folder.path + "/real.sqlite")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.sqlite", withDestinationPath: folder.path + "/real.sqlite")
        try Self.expectRefused(folder.path + "/link.sqlite", .foreign)
    }

    @Test("a truncated history, a damaged page and a newer schema: refused, untouched")
    func refusesDamagedAndNewer() throws {
        let folder = TemporaryDirectory()
        let truncated = folder.path + "/truncated.sqlite"
        try Self.history(at: truncated)
        let whole = try #require(FileManager.default.contents(atPath: truncated))
        #expect(whole.count > 8 * 4096)
        #expect(FileManager.default.createFile(atPath: truncated, contents: whole.prefix(whole.count / 2)))
        try Self.expectRefused(truncated, .corrupt)

        let damaged = folder.path + "/damaged.sqlite"
        try Self.history(at: damaged)
        var bytes = try #require(FileManager.default.contents(atPath: damaged))
        for offset in 4096 * 3..<4096 * 5 { bytes[offset] = UInt8(truncatingIfNeeded: offset * 7) }
        #expect(FileManager.default.createFile(atPath: damaged, contents: bytes))
        try Self.expectRefused(damaged, .corrupt)

        let newer = folder.path + "/newer.sqlite"
        try Self.history(at: newer)
        try Backend.execute("INSERT INTO schema_version (version, description, applied_at, applied_by) VALUES (2, 'later', 0, '9.0.0')", at: .sqlite(path: newer))
        try Self.expectRefused(newer, .newerSchema)
    }

    @Test("two connections recording 10 runs each at once: all 20 land and the file passes integrity_check")
    func concurrentWriters() throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/history.sqlite"
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                for run in 0..<10 {
                    let store = try Backend.open(.sqlite(path: path))
                    _ = try store.record(Runs.run(day: run, [Runs.outcome("A", "ana", run % 2 == 0 ? "fail" : "error")]))
                    store.close()
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let connection = try SQLiteHistoryConnection(path: path, name: path, readOnly: true)
        defer { connection.close() }
        #expect(try connection.rows("PRAGMA integrity_check", []) == [[.text("ok")]])
        #expect(try connection.rows("SELECT COUNT(*) FROM run", []) == [[.integer(20)]])
    }
}
