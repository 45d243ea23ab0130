import ClearanceCore

/// A history of recorded runs: the one interface over both back ends (a SQLite file, a PostgreSQL database), which
/// share their schema and behaviour (``SQLHistoryStore``). Open one with ``HistoryStores/open(_:toolVersion:now:)``.
public protocol HistoryStore: AnyObject {
    /// Where the history is, as messages name it (a PostgreSQL URL without its password).
    var name: String { get }
    /// Records a run in one transaction, writing only what changed since the run recorded before it.
    func record(_ run: RunRecord) throws(HistoryError) -> RecordedRun
    /// The subjects, by rule id, of the findings that need attention after the latest run: a run about to be recorded
    /// keeps the pass and skip findings of these (``RunRecord/watched``) and need keep no others.
    func watchList() throws(HistoryError) -> [String: Set<String>]
    /// Every run, oldest first.
    func runs() throws(HistoryError) -> [RunSummary]
    /// The findings that needed attention after run `id` (its full result when it covered the whole project), rebuilt
    /// from the change log, in fingerprint order.
    func outcomes(atRun id: Int64) throws(HistoryError) -> [OutcomeRecord]
    /// The change log rows run `id` wrote, in fingerprint order.
    func outcomeChanges(inRun id: Int64) throws(HistoryError) -> [OutcomeRecord]
    /// The change log rows of the runs after run `after` (nil: from the first run) up to run `through` (nil: the
    /// latest), each with its run, in run order: one pass over them replays the history.
    func outcomeLog(after: Int64?, through: Int64?) throws(HistoryError) -> [OutcomeChange]
    /// Each account's latest observation up to run `id` (status `absent` when its export stopped listing it), in account order.
    func accounts(atRun id: Int64) throws(HistoryError) -> [AccountObservation]
    /// For each account ever observed: when it was first seen active, deprovisioned and absent.
    func accountTimelines() throws(HistoryError) -> [AccountTimeline]
    /// How many findings of each rule had each outcome in run `id`.
    func ruleCounts(inRun id: Int64) throws(HistoryError) -> [RuleCount]
    /// The files run `id` read, in the order it recorded them.
    func files(ofRun id: Int64) throws(HistoryError) -> [FileRecord]
    /// The packs run `id` evaluated.
    func packs(ofRun id: Int64) throws(HistoryError) -> [PackRecord]
    /// Removes the runs evaluated before `date`, except the latest run; what they changed that still holds is kept
    /// with the next run, so every run left rebuilds as before.
    func prune(before date: Timestamp) throws(HistoryError) -> PruneResult
    /// Closes the history.
    func close()
}

/// What recording a run wrote.
public struct RecordedRun: Sendable, Equatable {
    /// The run's id.
    public var id: Int64
    /// Change log rows of outcomes written.
    public var outcomeRows: Int
    /// Change log rows of accounts written.
    public var accountRows: Int
}

/// What pruning removed.
public struct PruneResult: Sendable, Equatable {
    /// Runs removed.
    public var runs: Int
    /// Change log rows removed (outcomes and accounts); the rows still in effect, moved to the next run kept, are not counted.
    public var rows: Int
}

/// When an account was first seen in each state that matters over time.
public struct AccountTimeline: Sendable, Equatable {
    /// The account.
    public var key: AccountKey
    /// Its latest observation.
    public var latest: AccountObservation
    /// The first run, and export time, that showed it active.
    public var firstActive: Sighting?
    /// The first that showed it deprovisioned.
    public var firstDeprovisioned: Sighting?
    /// The first that showed it absent from an export that had listed it (the observed revocation time).
    public var firstAbsent: Sighting?

    /// A run that showed a state, with the time of the export that showed it.
    public struct Sighting: Sendable, Equatable {
        /// The run.
        public var run: Int64
        /// When the export was made; nil when the run did not know.
        public var observedAt: Timestamp?
        /// The export.
        public var sourceFile: String?
    }
}
