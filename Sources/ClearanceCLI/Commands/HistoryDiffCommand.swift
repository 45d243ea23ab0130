import ArgumentParser
import ClearanceCore
import ClearanceHistory
import ClearanceReporting

/// `clearance history diff [A] [B]`: the findings new, resolved and changed between two recorded runs.
struct HistoryDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the findings new, resolved and changed between two recorded runs.",
        discussion: """
            With no run, compares the last two runs; with one run A, compares A with the latest run; with A and B, compares A with B. \
            New: needs attention (fail, error, waived, pending) after B, not after A. Resolved: needed attention after A, not after B (and, \
            when A is the earlier run, whether it now passes, is skipped or is gone). Changed: needs attention after both, with another status or \
            severity. Exit status: 0 (also when fewer than two runs are recorded: there is nothing to compare), or 2 when a run does not exist \
            or the history cannot be read.
            """
    )

    @OptionGroup var options: HistoryOptions

    @Argument(help: ArgumentHelp("The runs to compare, as `clearance history` lists them (default: the last two; one run: it and the latest).", valueName: "run"))
    var runs: [String] = []

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format = "text"

    /// The formats.
    static let formats = ["text", "json", "markdown"]

    func validate() throws {
        guard Self.formats.contains(format) else {
            throw ValidationError("--format must be text, json or markdown; got '\(VisibleText.value(format))'\(Suggestion.didYouMean(format, among: Self.formats))")
        }
        if runs.count > 2 { throw ValidationError("diff compares two runs; got \(runs.count)") }
        for run in runs where Int64(run).map({ $0 > 0 }) != true {
            throw ValidationError("a run is a number as `clearance history` lists it; got '\(VisibleText.value(run))'")
        }
    }

    func run() throws {
        let place = try options.location()
        let asked = runs.compactMap { Int64($0) }
        let store = try HistoryReading.open(place)
        defer { store?.close() }
        let recorded = try store.map { store in try HistoryReading.read { () throws(HistoryError) in try store.runs() } } ?? []
        let byID = Dictionary(recorded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in asked where byID[id] == nil {
            try HistoryReading.read { () throws(HistoryError) in
                throw HistoryError(.notFound, "no run \(id) in the history (\(Self.count(recorded.count, "run")) recorded; `clearance history` lists them)",
                                   store: place.shown)
            }
        }
        guard let store, !asked.isEmpty || recorded.count >= 2 else {
            print(render(nil, recorded: recorded.count, history: place.shown), terminator: "")
            return
        }
        let from = asked.first ?? recorded[recorded.count - 2].id
        let to = asked.count == 2 ? asked[1] : recorded[recorded.count - 1].id
        let comparison = try HistoryReading.read { () throws(HistoryError) in try store.comparison(from: from, to: to) }
        let diff = RunDiff(from: byID[from]!, to: byID[to]!, comparison: comparison)  // safe: both checked above
        print(render(diff, recorded: recorded.count, history: place.shown), terminator: "")
    }

    /// The output in the chosen format; `diff` nil when there were not two runs to compare.
    func render(_ diff: RunDiff?, recorded: Int, history: String) -> String {
        switch format {
        case "json": RunDiff.json(diff, recorded: recorded, history: history)
        case "markdown": RunDiff.markdown(diff, recorded: recorded, history: history)
        default: RunDiff.text(diff, recorded: recorded, history: history)
        }
    }

    /// "1 run", "2 runs".
    static func count(_ number: Int, _ singular: String) -> String { "\(number) \(singular)\(number == 1 ? "" : "s")" }
}
