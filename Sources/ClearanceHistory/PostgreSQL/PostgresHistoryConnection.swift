import PostgresNIO

/// A connection to a PostgreSQL history through postgres-nio, used synchronously (a command line waits for each
/// statement): `?` placeholders become `$1…`, rows are inserted a few hundred per statement, and a run's write
/// transaction first takes the history's advisory lock, so two recordings (or two first migrations) take turns.
final class PostgresHistoryConnection: HistoryConnection {
    let dialect = SQLDialect.postgres
    /// The URL as messages show it.
    let name: String
    private let connection: PostgresConnection
    private let logger: Logger

    /// The advisory lock every writer of a history takes ("clr" and 1).
    static let writeLock: Int64 = 0x636C_7201
    /// How long a writer waits for the lock, in seconds.
    static let lockTimeout = 120

    /// Connects to the database `url` names.
    init(url: PostgresURL) throws(HistoryError) {
        name = url.shown
        var logger = Logger(label: "clearance-history")
        logger.logLevel = .critical
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch url.sslMode {
            case "disable": tls = .disable
            case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw HistoryError(.unavailable, "cannot set up TLS: \(error)", store: url.shown)
        }
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                             database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(15)
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            throw Self.historyError(error, store: url.shown, connecting: true)
        }
        try execute("SET lock_timeout = '\(Self.lockTimeout)s'")
    }

    func execute(_ sql: String, _ values: [SQLValue]) throws(HistoryError) {
        _ = try rows(sql, values)
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws(HistoryError) -> [[SQLValue]] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .integer(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .null: bindings.appendNull()
            }
        }
        let result: PostgresQueryResult
        do {
            result = try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: logger).wait()
        } catch {
            throw Self.historyError(error, store: name, connecting: false)
        }
        return result.rows.map { row in
            row.map { cell -> SQLValue in
                guard cell.bytes != nil else { return .null }
                switch cell.dataType {
                case .int8, .int4, .int2: return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
                default: return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
                }
            }
        }
    }

    func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError) {
        let perStatement = max(1, 8_000 / max(1, columns.count))
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + perStatement)]
            let tuple = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
            try execute("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + Array(repeating: tuple, count: batch.count).joined(separator: ", "),
                        batch.flatMap { $0 })
            start += batch.count
        }
    }

    func beginWrite() throws(HistoryError) {
        try execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        try execute("SELECT pg_advisory_xact_lock(?)", [.integer(Self.writeLock)])
    }

    func beginRead() throws(HistoryError) { try execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
    func commit() throws(HistoryError) { try execute("COMMIT") }
    func rollback() { _ = try? rows("ROLLBACK", []) }
    func close() { try? connection.close().wait() }

    /// `sql` with each `?` replaced by `$1`, `$2`, … (the store's statements hold no `?` in their literals).
    static func numbered(_ sql: String) -> String {
        var result = "", number = 0
        result.reserveCapacity(sql.utf8.count + 16)
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A postgres-nio error as the history reports it: the server's own message when it sent one, never the password.
    static func historyError(_ error: any Error, store: String, connecting: Bool) -> HistoryError {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                let code: HistoryError.Code = connecting ? .unavailable : .failed
                return HistoryError(code, (connecting ? "cannot connect: " : "") + message + state, store: store)
            }
            let underlying = error.underlying.map { ": \($0)" } ?? ""
            return HistoryError(.unavailable, "cannot \(connecting ? "connect" : "reach the server") (\(error.code)\(underlying))", store: store)
        }
        return HistoryError(.unavailable, "cannot \(connecting ? "connect" : "reach the server"): \(error)", store: store)
    }
}
