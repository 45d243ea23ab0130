/// One row of the change log of outcomes with the run that wrote it: a finding that entered, changed in or left the
/// state of findings that need attention.
public struct OutcomeChange: Sendable, Equatable {
    /// The run that wrote the row.
    public var run: Int64
    /// Since when (seconds since the epoch, an evaluation time) the outcome has held.
    public var since: Int64
    /// The outcome: status `pass`, `skip` or `gone` when the finding left the state.
    public var outcome: OutcomeRecord

    /// Creates a row.
    public init(run: Int64, since: Int64, outcome: OutcomeRecord) {
        self.run = run
        self.since = since
        self.outcome = outcome
    }
}
