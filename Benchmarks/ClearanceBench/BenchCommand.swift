import ArgumentParser

/// `clearance-bench`: generates synthetic organisations, times the loader and the prepared engine.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clearance-bench",
        abstract: "Benchmark helpers for Clearance (build with -c release).",
        subcommands: [GenerateCommand.self, LoadCommand.self, EvaluateCommand.self]
    )
}
