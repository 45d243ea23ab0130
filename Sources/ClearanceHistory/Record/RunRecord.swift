import ClearanceCore

/// Everything `--record` stores about one run: when and how it ran, what it read, and its outcomes and observed
/// accounts. Plain data, built from a finished report (``init(report:documents:context:)``) or by hand in tests.
public struct RunRecord: Sendable {
    /// The command that ran: `audit` or `check`.
    public var command: String
    /// When the run was recorded (the wall clock).
    public var recordedAt: Timestamp
    /// The evaluation time (`--as-of`, else the time of the run).
    public var asOf: Timestamp
    /// The version of Clearance that ran.
    public var toolVersion: String
    /// The git commit checked out in the project, when it is inside a repository.
    public var gitRevision: String?
    /// The SHA-256 of `clearance.yaml`'s bytes, when there is one.
    public var configSHA256: String?
    /// The SHA-256 of the settings in effect: each pack's params with their values, and the rule overrides.
    public var settingsSHA256: String
    /// What narrowed the run; nil for a run over the whole project.
    public var scope: RunScope?
    /// The packs evaluated.
    public var packs: [PackRecord]
    /// Every file read: policies, inputs, context and exports.
    public var files: [FileRecord]
    /// How many findings had each outcome (pass, fail, error, waived, skip, pending), kept in the report or not.
    public var counts: [String: Int]
    /// How many findings each rule had of each outcome.
    public var ruleCounts: [RuleCount]
    /// The findings that need attention, and the pass and skip findings of ``watched``'s rules and subjects.
    public var outcomes: [OutcomeRecord]
    /// The subjects, by rule id, whose pass and skip findings ``outcomes`` holds; nil when it holds every one. A finding
    /// that needed attention before the run, is not among the outcomes, and was not watched (another run recorded it
    /// meanwhile) keeps its state until a later run can tell whether it passes or is gone.
    public var watched: [String: Set<String>]?
    /// The accounts the exports listed.
    public var accounts: [AccountObservation]
    /// The systems and scopes whose exports were read: an account of one of them that is not listed is absent.
    public var accountSources: [AccountSource]

    /// Creates a record.
    public init(command: String, recordedAt: Timestamp, asOf: Timestamp, toolVersion: String, gitRevision: String? = nil, configSHA256: String? = nil,
                settingsSHA256: String, scope: RunScope? = nil, packs: [PackRecord] = [], files: [FileRecord] = [], counts: [String: Int] = [:], ruleCounts: [RuleCount] = [],
                outcomes: [OutcomeRecord] = [], watched: [String: Set<String>]? = nil, accounts: [AccountObservation] = [],
                accountSources: [AccountSource] = []) {
        self.command = command
        self.recordedAt = recordedAt
        self.asOf = asOf
        self.toolVersion = toolVersion
        self.gitRevision = gitRevision
        self.configSHA256 = configSHA256
        self.settingsSHA256 = settingsSHA256
        self.scope = scope
        self.packs = packs
        self.files = files
        self.counts = counts
        self.ruleCounts = ruleCounts
        self.outcomes = outcomes
        self.watched = watched
        self.accounts = accounts
        self.accountSources = accountSources
    }
}

/// A pack a run evaluated: its id and version, and the file it came from with its digest.
public struct PackRecord: Sendable, Hashable {
    /// The policy id.
    public var id: String
    /// The version the pack declares, if any.
    public var version: String?
    /// The file it was read from (`builtin:<file>` for a built-in pack).
    public var file: String?
    /// The SHA-256 of that file.
    public var sha256: String?

    /// Creates a pack record.
    public init(id: String, version: String?, file: String?, sha256: String?) {
        self.id = id
        self.version = version
        self.file = file
        self.sha256 = sha256
    }
}

/// A file a run read, with its digest, and for an export the time it was made.
public struct FileRecord: Sendable, Hashable {
    /// The path as the run named it.
    public var path: String
    /// What it was read as: policy, input, context or source.
    public var role: String
    /// The SHA-256 of its bytes.
    public var sha256: String
    /// Its size in bytes, when known.
    public var size: Int?
    /// When the export was made (`generated_at`); nil for a file that is not an export.
    public var generatedAt: Timestamp?
    /// The export's format; nil for a file that is not an export.
    public var format: String?

    /// Creates a file record.
    public init(path: String, role: String, sha256: String, size: Int? = nil, generatedAt: Timestamp? = nil, format: String? = nil) {
        self.path = path
        self.role = role
        self.sha256 = sha256
        self.size = size
        self.generatedAt = generatedAt
        self.format = format
    }
}

/// How many findings of one rule had one outcome.
public struct RuleCount: Sendable, Hashable {
    /// The rule id.
    public var rule: String
    /// The outcome: pass, fail, error, waived, skip or pending.
    public var status: String
    /// How many.
    public var count: Int

    /// Creates a count.
    public init(rule: String, status: String, count: Int) {
        self.rule = rule
        self.status = status
        self.count = count
    }
}

/// What narrowed a run: the paths it reported on and the policies named on the command line, with the subjects and
/// rules they leave in the run. A finding recorded earlier whose subject or rule is outside them keeps its outcome.
public struct RunScope: Sendable, Hashable {
    /// The paths reported on (`check PATH...`); empty when every input was.
    public var paths: [String]
    /// The policies named with `--policies`; empty when the configured ones ran.
    public var policies: [String]
    /// The subjects checked, as `Kind id`; nil when every subject was.
    public var subjects: Set<String>?
    /// The rules evaluated; nil when every rule was.
    public var rules: Set<String>?

    /// Creates a scope.
    public init(paths: [String], policies: [String], subjects: Set<String>?, rules: Set<String>?) {
        self.paths = paths
        self.policies = policies
        self.subjects = subjects
        self.rules = rules
    }

    /// Whether a finding of `rule` about `kind` `subject` was within the run.
    public func covers(rule: String, kind: String, subject: String) -> Bool {
        (rules?.contains(rule) ?? true) && (subjects?.contains(kind + " " + subject) ?? true)
    }

    /// The scope as stored: the paths and policies, one per line, each list after its name.
    var text: String {
        (paths.map { "path " + $0 } + policies.map { "policies " + $0 }).joined(separator: "\n")
    }
}
