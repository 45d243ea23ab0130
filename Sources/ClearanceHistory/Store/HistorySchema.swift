/// The tables of a Clearance history and the migrations that build them, one version at a time; the same on SQLite
/// and PostgreSQL but for the types of keys and integers.
///
/// `clearance_history` says the database is a Clearance history (its one row's `format`); `schema_version` lists
/// every migration applied. A database with other tables and no `clearance_history`, or a version newer than
/// ``latestVersion``, is refused and left as it is.
enum HistorySchema {
    /// The `format` of a Clearance history.
    static let format = "clearance-history"

    /// One step of the schema.
    struct Migration: Sendable {
        /// The version the schema has after it.
        let version: Int64
        /// What it adds.
        let description: String
        /// Its statements in a dialect.
        let statements: @Sendable (SQLDialect) -> [String]
    }

    /// Every migration, oldest first.
    static let migrations: [Migration] = [
        Migration(version: 1, description: "runs with what they read and counted; the change logs of outcomes and of observed accounts") { sql in
            let key = sql.generatedKey, int = sql.integer
            return [
                "CREATE TABLE clearance_history (id \(int) PRIMARY KEY CHECK (id = 1), format TEXT NOT NULL, created_at \(int) NOT NULL, created_by TEXT NOT NULL)",
                "CREATE TABLE schema_version (version \(int) PRIMARY KEY, description TEXT NOT NULL, applied_at \(int) NOT NULL, applied_by TEXT NOT NULL)",
                """
                CREATE TABLE run (id \(key), command TEXT NOT NULL, recorded_at \(int) NOT NULL, as_of TEXT NOT NULL, as_of_seconds \(int) NOT NULL,
                  tool_version TEXT NOT NULL, git_revision TEXT, config_sha256 TEXT, settings_sha256 TEXT NOT NULL, scope TEXT,
                  pass \(int) NOT NULL, fail \(int) NOT NULL, error \(int) NOT NULL, waived \(int) NOT NULL, skip \(int) NOT NULL, pending \(int) NOT NULL,
                  outcome_rows \(int) NOT NULL, account_rows \(int) NOT NULL)
                """,
                "CREATE TABLE run_pack (run_id \(int) NOT NULL REFERENCES run (id) ON DELETE CASCADE, policy_id TEXT NOT NULL, version TEXT, file TEXT, sha256 TEXT)",
                "CREATE INDEX run_pack_run ON run_pack (run_id)",
                """
                CREATE TABLE run_file (run_id \(int) NOT NULL REFERENCES run (id) ON DELETE CASCADE, path TEXT NOT NULL, role TEXT NOT NULL,
                  sha256 TEXT NOT NULL, size \(int), generated_at TEXT, format TEXT)
                """,
                "CREATE INDEX run_file_run ON run_file (run_id)",
                """
                CREATE TABLE run_rule_count (run_id \(int) NOT NULL REFERENCES run (id) ON DELETE CASCADE, rule_id TEXT NOT NULL, status TEXT NOT NULL,
                  count \(int) NOT NULL, PRIMARY KEY (run_id, rule_id, status))
                """,
                """
                CREATE TABLE outcome_change (run_id \(int) NOT NULL REFERENCES run (id) ON DELETE CASCADE, fingerprint TEXT NOT NULL,
                  rule_id TEXT NOT NULL, policy_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, element_identity TEXT, element TEXT,
                  status TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, file TEXT NOT NULL, line \(int) NOT NULL, col \(int) NOT NULL,
                  since \(int) NOT NULL, PRIMARY KEY (fingerprint, run_id))
                """,
                "CREATE INDEX outcome_change_run ON outcome_change (run_id)",
                """
                CREATE TABLE account_change (run_id \(int) NOT NULL REFERENCES run (id) ON DELETE CASCADE, system TEXT NOT NULL, scope TEXT NOT NULL,
                  native_id TEXT NOT NULL, status TEXT NOT NULL, person TEXT, source_file TEXT, observed_at \(int),
                  PRIMARY KEY (system, scope, native_id, run_id))
                """,
                "CREATE INDEX account_change_run ON account_change (run_id)",
            ]
        },
    ]

    /// The newest schema version this Clearance writes.
    static var latestVersion: Int64 { migrations.last?.version ?? 0 }

    /// What a database holds, before anything is written to it.
    enum State: Equatable {
        /// No table at all: a new history can be made in it.
        case empty
        /// A Clearance history at this schema version.
        case history(version: Int64)
        /// Tables that are not a Clearance history's (the names of a few).
        case foreign(tables: [String])
    }

    /// What `connection`'s database holds.
    static func state(of connection: HistoryConnection) throws(HistoryError) -> State {
        let listing = switch connection.dialect {
        case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        case .postgres: "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        }
        let tables = try connection.rows(listing, []).compactMap { $0.first?.text }
        if tables.isEmpty { return .empty }
        guard tables.contains("clearance_history"), tables.contains("schema_version") else { return .foreign(tables: Array(tables.prefix(3))) }
        let format = try connection.rows("SELECT format FROM clearance_history WHERE id = 1", []).first?.first?.text
        guard format == Self.format else { return .foreign(tables: ["clearance_history"]) }
        let version = try connection.rows("SELECT MAX(version) FROM schema_version", []).first?.first?.integer ?? 0
        return .history(version: version)
    }

    /// Fails unless `state` is a history this Clearance can read (at ``latestVersion`` or older); `store` names it in the message.
    static func requireReadable(_ state: State, store: String) throws(HistoryError) {
        switch state {
        case .empty, .history(version: ...latestVersion): return
        case .history(let version):
            throw HistoryError(.newerSchema, "the history was written by a newer Clearance (schema version \(version); this Clearance knows up to \(latestVersion)); "
                               + "it is left as it is: record with a newer Clearance, or name another history", store: store)
        case .foreign(let tables):
            throw HistoryError(.foreign, "not a Clearance history (it holds other tables: \(tables.joined(separator: ", "))); it is left as it is: "
                               + "name a new file or an empty database", store: store)
        }
    }

    /// Brings the database to ``latestVersion`` inside the open write transaction: creates a new history in an
    /// empty database, applies the migrations an older one lacks. `toolVersion` and `now` are recorded with each.
    static func migrate(_ connection: HistoryConnection, store: String, toolVersion: String, now: Int64) throws(HistoryError) {
        let state = try state(of: connection)
        try requireReadable(state, store: store)
        var version: Int64 = 0
        if case .history(let current) = state { version = current }
        for migration in migrations where migration.version > version {
            for statement in migration.statements(connection.dialect) { try connection.execute(statement) }
            if version == 0 {
                try connection.execute("INSERT INTO clearance_history (id, format, created_at, created_by) VALUES (1, ?, ?, ?)",
                                       [.text(format), .integer(now), .text(toolVersion)])
            }
            try connection.execute("INSERT INTO schema_version (version, description, applied_at, applied_by) VALUES (?, ?, ?, ?)",
                                   [.integer(migration.version), .text(migration.description), .integer(now), .text(toolVersion)])
            version = migration.version
        }
    }
}
