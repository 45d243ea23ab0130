/// What the history says beside a report, for the HTML report's history section: the failing findings of the last
/// recorded runs and of this run, and the findings new and resolved since the last recorded run. Built by the command
/// line from the history (``ReportContext/history``); plain values, so the reporters need no store.
public struct ReportHistory: Sendable, Equatable {
    /// One run of the trend.
    public struct Run: Sendable, Equatable {
        /// The recorded run's id; nil for this run.
        public var id: Int64?
        /// Its evaluation time (RFC 3339).
        public var asOf: String
        /// How many findings it reported failing (fail or error).
        public var failing: Int

        /// Creates a run.
        public init(id: Int64?, asOf: String, failing: Int) {
            self.id = id
            self.asOf = asOf
            self.failing = failing
        }
    }

    /// A finding new or resolved since the last run.
    public struct Finding: Sendable, Equatable {
        /// The rule id.
        public var rule: String
        /// The subject's id.
        public var subject: String
        /// The element's path, if any.
        public var element: String?
        /// Its status: now for a new finding, at the last run for a resolved one.
        public var status: String
        /// Its severity, likewise.
        public var severity: String
        /// For a resolved finding, what it is now: `pass`, `skip` or `gone` (no longer reported).
        public var now: String?
        /// What it said.
        public var message: String
        /// Where: `file:line:column`.
        public var location: String

        /// Creates a finding.
        public init(rule: String, subject: String, element: String?, status: String, severity: String, now: String?, message: String, location: String) {
            self.rule = rule
            self.subject = subject
            self.element = element
            self.status = status
            self.severity = severity
            self.now = now
            self.message = message
            self.location = location
        }
    }

    /// The history as messages name it.
    public var store: String
    /// The last recorded run, which this run is compared with.
    public var previous: Run
    /// The trend, oldest first, ending with this run.
    public var runs: [Run]
    /// The findings needing attention now that did not after the last run.
    public var new: [Finding]
    /// The findings that needed attention after the last run and no longer do.
    public var resolved: [Finding]

    /// Creates the history of a report.
    public init(store: String, previous: Run, runs: [Run], new: [Finding], resolved: [Finding]) {
        self.store = store
        self.previous = previous
        self.runs = runs
        self.new = new
        self.resolved = resolved
    }
}
