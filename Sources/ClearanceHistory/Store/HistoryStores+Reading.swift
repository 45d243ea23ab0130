import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif

extension HistoryStores {
    /// Opens the history at `location` to read it, writing nothing to it (no history made, no migration applied); nil
    /// when there is none yet (no file, or an empty database). A history with an older schema is an error: reading it
    /// needs a run recorded with this Clearance first.
    public static func openForReading(_ location: HistoryLocation) throws(HistoryError) -> (any HistoryStore)? {
        let name = location.shown
        let connection: HistoryConnection
        switch location {
        case .sqlite(let path):
            var info = stat()
            if lstat(path, &info) != 0 {
                guard errno == ENOENT else { throw HistoryError(.unavailable, "cannot read the history: \(String(cString: strerror(errno)))", store: name) }
                return nil
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                let what = (info.st_mode & S_IFMT) == S_IFLNK ? "a symbolic link (not followed)" : "not a file"
                throw HistoryError(.foreign, "not a Clearance history: \(what); it is left as it is", store: name)
            }
            try SQLiteHistoryFile.inspect(path: path, name: name, size: Int64(info.st_size))
            // Read as immutable when no process has it open (no write-ahead log beside it), so no side file is left.
            let idle = access(path + "-wal", F_OK) != 0
            if idle, let immutable = try? SQLiteHistoryConnection(path: SQLiteHistoryFile.immutableURI(path), name: name, readOnly: true) {
                connection = immutable
            } else {
                connection = try SQLiteHistoryConnection(path: path, name: name, readOnly: true)
            }
        case .postgres(let url):
            connection = try PostgresHistoryConnection(url: url)
        }
        do throws(HistoryError) {
            let state = try HistorySchema.state(of: connection)
            if state == .empty {
                connection.close()
                return nil
            }
            try HistorySchema.requireReadable(state, store: name)
            if case .history(let version) = state, version < HistorySchema.latestVersion {
                throw HistoryError(.unavailable, "the history has an older schema (version \(version); this Clearance reads \(HistorySchema.latestVersion)); "
                                   + "record a run with this Clearance to bring it up to date", store: name)
            }
        } catch {
            connection.close()
            throw error
        }
        return SQLHistoryStore(name: name, connection: connection)
    }
}
