import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearanceHistory
import ClearancePolicy

/// `clearance history trend`: failing findings over the recorded runs, and the time findings took to remediate.
struct HistoryTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Show failing findings over the recorded runs and the time to remediate them.",
        discussion: """
            Counts the findings failing (fail or error) after each run, by rule, policy, control or severity. Controls are read from the packs \
            clearance.yaml loads now (the history does not keep them). Time to remediate: from the evaluation time a finding started failing \
            to that of the first run in which it no longer needed attention (it passed, was skipped or was no longer reported); a waived \
            finding still needs attention. Median and 90th percentile per severity by the nearest-rank method; findings still open are \
            counted apart with their age at the latest run. Exit status: 0, or 2 when the history cannot be read.
            """
    )

    @OptionGroup var options: HistoryOptions

    @Option(help: ArgumentHelp("Count failing findings by rule, policy, control or severity.", valueName: "group"))
    var by = "severity"

    @Option(help: ArgumentHelp("How many of the latest runs the counts show (time to remediate always covers every run).", valueName: "n"))
    var last = 10

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format = "text"

    /// The groupings.
    static let groupings = ["rule", "policy", "control", "severity"]

    func validate() throws {
        guard HistoryDiffCommand.formats.contains(format) else {
            throw ValidationError("--format must be text, json or markdown; got '\(VisibleText.value(format))'\(Suggestion.didYouMean(format, among: HistoryDiffCommand.formats))")
        }
        guard Self.groupings.contains(by) else {
            throw ValidationError("--by must be rule, policy, control or severity; got '\(VisibleText.value(by))'\(Suggestion.didYouMean(by, among: Self.groupings))")
        }
        if last < 1 { throw ValidationError("--last must be at least 1; got \(last)") }
    }

    func run() throws {
        let (place, configuration) = try Session.guarded {
            let location = try ProjectLocation.enter(config: options.config, trustedConfig: nil)
            let configuration = try location.file.map { file throws(Diagnostics) in try ProjectConfiguration.load(path: file) } ?? ProjectConfiguration()
            return (try HistoryPlace.location(given: options.history, configuration, location), configuration)
        }
        let grouping: RunTrend.Grouping = switch by {
        case "rule": .rule
        case "policy": .policy
        case "control": .control(try Self.controls(configuration))
        default: .severity
        }
        let store = try HistoryReading.open(place)
        defer { store?.close() }
        let (runs, log) = try store.map { store in
            try HistoryReading.read { () throws(HistoryError) in (try store.runs(), try store.outcomeLog(after: nil, through: nil)) }
        } ?? ([], [])
        let output = TrendOutput(trend: RunTrend(runs: runs, log: log, by: grouping), by: by, last: last, history: place.shown)
        switch format {
        case "json": print(output.json, terminator: "")
        case "markdown": print(output.markdown, terminator: "")
        default: print(output.text, terminator: "")
        }
    }

    /// Each rule's controls (`SOC2:CC6.1`) in the packs the project loads now.
    static func controls(_ configuration: ProjectConfiguration) throws -> [String: [String]] {
        let policies = try Session.guarded { () throws(Diagnostics) in try Session.policies(configuration) }
        return Dictionary(RuleCatalogue(policies).rules.map { ($0.id, $0.controls.map(\.description)) }, uniquingKeysWith: { first, _ in first })
    }
}
