import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif

/// Opens a SQLite history file, making it when it does not exist; refuses, without writing a byte to it, a file
/// that is not a Clearance history, is damaged, or was written by a newer Clearance.
///
/// A new history is made whole under a temporary name beside the file and linked into place only if the name is
/// still free, so a second process never finds a half-made history, and two that start together share the first one's.
enum SQLiteHistoryFile {
    /// Opens the history at `path` (named `name` in messages).
    static func open(path: String, name: String, toolVersion: String, now: Int64) throws(HistoryError) -> SQLHistoryStore {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw HistoryError(.unavailable, "cannot read the history: \(String(cString: strerror(errno)))", store: name) }
            try create(path: path, name: name, toolVersion: toolVersion, now: now)
            guard lstat(path, &info) == 0 else { throw HistoryError(.unavailable, "cannot read the history: \(String(cString: strerror(errno)))", store: name) }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let what = (info.st_mode & S_IFMT) == S_IFLNK ? "a symbolic link (not followed)" : "not a file"
            throw HistoryError(.foreign, "not a Clearance history: \(what); it is left as it is", store: name)
        }
        try inspect(path: path, name: name, size: Int64(info.st_size))
        let connection = try SQLiteHistoryConnection(path: path, name: name, readOnly: false)
        do {
            try connection.writing { () throws(HistoryError) in try HistorySchema.migrate(connection, store: name, toolVersion: toolVersion, now: now) }
        } catch {
            connection.close()
            throw error
        }
        return SQLHistoryStore(name: name, connection: connection)
    }

    /// Reads the file without writing to it: a SQLite database, every page there and sound, a Clearance history this
    /// Clearance can read.
    static func inspect(path: String, name: String, size: Int64) throws(HistoryError) {
        if size == 0 { throw HistoryError(.foreign, "not a Clearance history (an empty file); it is left as it is: name a new file", store: name) }
        // With no write-ahead log beside it, no process has the file open: it is read as immutable, so that reading it
        // leaves no -wal or -shm file behind (a read-only connection to a file in WAL mode would make them).
        let idle = access(path + "-wal", F_OK) != 0
        var immutable: SQLiteHistoryConnection?
        if idle {
            do {
                immutable = try SQLiteHistoryConnection(path: immutableURI(path), name: name, readOnly: true)
            } catch where error.code == .foreign || error.code == .corrupt {
                throw error
            } catch {
                immutable = nil  // a SQLite built without URI file names: read it as usual
            }
        }
        let reader: SQLiteHistoryConnection
        if let immutable { reader = immutable } else { reader = try SQLiteHistoryConnection(path: path, name: name, readOnly: true) }
        defer { reader.close() }
        let pages = try reader.rows("PRAGMA page_count", []).first?.first?.integer ?? 0
        let pageSize = try reader.rows("PRAGMA page_size", []).first?.first?.integer ?? 0
        // With a write-ahead log beside it the file may lag its pages; without one it holds them all.
        if idle && pages * pageSize > size {
            throw HistoryError(.corrupt, "the history is damaged (truncated: \(size) bytes of \(pages * pageSize)); it is left as it is: "
                               + "restore it from a copy, or name a new file", store: name)
        }
        let state = try HistorySchema.state(of: reader)
        if state == .empty { throw HistoryError(.foreign, "not a Clearance history (a SQLite database with no tables); it is left as it is: name a new file", store: name) }
        try HistorySchema.requireReadable(state, store: name)
        if let problems = try reader.problems() {
            throw HistoryError(.corrupt, "the history is damaged (\(VisibleText.escaped(problems))); it is left as it is: restore it from a copy, or name a new file", store: name)
        }
    }

    /// The SQLite URI that opens `path` read-only and immutable (no locks, no side files).
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x21, 0x7F...: encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            default: encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + encoded + "?mode=ro&immutable=1"
    }

    /// Makes a new history at `path`: its folders, then the file under a temporary name, linked into place.
    static func create(path: String, name: String, toolVersion: String, now: Int64) throws(HistoryError) {
        try makeFolders(of: path, name: name)
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        let connection = try SQLiteHistoryConnection(path: temporary, name: name, readOnly: false)
        do {
            try connection.writing { () throws(HistoryError) in try HistorySchema.migrate(connection, store: name, toolVersion: toolVersion, now: now) }
            connection.close()
        } catch {
            connection.close()
            throw error
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw HistoryError(.unavailable, "cannot create the history: \(String(cString: strerror(errno)))", store: name)
        }
    }

    /// Makes the folders above `path` that do not exist yet.
    static func makeFolders(of path: String, name: String) throws(HistoryError) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        var folder = path.hasPrefix("/") ? "" : "."
        for part in parts where !part.isEmpty {
            folder += "/" + part
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw HistoryError(.unavailable, "cannot create the folder \(VisibleText.escaped(folder)): \(String(cString: strerror(errno)))", store: name)
            }
        }
    }
}

private extension String {
    /// Two hexadecimal digits.
    var leftPadded: String { count < 2 ? "0" + self : self }
}
