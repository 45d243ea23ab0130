import ArgumentParser
import ClearanceCore
import ClearanceHistory
import ClearancePolicy

/// Which history `clearance history` reads: `--history`, else the project's.
struct HistoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The project file (default: the nearest clearance.yaml in the current folder or above it, up to the top of the git repository).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The history: a SQLite file (any path) or a postgres:// URL (default: `history` in clearance.yaml, else .clearance/history.sqlite).", valueName: "file-or-url"))
    var history: String?

    func validate() throws {
        if config?.isEmpty == true { throw ValidationError("--config must name a project file; got an empty path") }
        if history?.isEmpty == true { throw ValidationError("--history must name a SQLite file or a postgres:// URL; got an empty value") }
    }

    /// The history's location, found from the project.
    func location() throws -> HistoryLocation {
        try Session.guarded {
            let location = try ProjectLocation.enter(config: config, trustedConfig: nil)
            let configuration = try location.file.map { file throws(Diagnostics) in try ProjectConfiguration.load(path: file) } ?? ProjectConfiguration()
            return try HistoryPlace.location(given: history, configuration, location)
        }
    }

    /// Opens the history at `place`; nil for a SQLite file that does not exist (nothing was recorded: it is not made).
    func open(_ place: HistoryLocation) throws -> (any HistoryStore)? {
        if case .sqlite(let path) = place, !Session.fileExists(path) { return nil }
        return try Session.guarded { try HistoryPlace.open(place) }
    }
}
