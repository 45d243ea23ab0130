/// The SQL a history database speaks: its back end's differences from the statements both share.
public enum SQLDialect: String, Sendable {
    /// SQLite through GRDB.
    case sqlite
    /// PostgreSQL through postgres-nio.
    case postgres

    /// The column type of an id the database assigns on insert.
    var generatedKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// The column type of a 64-bit integer.
    var integer: String {
        switch self {
        case .sqlite: "INTEGER"
        case .postgres: "BIGINT"
        }
    }
}

/// One open connection to a history database, as the store uses it: statements with `?` placeholders, run in
/// order on one session. Each back end (``SQLiteHistoryConnection``, ``PostgresHistoryConnection``) implements it.
///
/// Errors thrown are ``HistoryError``s.
protocol HistoryConnection: AnyObject {
    /// The back end's SQL.
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ values: [SQLValue]) throws(HistoryError)
    /// Runs a query and returns its rows, each as its columns' values.
    func rows(_ sql: String, _ values: [SQLValue]) throws(HistoryError) -> [[SQLValue]]
    /// Inserts rows into a table, in batches as the back end prefers.
    func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError)
    /// Starts the transaction of a run's writes: it waits for any other writer (up to the back end's timeout) and
    /// holds the store's write lock until ``commit()`` or ``rollback()``, so two recordings never interleave.
    func beginWrite() throws(HistoryError)
    /// Starts a read-only transaction: a consistent view of the store.
    func beginRead() throws(HistoryError)
    /// Commits the open transaction.
    func commit() throws(HistoryError)
    /// Rolls the open transaction back; never fails (a lost connection rolls back by itself).
    func rollback()
    /// Closes the connection.
    func close()
}

extension HistoryConnection {
    /// Runs `body` in a write transaction, committed when it returns and rolled back when it throws.
    func writing<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        try beginWrite()
        return try finishing(body)
    }

    /// Runs `body` in a read transaction.
    func reading<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        try beginRead()
        return try finishing(body)
    }

    /// Runs `body` in the transaction just begun: committed when it returns, rolled back when it or the commit throws.
    private func finishing<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Runs a statement that returns no rows, with no values.
    func execute(_ sql: String) throws(HistoryError) { try execute(sql, []) }
}
