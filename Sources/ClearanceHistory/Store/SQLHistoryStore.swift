import ClearanceCore

/// The history store over either back end: every query and every decision is here, written once; the connection
/// (``SQLiteHistoryConnection`` or ``PostgresHistoryConnection``) only runs the statements.
final class SQLHistoryStore: HistoryStore {
    let name: String
    private let connection: HistoryConnection

    /// A store over an open connection whose schema is current (see ``HistorySchema/migrate(_:store:toolVersion:now:)``).
    init(name: String, connection: HistoryConnection) {
        self.name = name
        self.connection = connection
    }

    func close() { connection.close() }

    // MARK: Recording

    func record(_ run: RunRecord) throws(HistoryError) -> RecordedRun {
        try connection.writing { () throws(HistoryError) -> RecordedRun in
            let latest = try connection.rows("SELECT MAX(id) FROM run", []).first?.first?.integer
            let previousOutcomes = try latest.map { (id: Int64) throws(HistoryError) in try outcomeState(atRun: id) } ?? [:]
            let previousAccounts = try latest.map { (id: Int64) throws(HistoryError) in try accountState(atRun: id) } ?? [:]
            let asOf = run.asOf.seconds
            let outcomeRows = OutcomeChanges(previous: previousOutcomes, outcomes: run.outcomes, scope: run.scope, asOf: asOf, watched: run.watched).rows
            let accountRows = AccountChanges(previous: previousAccounts, accounts: run.accounts, sources: run.accountSources).rows
            let counts = RunSummary.statuses.map { SQLValue.int(run.counts[$0] ?? 0) }
            let inserted = try connection.rows("""
                INSERT INTO run (command, recorded_at, as_of, as_of_seconds, tool_version, git_revision, config_sha256, settings_sha256, scope,
                  pass, fail, error, waived, skip, pending, outcome_rows, account_rows)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [.text(run.command), .integer(run.recordedAt.seconds), .text(run.asOf.rfc3339), .integer(asOf), .text(run.toolVersion),
                      .optional(run.gitRevision), .optional(run.configSHA256), .text(run.settingsSHA256), .optional(run.scope?.text)]
                + counts + [.int(outcomeRows.count), .int(accountRows.count)])
            guard let id = inserted.first?.first?.integer else { throw HistoryError(.failed, "the run was not given an id", store: name) }
            try connection.insert(into: "run_pack", columns: ["run_id", "policy_id", "version", "file", "sha256"], rows: run.packs.map { pack in
                [.integer(id), .text(pack.id), .optional(pack.version), .optional(pack.file), .optional(pack.sha256)]
            })
            try connection.insert(into: "run_file", columns: ["run_id", "path", "role", "sha256", "size", "generated_at", "format"], rows: run.files.map { file in
                [.integer(id), .text(file.path), .text(file.role), .text(file.sha256), .optional(file.size.map(Int64.init)), .optional(file.generatedAt?.rfc3339),
                 .optional(file.format)]
            })
            try connection.insert(into: "run_rule_count", columns: ["run_id", "rule_id", "status", "count"], rows: Self.merged(run.ruleCounts).map { count in
                [.integer(id), .text(count.rule), .text(count.status), .int(count.count)]
            })
            try connection.insert(into: "outcome_change", columns: Self.outcomeColumns + ["run_id"], rows: outcomeRows.map { row in
                Self.values(row.outcome, since: row.since) + [.integer(id)]
            })
            try connection.insert(into: "account_change", columns: Self.accountColumns + ["run_id"], rows: accountRows.map { account in
                Self.values(account) + [.integer(id)]
            })
            return RecordedRun(id: id, outcomeRows: outcomeRows.count, accountRows: accountRows.count)
        }
    }

    /// Counts with one row per rule and outcome (two findings lists of one rule add up).
    static func merged(_ counts: [RuleCount]) -> [RuleCount] {
        var total: [String: [String: Int]] = [:]
        var order: [String] = []
        for count in counts {
            if total[count.rule] == nil { order.append(count.rule) }
            total[count.rule, default: [:]][count.status, default: 0] += count.count
        }
        return order.flatMap { rule in
            RunSummary.statuses.compactMap { status in total[rule]?[status].map { RuleCount(rule: rule, status: status, count: $0) } }
        }
    }

    // MARK: Reading

    func runs() throws(HistoryError) -> [RunSummary] {
        try connection.reading { () throws(HistoryError) -> [RunSummary] in
            try connection.rows("""
                SELECT id, command, recorded_at, as_of, as_of_seconds, tool_version, git_revision, config_sha256, settings_sha256, scope,
                  pass, fail, error, waived, skip, pending, outcome_rows, account_rows FROM run ORDER BY id
                """, []).map { row in
                var counts: [String: Int] = [:]
                for (offset, status) in RunSummary.statuses.enumerated() { counts[status] = row[10 + offset].int ?? 0 }
                return RunSummary(id: row[0].integer ?? 0, command: row[1].text ?? "", recordedAt: Self.timestamp(row[2]) ?? Timestamp(seconds: 0)!,  // safe: the epoch
                                  asOf: row[3].text ?? "", asOfSeconds: row[4].integer ?? 0, toolVersion: row[5].text ?? "", gitRevision: row[6].text,
                                  configSHA256: row[7].text, settingsSHA256: row[8].text ?? "", scope: row[9].text, counts: counts,
                                  outcomeRows: row[16].int ?? 0, accountRows: row[17].int ?? 0)
            }
        }
    }

    func watchList() throws(HistoryError) -> [String: Set<String>] {
        try connection.reading { () throws(HistoryError) -> [String: Set<String>] in
            guard let latest = try connection.rows("SELECT MAX(id) FROM run", []).first?.first?.integer else { return [:] }
            var list: [String: Set<String>] = [:]
            for row in try outcomeState(atRun: latest).values { list[row.outcome.rule, default: []].insert(row.outcome.subject) }
            return list
        }
    }

    func outcomes(atRun id: Int64) throws(HistoryError) -> [OutcomeRecord] {
        try connection.reading { () throws(HistoryError) -> [OutcomeRecord] in
            try requireRun(id)
            return try outcomeState(atRun: id).values.map(\.outcome).sorted { $0.fingerprint < $1.fingerprint }
        }
    }

    func outcomeChanges(inRun id: Int64) throws(HistoryError) -> [OutcomeRecord] {
        try connection.reading { () throws(HistoryError) -> [OutcomeRecord] in
            try requireRun(id)
            return try connection.rows("SELECT \(Self.outcomeColumns.joined(separator: ", ")) FROM outcome_change WHERE run_id = ?", [.integer(id)])
                .map { Self.outcome($0).outcome }.sorted { $0.fingerprint < $1.fingerprint }
        }
    }

    func outcomeLog(after: Int64?, through: Int64?) throws(HistoryError) -> [OutcomeChange] {
        try connection.reading { () throws(HistoryError) -> [OutcomeChange] in
            if let through { try requireRun(through) }
            var conditions: [String] = []
            var values: [SQLValue] = []
            if let after { conditions.append("run_id > ?"); values.append(.integer(after)) }
            if let through { conditions.append("run_id <= ?"); values.append(.integer(through)) }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try connection.rows("SELECT \(Self.outcomeColumns.joined(separator: ", ")), run_id FROM outcome_change\(filter) ORDER BY run_id",
                                       values).map { row in
                let change = Self.outcome(row)
                return OutcomeChange(run: row[14].integer ?? 0, since: change.since, outcome: change.outcome)
            }
        }
    }

    func accounts(atRun id: Int64) throws(HistoryError) -> [AccountObservation] {
        try connection.reading { () throws(HistoryError) -> [AccountObservation] in
            try requireRun(id)
            return try accountState(atRun: id).sorted { $0.key < $1.key }.map(\.value)
        }
    }

    func accountTimelines() throws(HistoryError) -> [AccountTimeline] {
        try connection.reading { () throws(HistoryError) -> [AccountTimeline] in
            let rows = try connection.rows("SELECT \(Self.accountColumns.joined(separator: ", ")), run_id FROM account_change ORDER BY run_id", [])
            var timelines: [AccountKey: AccountTimeline] = [:]
            for row in rows {
                let account = Self.account(row)
                let sighting = AccountTimeline.Sighting(run: row[7].integer ?? 0, observedAt: account.observedAt, sourceFile: account.sourceFile)
                var timeline = timelines[account.key] ?? AccountTimeline(key: account.key, latest: account)
                timeline.latest = account
                switch account.status {
                case "active": if timeline.firstActive == nil { timeline.firstActive = sighting }
                case "deprovisioned": if timeline.firstDeprovisioned == nil { timeline.firstDeprovisioned = sighting }
                case "absent": if timeline.firstAbsent == nil { timeline.firstAbsent = sighting }
                default: break
                }
                timelines[account.key] = timeline
            }
            return timelines.keys.sorted().map { timelines[$0]! }  // safe: keys of timelines
        }
    }

    func ruleCounts(inRun id: Int64) throws(HistoryError) -> [RuleCount] {
        try connection.reading { () throws(HistoryError) -> [RuleCount] in
            try requireRun(id)
            return try connection.rows("SELECT rule_id, status, count FROM run_rule_count WHERE run_id = ?", [.integer(id)])
                .map { RuleCount(rule: $0[0].text ?? "", status: $0[1].text ?? "", count: $0[2].int ?? 0) }
                .sorted { ($0.rule, OutcomeChanges.rank($0.status)) < ($1.rule, OutcomeChanges.rank($1.status)) }
        }
    }

    func files(ofRun id: Int64) throws(HistoryError) -> [FileRecord] {
        try connection.reading { () throws(HistoryError) -> [FileRecord] in
            try requireRun(id)
            return try connection.rows("SELECT path, role, sha256, size, generated_at, format FROM run_file WHERE run_id = ?", [.integer(id)]).map { row in
                FileRecord(path: row[0].text ?? "", role: row[1].text ?? "", sha256: row[2].text ?? "", size: row[3].int,
                           generatedAt: row[4].text.flatMap(Self.parseTimestamp), format: row[5].text)
            }
        }
    }

    func packs(ofRun id: Int64) throws(HistoryError) -> [PackRecord] {
        try connection.reading { () throws(HistoryError) -> [PackRecord] in
            try requireRun(id)
            return try connection.rows("SELECT policy_id, version, file, sha256 FROM run_pack WHERE run_id = ?", [.integer(id)]).map { row in
                PackRecord(id: row[0].text ?? "", version: row[1].text, file: row[2].text, sha256: row[3].text)
            }
        }
    }

    // MARK: Pruning

    func prune(before date: Timestamp) throws(HistoryError) -> PruneResult {
        try connection.writing { () throws(HistoryError) -> PruneResult in
            let all = try connection.rows("SELECT id, as_of_seconds FROM run ORDER BY id", []).map { ($0[0].integer ?? 0, $0[1].integer ?? 0) }
            guard let latest = all.last?.0 else { return PruneResult(runs: 0, rows: 0) }
            let removed = all.filter { $0.0 != latest && $0.1 < date.seconds }.map(\.0)
            guard !removed.isEmpty else { return PruneResult(runs: 0, rows: 0) }
            let removedSet = Set(removed)
            let kept = all.map(\.0).filter { !removedSet.contains($0) }
            var rows = 0
            // Newest first, so a key's newer row reaches the next kept run before an older one could.
            for run in removed.reversed() {
                let next = kept.first { $0 > run }!  // safe: the latest run is kept and is after every removed run
                for table in [("outcome_change", "o.fingerprint = outcome_change.fingerprint"),
                              ("account_change", "o.system = account_change.system AND o.scope = account_change.scope AND o.native_id = account_change.native_id")] {
                    try connection.execute("""
                        UPDATE \(table.0) SET run_id = ? WHERE run_id = ?
                          AND NOT EXISTS (SELECT 1 FROM \(table.0) o WHERE o.run_id = ? AND \(table.1))
                        """, [.integer(next), .integer(run), .integer(next)])
                    rows += try count(table.0, run: run)
                }
                try connection.execute("DELETE FROM run WHERE id = ?", [.integer(run)])
            }
            // A kept run with no run left before it ends nothing: its rows that left the state (pass, skip, gone) go.
            if let first = kept.first, removed.contains(where: { $0 < first }) {
                let ended = try count("outcome_change", run: first, extra: "AND status NOT IN ('fail', 'error', 'waived', 'pending')")
                try connection.execute("DELETE FROM outcome_change WHERE run_id = ? AND status NOT IN ('fail', 'error', 'waived', 'pending')", [.integer(first)])
                rows += ended
            }
            return PruneResult(runs: removed.count, rows: rows)
        }
    }

    private func count(_ table: String, run: Int64, extra: String = "") throws(HistoryError) -> Int {
        try connection.rows("SELECT COUNT(*) FROM \(table) WHERE run_id = ? \(extra)", [.integer(run)]).first?.first?.int ?? 0
    }

    // MARK: State

    /// The findings that needed attention after run `id`, by fingerprint: each one's latest row up to it, when kept.
    private func outcomeState(atRun id: Int64) throws(HistoryError) -> [String: OutcomeChanges.Row] {
        let columns = Self.outcomeColumns.map { "c." + $0 }.joined(separator: ", ")
        let rows = try connection.rows("""
            SELECT \(columns) FROM outcome_change c
              JOIN (SELECT fingerprint, MAX(run_id) AS run_id FROM outcome_change WHERE run_id <= ? GROUP BY fingerprint) l
                ON c.fingerprint = l.fingerprint AND c.run_id = l.run_id
            WHERE c.status IN ('fail', 'error', 'waived', 'pending')
            """, [.integer(id)])
        var state: [String: OutcomeChanges.Row] = [:]
        for row in rows {
            let change = Self.outcome(row)
            state[change.outcome.fingerprint] = change
        }
        return state
    }

    /// Each account's latest row up to run `id`.
    private func accountState(atRun id: Int64) throws(HistoryError) -> [AccountKey: AccountObservation] {
        let columns = Self.accountColumns.map { "a." + $0 }.joined(separator: ", ")
        let rows = try connection.rows("""
            SELECT \(columns) FROM account_change a
              JOIN (SELECT system, scope, native_id, MAX(run_id) AS run_id FROM account_change WHERE run_id <= ? GROUP BY system, scope, native_id) l
                ON a.system = l.system AND a.scope = l.scope AND a.native_id = l.native_id AND a.run_id = l.run_id
            """, [.integer(id)])
        var state: [AccountKey: AccountObservation] = [:]
        for row in rows {
            let account = Self.account(row)
            state[account.key] = account
        }
        return state
    }

    private func requireRun(_ id: Int64) throws(HistoryError) {
        guard try connection.rows("SELECT id FROM run WHERE id = ?", [.integer(id)]).isEmpty == false else {
            throw HistoryError(.notFound, "no run \(id) in the history", store: name)
        }
    }

    // MARK: Rows

    static let outcomeColumns = ["fingerprint", "rule_id", "policy_id", "kind", "subject", "element_identity", "element", "status", "severity",
                                 "message", "file", "line", "col", "since"]

    static func values(_ outcome: OutcomeRecord, since: Int64) -> [SQLValue] {
        [.text(outcome.fingerprint), .text(outcome.rule), .text(outcome.policy), .text(outcome.kind), .text(outcome.subject),
         .optional(outcome.elementIdentity), .optional(outcome.element), .text(outcome.status), .text(outcome.severity), .text(outcome.message),
         .text(outcome.file), .int(outcome.line), .int(outcome.column), .integer(since)]
    }

    static func outcome(_ row: [SQLValue]) -> OutcomeChanges.Row {
        OutcomeChanges.Row(outcome: OutcomeRecord(fingerprint: row[0].text ?? "", rule: row[1].text ?? "", policy: row[2].text ?? "", kind: row[3].text ?? "",
                                                  subject: row[4].text ?? "", elementIdentity: row[5].text, element: row[6].text, status: row[7].text ?? "",
                                                  severity: row[8].text ?? "", message: row[9].text ?? "", file: row[10].text ?? "",
                                                  line: row[11].int ?? 0, column: row[12].int ?? 0),
                           since: row[13].integer ?? 0)
    }

    static let accountColumns = ["system", "scope", "native_id", "status", "person", "source_file", "observed_at"]

    static func values(_ account: AccountObservation) -> [SQLValue] {
        [.text(account.system), .text(account.scope ?? ""), .text(account.nativeID), .text(account.status), .optional(account.person),
         .optional(account.sourceFile), .optional(account.observedAt?.seconds)]
    }

    static func account(_ row: [SQLValue]) -> AccountObservation {
        let scope = row[1].text ?? ""
        return AccountObservation(system: row[0].text ?? "", scope: scope.isEmpty ? nil : scope, nativeID: row[2].text ?? "", status: row[3].text ?? "",
                                  person: row[4].text, sourceFile: row[5].text, observedAt: timestamp(row[6]))
    }

    static func timestamp(_ value: SQLValue) -> Timestamp? { value.integer.flatMap { Timestamp(seconds: $0) } }

    static func parseTimestamp(_ text: String) -> Timestamp? {
        if case .timestamp(let value) = TimestampSyntax.parse(text) { return value }
        return nil
    }
}
