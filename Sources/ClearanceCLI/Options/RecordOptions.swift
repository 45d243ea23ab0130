import ArgumentParser

/// `--record` and `--history`: whether a run is stored in the history, and which history.
struct RecordOptions: ParsableArguments {
    @Flag(help: "Record the run in the history (`history` in clearance.yaml, default .clearance/history.sqlite) once its report is complete.")
    var record = false

    @Option(help: ArgumentHelp("The history to record in: a SQLite file (any path) or a postgres:// URL; replaces `history` in clearance.yaml.", valueName: "file-or-url"))
    var history: String?

    func validate() throws {
        if history?.isEmpty == true { throw ValidationError("--history must name a SQLite file or a postgres:// URL; got an empty value") }
        if history != nil && !record { throw ValidationError("--history names where --record stores the run; add --record") }
    }
}
