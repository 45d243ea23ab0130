import ClearanceCore
import ClearanceHistory
import ClearanceReporting

/// `clearance history trend` as text, JSON or Markdown, every value from the history escaped for its format.
struct TrendOutput {
    /// The counts and times.
    let trend: RunTrend
    /// What the counts are grouped by, as typed (`severity`).
    let by: String
    /// How many of the latest runs the counts show.
    let last: Int
    /// The history as messages name it.
    let history: String

    /// The runs shown.
    var shown: ArraySlice<RunTrend.Point> { trend.points.suffix(last) }

    /// The first line.
    var headline: String {
        "failing findings (fail or error) by \(by) after each run in \(history) (the last \(shown.count) of \(HistoryDiffCommand.count(trend.points.count, "run")))"
    }

    /// The line over the times to remediate.
    var remediationHeadline: String {
        let latest = trend.points.last.map { "run \($0.run)" } ?? "the latest run"
        return "time to remediate by severity (from the first failing run to the first run no longer needing attention; median and P90 by nearest rank; "
            + "OPEN: still needing attention after \(latest), aged at its evaluation time)"
    }

    /// The counts' rows: a header of runs, their dates, a row per group and the total.
    var countRows: [[String]] {
        [[by.uppercased()] + shown.map { "run \($0.run)" }, ["as of"] + shown.map { String($0.asOf.prefix(10)) }]
            + trend.groups.map { group in [group] + shown.map { String($0.failing[group] ?? 0) } }
            + [["total"] + shown.map { String($0.total) }]
    }

    /// The statistics' rows with their header.
    var statisticsRows: [[String]] {
        [["SEVERITY", "REMEDIATED", "MEDIAN", "P90", "OPEN", "OLDEST OPEN"]] + trend.remediation.bySeverity.map { figures in
            [figures.severity, String(figures.remediated), figures.median.map(Self.duration) ?? "-", figures.percentile90.map(Self.duration) ?? "-",
             String(figures.open), figures.oldestOpen.map(Self.duration) ?? "-"]
        }
    }

    // MARK: Text

    /// The counts, the figures per severity, then each finding's period.
    var text: String {
        guard !trend.points.isEmpty else { return "no runs recorded in \(VisibleText.escaped(history))\n" }
        var lines = [VisibleText.escaped(headline)] + Self.aligned(countRows)
        lines += ["", remediationHeadline] + Self.aligned(statisticsRows)
        if !trend.remediation.periods.isEmpty {
            let periods = trend.remediation.periods.map { period in
                [period.outcome.rule, period.outcome.subject + (period.outcome.element.map { " " + $0 } ?? ""), period.outcome.severity,
                 "run \(period.openedRun) (\(Self.day(period.openedAt)))",
                 period.closedRun.map { "run \($0) (\(Self.day(period.closedAt ?? 0))) \(period.closedAs ?? "")" } ?? "open",
                 Self.duration(period.seconds)]
            }
            lines += [""] + Self.aligned([["RULE", "FINDING", "SEVERITY", "FAILING FROM", "UNTIL", "TIME"]] + periods)
        }
        return lines.map { VisibleText.lineStart($0) }.joined(separator: "\n") + "\n"
    }

    /// Rows in columns two spaces apart, every cell escaped.
    static func aligned(_ rows: [[String]]) -> [String] {
        let escaped = rows.map { $0.map(VisibleText.value) }
        let widths = (0..<(escaped.map(\.count).max() ?? 0)).map { column in escaped.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return escaped.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
    }

    /// A time in days, hours and minutes: `2d`, `2d 6h`, `5h 30m`, `0m`.
    static func duration(_ seconds: Int64) -> String {
        if seconds < 0 { return "-" + duration(-seconds) }
        let days = seconds / 86_400, hours = seconds % 86_400 / 3_600, minutes = seconds % 3_600 / 60
        if days > 0 { return "\(days)d" + (hours > 0 ? " \(hours)h" : "") }
        if hours > 0 { return "\(hours)h" + (minutes > 0 ? " \(minutes)m" : "") }
        return "\(minutes)m"
    }

    /// The day of a time in seconds (`2026-11-01`).
    static func day(_ seconds: Int64) -> String { String(time(seconds).prefix(10)) }

    /// A time in seconds as RFC 3339.
    static func time(_ seconds: Int64) -> String { Timestamp(seconds: seconds)?.rfc3339 ?? String(seconds) }

    // MARK: JSON

    /// One JSON document: the runs shown with their counts, the figures per severity and every period.
    var json: String {
        let runs: [JSONText] = shown.map { point in
            .object([("id", .int(point.run)), ("asOf", .string(point.asOf)), ("total", .int(Int64(point.total))),
                     ("failing", .object(trend.groups.map { ($0, .int(Int64(point.failing[$0] ?? 0))) }))])
        }
        let figures: [JSONText] = trend.remediation.bySeverity.map { figures in
            .object([("severity", .string(figures.severity)), ("remediated", .int(Int64(figures.remediated))),
                     ("medianSeconds", figures.median.map(JSONText.int) ?? .null), ("p90Seconds", figures.percentile90.map(JSONText.int) ?? .null),
                     ("open", .int(Int64(figures.open))), ("oldestOpenSeconds", figures.oldestOpen.map(JSONText.int) ?? .null)])
        }
        let periods: [JSONText] = trend.remediation.periods.map { period in
            .object([
                ("fingerprint", .string(period.outcome.fingerprint)), ("rule", .string(period.outcome.rule)), ("policy", .string(period.outcome.policy)),
                ("kind", .string(period.outcome.kind)), ("subject", .string(period.outcome.subject)), ("element", .optional(period.outcome.element)),
                ("severity", .string(period.outcome.severity)), ("status", .string(period.closedAs ?? period.outcome.status)),
                ("openedRun", .int(period.openedRun)), ("openedAt", .string(Self.time(period.openedAt))),
                ("closedRun", period.closedRun.map(JSONText.int) ?? .null), ("closedAt", period.closedAt.map { .string(Self.time($0)) } ?? .null),
                ("open", .bool(period.isOpen)), ("seconds", .int(period.seconds)),
            ])
        }
        return JSONText.object([
            ("version", .int(1)), ("history", .string(history)), ("by", .string(by)), ("runsRecorded", .int(Int64(trend.points.count))),
            ("groups", .array(trend.groups.map(JSONText.string))), ("runs", .array(runs)),
            ("timeToRemediate", .object([("percentileMethod", .string("nearest-rank")), ("bySeverity", .array(figures)), ("findings", .array(periods))])),
        ]).pretty + "\n"
    }

    // MARK: Markdown

    /// Markdown: the counts and the figures per severity as tables.
    var markdown: String {
        guard !trend.points.isEmpty else { return "No runs recorded in \(MarkdownEscaping.inline(history)).\n" }
        func table(_ rows: [[String]]) -> [String] {
            let header = rows[0].map(MarkdownEscaping.inline)
            return ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: header.count)]
                + rows.dropFirst().map { "| " + $0.map(MarkdownEscaping.inline).joined(separator: " | ") + " |" }
        }
        var counts = countRows
        counts[0][0] = by.prefix(1).uppercased() + by.dropFirst()
        let lines = ["## Failing findings by \(by)", "", MarkdownEscaping.inline(headline) + ".", ""] + table(counts)
            + ["", "## Time to remediate", "", MarkdownEscaping.inline(remediationHeadline) + ".", ""] + table(statisticsRows)
        return lines.joined(separator: "\n") + "\n"
    }
}
