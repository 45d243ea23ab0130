import ClearanceCore
import ClearancePolicy

/// The result of a run: every finding in report order, the counts, and what was read.
public struct Report: Sendable {
    /// The evaluation time.
    public let asOf: Timestamp
    /// The findings kept (every one, or those that need attention), sorted by file, line, column and rule; empty when the
    /// report hands them on as it is written (``streamed``).
    public let findings: [Finding]
    /// The findings kept, handed on a batch at a time in report order each time a report is written, when the run kept
    /// none (``Engine/runKeepingFew(keepingAtMost:progress:)``); `nil` when they are in ``findings``.
    public let streamed: FindingStream?
    /// The findings a report that shows only some of them takes, selected as the run counted (``FindingSelection``),
    /// when the run kept none and was given a selection.
    public let selected: SelectedFindings?
    /// How many findings had each outcome, kept or not.
    public let summary: [FindingStatus: Int]
    /// How many fail findings (not waived, not pending) each severity had, kept or not, when the run counted them.
    public let failsBySeverity: [Severity: Int]?
    /// How many findings of each rule had each outcome, kept or not, by rule id (outcomes with none left out).
    public let ruleCounts: [String: [FindingStatus: Int]]
    /// The pass and skip findings of the rules and subjects the engine watched (``Engine/watching``), when it did not
    /// keep every finding; reports do not list them.
    public let watchedFindings: [Finding]
    /// The passes and skips not kept as findings, counted per subject and rule, when the engine marked them
    /// (``Engine/keepsPassMarks``); reports that show a checklist read them with the findings.
    public let passMarks: [PassMarks]
    /// How many documents the rules were evaluated on.
    public let documentsChecked: Int
    /// The policies and rules evaluated, as reports describe them, and the policy files' digests.
    public let catalogue: RuleCatalogue
    /// The input files read, with their digests.
    public let inputFiles: [FileDigest]
    /// The waivers read.
    public let waivers: [Waiver]
    /// The documents checked (people, vendors, manifests) in input order, with what reports show about each.
    public let subjects: [Subject]
    /// The vendors' exports read as sources, in the order `clearance.yaml` lists them.
    public let sources: [SourceSummary]
    /// The accounts the sources observed for each person among ``subjects``, by member id, in checklist order.
    public let accounts: [String: [ObservedAccount]]
    /// The managed devices the sources observed for each person among ``subjects``, by member id, in checklist order.
    public let devices: [String: [ObservedDevice]]
    /// The comparison with a baseline, when the run had one.
    public private(set) var baseline: BaselineComparison?

    /// Creates a report, sorting the findings; `summary` counts every outcome, kept or not.
    public init(asOf: Timestamp, findings: [Finding], summary: [FindingStatus: Int], failsBySeverity: [Severity: Int]? = nil,
                streamed: FindingStream? = nil, selected: SelectedFindings? = nil, ruleCounts: [String: [FindingStatus: Int]] = [:],
                watchedFindings: [Finding] = [], passMarks: [PassMarks] = [], documentsChecked: Int, catalogue: RuleCatalogue,
                inputFiles: [FileDigest], waivers: [Waiver], subjects: [Subject] = [], sources: [SourceSummary] = [],
                accounts: [String: [ObservedAccount]] = [:], devices: [String: [ObservedDevice]] = [:]) {
        self.asOf = asOf
        self.documentsChecked = documentsChecked
        self.findings = Finding.sortedForReports(findings)
        self.summary = summary
        self.failsBySeverity = failsBySeverity
        self.streamed = streamed
        self.selected = selected
        self.ruleCounts = ruleCounts
        self.watchedFindings = watchedFindings
        self.passMarks = passMarks
        self.catalogue = catalogue
        self.inputFiles = inputFiles
        self.waivers = waivers
        self.subjects = subjects
        self.sources = sources
        self.accounts = accounts
        self.devices = devices
    }

    /// The findings that fail the run at a severity threshold: every error (an unevaluated check is never a pass),
    /// and every fail at or above the threshold that the baseline does not accept. Pending, waived, passing and
    /// skipped findings never fail. Exit codes and every report format use this one definition.
    public func failing(at threshold: Severity) -> [Finding] {
        findings.filter { isFailing($0, at: threshold) }
    }

    /// Whether anything fails the run at a severity threshold (``failing(at:)`` is not empty), answered from the counts
    /// when the run kept them and no baseline accepts findings: any error, or any fail at or above the threshold.
    public func hasFailing(at threshold: Severity) -> Bool {
        failingCount(at: threshold) > 0
    }

    /// How many findings fail the run at a severity threshold (``failing(at:)``), counted from the counts when the run kept
    /// them and no baseline accepts findings: every error, and every fail at or above the threshold.
    public func failingCount(at threshold: Severity) -> Int {
        guard let failsBySeverity, baseline == nil else { return failing(at: threshold).count }
        return summary[.error, default: 0] + failsBySeverity.filter { $0.key >= threshold }.values.reduce(0, +)
    }

    /// Whether a finding fails the run at a severity threshold (see ``failing(at:)``).
    public func isFailing(_ finding: Finding, at threshold: Severity) -> Bool {
        switch finding.status {
        case .error: true
        case .fail: finding.rule.severity >= threshold && !(baseline?.isBaselined(finding) ?? false)
        case .pass, .skip, .waived, .pending: false
        }
    }

    /// The report compared with a baseline; `checked` (subjects as "Kind id") limits what can be resolved
    /// to what the run checked, when it checked part of a project.
    public func comparing(with baseline: Baseline, checked: Set<String>? = nil) -> Report {
        precondition(streamed == nil, "a baseline is compared with the findings a report keeps, not with streamed ones")
        var compared = self
        compared.baseline = BaselineComparison(baseline: baseline, findings: findings, checked: checked)
        return compared
    }
}
