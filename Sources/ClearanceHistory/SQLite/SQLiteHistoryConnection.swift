import GRDB

/// A connection to a SQLite history file through GRDB: write-ahead logging (readers never wait for a writer), a
/// busy timeout (a second writer waits for the first), and `BEGIN IMMEDIATE` for a run's one write transaction.
final class SQLiteHistoryConnection: HistoryConnection {
    let dialect = SQLDialect.sqlite
    /// The file as messages name it.
    let name: String
    private let queue: DatabaseQueue

    /// How long a writer waits for another to finish, in seconds.
    static let busyTimeout: Double = 120

    /// Opens `path`; `readOnly` opens it without writing anything (to inspect a file before trusting it).
    init(path: String, name: String, readOnly: Bool) throws(HistoryError) {
        self.name = name
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.allowsUnsafeTransactions = true  // a transaction spans several calls, committed by the store
        if !readOnly { configuration.journalMode = .wal }
        configuration.label = "clearance-history"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.historyError(error, store: name)
        }
    }

    func execute(_ sql: String, _ values: [SQLValue]) throws(HistoryError) {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: sql, arguments: Self.arguments(values)) }
        } catch {
            throw Self.historyError(error, store: name)
        }
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws(HistoryError) -> [[SQLValue]] {
        do {
            return try queue.writeWithoutTransaction { db in
                try Row.fetchAll(db, sql: sql, arguments: Self.arguments(values)).map { row in
                    row.databaseValues.map { value -> SQLValue in
                        switch value.storage {
                        case .int64(let value): .integer(value)
                        case .string(let value): .text(value)
                        case .double(let value): .integer(Int64(value))
                        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                        case .null: .null
                        }
                    }
                }
            }
        } catch {
            throw Self.historyError(error, store: name)
        }
    }

    func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError) {
        guard !rows.isEmpty else { return }
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        do {
            try queue.writeWithoutTransaction { db in
                let statement = try db.cachedStatement(sql: sql)
                for row in rows { try statement.execute(arguments: Self.arguments(row)) }
            }
        } catch {
            throw Self.historyError(error, store: name)
        }
    }

    func beginWrite() throws(HistoryError) { try execute("BEGIN IMMEDIATE") }
    func beginRead() throws(HistoryError) { try execute("BEGIN DEFERRED") }
    func commit() throws(HistoryError) { try execute("COMMIT") }

    func rollback() {
        try? queue.writeWithoutTransaction { db in if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") } }
    }

    func close() { try? queue.close() }

    /// Reads `PRAGMA`s and checks, without writing: whether the file's pages are all there and sound.
    func problems() throws(HistoryError) -> String? {
        let check = try rows("PRAGMA quick_check", []).compactMap { $0.first?.text }
        return check == ["ok"] ? nil : check.prefix(3).joined(separator: "; ")
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .integer(let number): number
            case .text(let text): text
            case .null: nil
            }
        })
    }

    /// A GRDB or SQLite error as the history reports it: a file that is not a database or is damaged says so.
    static func historyError(_ error: any Error, store: String) -> HistoryError {
        guard let error = error as? DatabaseError else { return HistoryError(.failed, "\(error)", store: store) }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return HistoryError(.foreign, "not a Clearance history (not a SQLite database); it is left as it is: name a new file", store: store)
        case .SQLITE_CORRUPT:
            return HistoryError(.corrupt, "the history is damaged (\(error.message ?? "database disk image is malformed")); it is left as it is: "
                                + "restore it from a copy, or name a new file", store: store)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return HistoryError(.unavailable, "the history stayed locked by another process for \(Int(busyTimeout)) seconds", store: store)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL:
            return HistoryError(.unavailable, "cannot use the history: \(error.message ?? "\(error.resultCode)")", store: store)
        default:
            return HistoryError(.failed, error.message ?? "\(error)", store: store)
        }
    }
}
