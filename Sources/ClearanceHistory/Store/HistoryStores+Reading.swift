import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif

extension HistoryStores {
    /// Opens the history at `location` to read it, writing nothing: no file or table is made, no schema migrated. Nil
    /// when nothing was recorded there (no SQLite file, an empty PostgreSQL database); a store that is not a
    /// Clearance history this Clearance can read is an error, as when recording.
    public static func openForReading(_ location: HistoryLocation) throws(HistoryError) -> (any HistoryStore)? {
        switch location {
        case .sqlite(let path):
            var info = stat()
            if lstat(path, &info) != 0 {
                guard errno == ENOENT else { throw HistoryError(.unavailable, "cannot read the history: \(String(cString: strerror(errno)))", store: path) }
                return nil
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                let what = (info.st_mode & S_IFMT) == S_IFLNK ? "a symbolic link (not followed)" : "not a file"
                throw HistoryError(.foreign, "not a Clearance history: \(what); it is left as it is", store: path)
            }
            try SQLiteHistoryFile.inspect(path: path, name: path, size: Int64(info.st_size))
            // With no write-ahead log beside it no process is writing: read it as immutable, which leaves no side file.
            let idle = access(path + "-wal", F_OK) != 0
            let connection: SQLiteHistoryConnection
            if idle, let immutable = try? SQLiteHistoryConnection(path: SQLiteHistoryFile.immutableURI(path), name: path, readOnly: true) {
                connection = immutable
            } else {
                connection = try SQLiteHistoryConnection(path: path, name: path, readOnly: true)
            }
            return SQLHistoryStore(name: path, connection: connection)
        case .postgres(let url):
            let connection = try PostgresHistoryConnection(url: url)
            do {
                let state = try HistorySchema.state(of: connection)
                try HistorySchema.requireReadable(state, store: url.shown)
                if state == .empty {
                    connection.close()
                    return nil
                }
            } catch {
                connection.close()
                throw error
            }
            return SQLHistoryStore(name: url.shown, connection: connection)
        }
    }
}
