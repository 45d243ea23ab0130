import ArgumentParser
import ClearanceCore
import ClearanceHistory

/// `clearance history`: the runs recorded with `--record`; `prune` removes old ones.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the runs recorded with --record, compare them, show trends, or prune old ones.",
        subcommands: [HistoryListCommand.self, HistoryPruneCommand.self, HistoryDiffCommand.self, HistoryTrendCommand.self],
        defaultSubcommand: HistoryListCommand.self
    )
}

/// `clearance history [list]`: every recorded run, oldest first.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the recorded runs, oldest first.",
        discussion: "Each run with its evaluation time, command, counts of outcomes, the change log rows it wrote, when it was recorded and the git commit. Exit status: 0, or 2 when the history cannot be read."
    )

    @OptionGroup var options: HistoryOptions

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format = "text"

    func validate() throws {
        try ListingFormat.validate(format)
    }

    func run() throws {
        let place = try options.location()
        var runs: [RunSummary] = []
        if let store = try options.open(place) {
            defer { store.close() }
            runs = try Session.guarded { () throws(Diagnostic) in
                do { return try store.runs() } catch { throw HistoryPlace.diagnostic(error) }
            }
        }
        print(format == "json" ? Self.json(runs, history: place.shown) : Self.text(runs, history: place.shown), terminator: "")
    }

    /// The runs as a table, or a line saying there are none.
    static func text(_ runs: [RunSummary], history: String) -> String {
        guard !runs.isEmpty else { return "no runs recorded in \(VisibleText.escaped(history))\n" }
        let header = ["RUN", "AS OF", "COMMAND", "FAIL", "ERROR", "WAIVED", "PENDING", "PASS", "SKIP", "CHANGES", "RECORDED", "REVISION"]
        let rows = runs.map { run -> [String] in
            [String(run.id), run.asOf, run.command + (run.scope == nil ? "" : " (part)")]
                + ["fail", "error", "waived", "pending", "pass", "skip"].map { String(run.counts[$0] ?? 0) }
                + ["\(run.outcomeRows)+\(run.accountRows)", run.recordedAt.rfc3339, run.gitRevision.map { String($0.prefix(12)) } ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
        return "runs recorded in \(VisibleText.escaped(history)) (CHANGES: outcome+account change log rows written)\n"
            + lines.map(VisibleText.escaped).joined(separator: "\n") + "\n"
    }

    /// The runs as one JSON document.
    static func json(_ runs: [RunSummary], history: String) -> String {
        JSONText.object([
            ("version", .int(1)), ("history", .string(history)),
            ("runs", .array(runs.map { run in
                .object([
                    ("id", .int(run.id)), ("command", .string(run.command)), ("asOf", .string(run.asOf)), ("recordedAt", .string(run.recordedAt.rfc3339)),
                    ("toolVersion", .string(run.toolVersion)), ("gitRevision", .optional(run.gitRevision)), ("configSHA256", .optional(run.configSHA256)),
                    ("settingsSHA256", .string(run.settingsSHA256)),
                    ("scope", run.scope.map { .array($0.split(separator: "\n").map { .string(String($0)) }) } ?? .null),
                    ("summary", .object(RunSummary.statuses.map { ($0, .int(Int64(run.counts[$0] ?? 0))) })),
                    ("outcomeChanges", .int(Int64(run.outcomeRows))), ("accountChanges", .int(Int64(run.accountRows))),
                ])
            })),
        ]).pretty + "\n"
    }
}

/// `clearance history prune --before DATE`: removes the runs evaluated before a date.
struct HistoryPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove the runs evaluated before a date, keeping what later runs need.",
        discussion: "The latest run is always kept. A change a removed run recorded that still holds moves to the next run kept, so every run left shows the same findings as before. Prints what was removed. Exit status: 0, or 2 when the history cannot be changed."
    )

    @OptionGroup var options: HistoryOptions

    @Option(help: ArgumentHelp("Remove the runs whose evaluation time is before this date (2026-01-01, midnight UTC) or RFC 3339 date-time.", valueName: "date"))
    var before: String

    func validate() throws {
        if EvaluationTime.timestamp(before) == nil {
            throw ValidationError("--before must be a date (2026-01-01) or an RFC 3339 date-time (2026-01-01T00:00:00Z); got '\(VisibleText.value(before))'")
        }
    }

    func run() throws {
        let place = try options.location()
        let date = EvaluationTime.timestamp(before)!  // safe: validated
        guard let store = try options.open(place) else {
            print("removed 0 runs and 0 change log rows from \(VisibleText.escaped(place.shown)): no runs recorded")
            return
        }
        defer { store.close() }
        let result = try Session.guarded { () throws(Diagnostic) in
            do { return try store.prune(before: date) } catch { throw HistoryPlace.diagnostic(error) }
        }
        print("removed \(result.runs) run\(result.runs == 1 ? "" : "s") and \(result.rows) change log row\(result.rows == 1 ? "" : "s") "
              + "evaluated before \(date.rfc3339) from \(VisibleText.escaped(place.shown))")
    }
}
