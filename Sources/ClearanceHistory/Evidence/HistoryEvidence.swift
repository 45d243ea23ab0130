import ClearanceCore

/// What the evidence package reads of a history: its runs, the files each read, and every account's timeline.
public struct HistoryEvidence: Sendable, Equatable {
    /// Where the history is, as messages name it.
    public var name: String
    /// Every run, oldest first.
    public var runs: [RunSummary]
    /// The files each run read, by run id.
    public var files: [Int64: [FileRecord]]
    /// For each account ever observed, when it was first seen active, deprovisioned and absent.
    public var timelines: [AccountTimeline]

    /// Creates history evidence from its parts.
    public init(name: String, runs: [RunSummary], files: [Int64: [FileRecord]], timelines: [AccountTimeline]) {
        self.name = name
        self.runs = runs
        self.files = files
        self.timelines = timelines
    }

    /// Reads `store` (never writing to it).
    public init(store: any HistoryStore) throws(HistoryError) {
        let runs = try store.runs()
        var files: [Int64: [FileRecord]] = [:]
        for run in runs { files[run.id] = try store.files(ofRun: run.id) }
        self.init(name: store.name, runs: runs, files: files, timelines: try store.accountTimelines())
    }

    /// The first run that read `file` as made at `time` (an export and its `generated_at`).
    func firstRun(reading file: String?, madeAt time: Timestamp) -> Int64? {
        guard let file else { return nil }
        return runs.first { run in files[run.id]?.contains { $0.path == file && $0.generatedAt == time } == true }?.id
    }

    /// A run's evaluation time.
    func asOf(_ run: Int64) -> Timestamp? { runs.first { $0.id == run }.flatMap { Timestamp(seconds: $0.asOfSeconds) } }
}
