import ClearanceCore
import ClearanceHistory
import ClearanceReporting

/// A comparison of two recorded runs as `clearance history diff` prints it: text, JSON or Markdown, every value from
/// the history escaped for its format.
struct RunDiff {
    /// The earlier-named run.
    let from: RunSummary
    /// The later-named run.
    let to: RunSummary
    /// What changed.
    let comparison: RunComparison

    /// The first line: which runs, and how many findings changed.
    var headline: String {
        "run \(from.id) (as of \(from.asOf)) to run \(to.id) (as of \(to.asOf)): \(comparison.new.count) new, "
            + "\(comparison.resolved.count) resolved, \(comparison.changed.count) changed"
    }

    /// The sentence when there are not two runs.
    static func nothing(recorded: Int, history: String) -> String {
        "\(HistoryDiffCommand.count(recorded, "run")) recorded in \(history): nothing to compare (diff needs two)"
    }

    // MARK: Text

    /// Text: the headline, then the new, resolved and changed findings, one a line.
    static func text(_ diff: RunDiff?, recorded: Int, history: String) -> String {
        guard let diff else { return VisibleText.escaped(nothing(recorded: recorded, history: history)) + "\n" }
        var lines = [VisibleText.escaped(diff.headline + " in " + history)]
        lines.append("NEW (\(diff.comparison.new.count))")
        lines += diff.comparison.new.map { line($0, status: $0.status, severity: $0.severity) }
        lines.append("RESOLVED (\(diff.comparison.resolved.count))")
        lines += diff.comparison.resolved.map { line($0.before, status: "\($0.before.status) -> \($0.now ?? "resolved")", severity: $0.before.severity) }
        lines.append("CHANGED (\(diff.comparison.changed.count))")
        lines += diff.comparison.changed.map { change in
            line(change.after, status: arrow(change.before.status, change.after.status), severity: arrow(change.before.severity, change.after.severity))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One finding: rule, subject and element, status, severity, where, message.
    static func line(_ outcome: OutcomeRecord, status: String, severity: String) -> String {
        let fields = [outcome.rule, outcome.subject + (outcome.element.map { " " + $0 } ?? ""), status, severity,
                      "\(outcome.file):\(outcome.line):\(outcome.column)", outcome.message]
        return VisibleText.lineStart("  " + fields.map(VisibleText.value).joined(separator: "  "))
    }

    /// `a -> b`, or `a` when they are equal.
    static func arrow(_ before: String, _ after: String) -> String { before == after ? after : "\(before) -> \(after)" }

    // MARK: JSON

    /// One JSON document: the runs, the counts and the three lists.
    static func json(_ diff: RunDiff?, recorded: Int, history: String) -> String {
        func run(_ run: RunSummary?) -> JSONText { run.map { .object([("id", .int($0.id)), ("asOf", .string($0.asOf))]) } ?? .null }
        let comparison = diff?.comparison ?? RunComparison(before: [], after: [])
        return JSONText.object([
            ("version", .int(1)), ("history", .string(history)), ("runsRecorded", .int(Int64(recorded))),
            ("from", run(diff?.from)), ("to", run(diff?.to)),
            ("summary", .object([("new", .int(Int64(comparison.new.count))), ("resolved", .int(Int64(comparison.resolved.count))),
                                 ("changed", .int(Int64(comparison.changed.count)))])),
            ("new", .array(comparison.new.map { finding($0) })),
            ("resolved", .array(comparison.resolved.map { finding($0.before, extra: [("now", .optional($0.now))]) })),
            ("changed", .array(comparison.changed.map { finding($0.after, extra: [("previousStatus", .string($0.before.status)),
                                                                                   ("previousSeverity", .string($0.before.severity))]) })),
        ]).pretty + "\n"
    }

    /// A finding as JSON.
    static func finding(_ outcome: OutcomeRecord, extra: [(String, JSONText)] = []) -> JSONText {
        .object([
            ("fingerprint", .string(outcome.fingerprint)), ("rule", .string(outcome.rule)), ("policy", .string(outcome.policy)),
            ("kind", .string(outcome.kind)), ("subject", .string(outcome.subject)), ("element", .optional(outcome.element)),
            ("status", .string(outcome.status)), ("severity", .string(outcome.severity)), ("message", .string(outcome.message)),
            ("file", .string(outcome.file)), ("line", .int(Int64(outcome.line))), ("column", .int(Int64(outcome.column))),
        ] + extra)
    }

    // MARK: Markdown

    /// Markdown: a heading, the headline, and a table per list.
    static func markdown(_ diff: RunDiff?, recorded: Int, history: String) -> String {
        guard let diff else { return MarkdownEscaping.inline(nothing(recorded: recorded, history: history)) + "\n" }
        var lines = ["## Changes from run \(diff.from.id) to run \(diff.to.id)", "", MarkdownEscaping.inline(diff.headline + " in " + history) + "."]
        func table(_ title: String, _ rows: [[String]]) {
            lines += ["", "### \(title) (\(rows.count))", ""]
            guard !rows.isEmpty else { lines.append("None."); return }
            lines += ["| Rule | Subject | Element | Status | Severity | Where | Message |", "| --- | --- | --- | --- | --- | --- | --- |"]
            lines += rows.map { "| " + $0.map(MarkdownEscaping.inline).joined(separator: " | ") + " |" }
        }
        func cells(_ outcome: OutcomeRecord, status: String, severity: String) -> [String] {
            [outcome.rule, outcome.subject, outcome.element ?? "", status, severity, "\(outcome.file):\(outcome.line):\(outcome.column)", outcome.message]
        }
        table("New", diff.comparison.new.map { cells($0, status: $0.status, severity: $0.severity) })
        table("Resolved", diff.comparison.resolved.map { cells($0.before, status: "\($0.before.status) -> \($0.now ?? "resolved")", severity: $0.before.severity) })
        table("Changed", diff.comparison.changed.map { change in
            cells(change.after, status: arrow(change.before.status, change.after.status), severity: arrow(change.before.severity, change.after.severity))
        })
        return lines.joined(separator: "\n") + "\n"
    }
}
