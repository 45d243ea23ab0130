/// Where a history is: a SQLite file or a PostgreSQL database.
public enum HistoryLocation: Sendable, Equatable {
    /// A SQLite file, by path (named from the project root).
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresURL)

    /// The location `text` names: a `postgres://` URL, else a file path.
    public static func parse(_ text: String) -> Result<HistoryLocation, URLProblem> {
        guard PostgresURL.isURL(text) else { return .success(.sqlite(path: text)) }
        return PostgresURL.parse(text).map(HistoryLocation.postgres)
    }

    /// The location as messages name it (a URL without its password).
    public var shown: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.shown
        }
    }
}

/// Opens histories.
public enum HistoryStores {
    /// Opens the history at `location`, making it (or bringing its schema up to date) when needed. `toolVersion` and
    /// `now` (seconds) are recorded with a migration.
    public static func open(_ location: HistoryLocation, toolVersion: String, now: Int64) throws(HistoryError) -> any HistoryStore {
        switch location {
        case .sqlite(let path):
            return try SQLiteHistoryFile.open(path: path, name: path, toolVersion: toolVersion, now: now)
        case .postgres(let url):
            let connection = try PostgresHistoryConnection(url: url)
            do {
                try connection.writing { () throws(HistoryError) in try HistorySchema.migrate(connection, store: url.shown, toolVersion: toolVersion, now: now) }
            } catch {
                connection.close()
                throw error
            }
            return SQLHistoryStore(name: url.shown, connection: connection)
        }
    }
}
