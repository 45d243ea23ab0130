import ClearanceCore

/// A recorded run as `clearance history` lists it.
public struct RunSummary: Sendable, Equatable {
    /// The run's id, in recording order.
    public var id: Int64
    /// `audit` or `check`.
    public var command: String
    /// When it was recorded.
    public var recordedAt: Timestamp
    /// Its evaluation time as recorded (RFC 3339).
    public var asOf: String
    /// The evaluation time in seconds since the epoch.
    public var asOfSeconds: Int64
    /// The Clearance version that ran.
    public var toolVersion: String
    /// The git commit, when the project was in a repository.
    public var gitRevision: String?
    /// The digest of `clearance.yaml`.
    public var configSHA256: String?
    /// The digest of the settings in effect.
    public var settingsSHA256: String
    /// What narrowed the run (`path X`, `policies Y` lines); nil for the whole project.
    public var scope: String?
    /// How many findings had each outcome: pass, fail, error, waived, skip, pending.
    public var counts: [String: Int]
    /// Change log rows of outcomes it wrote.
    public var outcomeRows: Int
    /// Change log rows of accounts it wrote.
    public var accountRows: Int

    /// The outcomes in the order listings show them.
    public static let statuses = ["pass", "fail", "error", "waived", "skip", "pending"]
}
