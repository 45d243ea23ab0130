import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// One output format: renders a report to the bytes of a file or of standard output.
public protocol Reporter: Sendable {
    /// The format's name on the command line, such as `json`.
    static var name: String { get }
    /// The file the format is written to inside an output folder, such as `report.json`.
    static var fileName: String { get }
    /// Creates the reporter.
    init()
    /// The rendered report.
    func render(_ report: Report, context: ReportContext) -> String
    /// The rendered report in pieces, in order, each handed to `write` as it is made (their concatenation is
    /// ``render(_:context:)``), so a large report need not be held whole before it is written.
    func stream(_ report: Report, context: ReportContext, to write: (String) -> Void)
    /// Whether the format lists passing and skipped findings (so the run must keep them).
    static var listsAllFindings: Bool { get }
    /// Whether the format shows a mark for each subject's passes and skips, by rule, without listing them (so the run
    /// must count them per subject: ``Report/passMarks``).
    static var marksPasses: Bool { get }
    /// Whether the format writes a report whose findings are handed on as it is written (``Report/streamed``), so the
    /// run need not keep them.
    static var streamsFindings: Bool { get }
    /// Whether the format records the evidence of the files read (so the run must digest them).
    static var recordsEvidence: Bool { get }
    /// The findings the format shows of a run that keeps none, when it shows only some (``Report/selected``): the run
    /// selects them as it counts, so the format need not read them all again.
    static func findingSelection(_ context: ReportContext) -> FindingSelection?
}

extension Reporter {
    /// Most formats are written whole, in one piece.
    public func stream(_ report: Report, context: ReportContext, to write: (String) -> Void) {
        write(render(report, context: context))
    }

    /// The size, in bytes, past which a format that streams hands on the text written so far.
    public static var pieceSize: Int { 1 << 20 }

    /// The pieces ``stream(_:context:to:)`` hands on, joined: ``render(_:context:)`` for a format that streams.
    public func joinedPieces(_ report: Report, context: ReportContext) -> String {
        var whole = ""
        stream(report, context: context) { whole += $0 }
        return whole
    }

    /// Most formats list only the findings that need attention.
    public static var listsAllFindings: Bool { false }
    /// Most formats show no checklist.
    public static var marksPasses: Bool { false }
    /// Most formats read the findings a report keeps.
    public static var streamsFindings: Bool { false }
    /// Most formats record evidence; the text ones do not.
    public static var recordsEvidence: Bool { true }
    /// Most formats that stream read every finding.
    public static func findingSelection(_ context: ReportContext) -> FindingSelection? { nil }
}

/// What a reporter needs besides the report: the run's settings and evidence.
public struct ReportContext: Sendable {
    /// The lowest severity that fails the run.
    public var failOn: Severity
    /// Whether to colour text output.
    public var color: Bool
    /// The command line that produced the report.
    public var commandLine: [String]
    /// Clearance's version.
    public var toolVersion: String
    /// Whether lists of findings include passes and skips.
    public var includePassing: Bool
    /// Where this run writes a report that lists every finding (a file, such as `clearance-report/report.html`), for the
    /// formats that show only some of them to say where the rest are; nil when it writes none.
    public var fullReport: String?
    /// The most results SARIF holds (GitHub code scanning shows the first 5,000 of a run); the rest are counted in its properties.
    public var sarifMaxResults: Int = 5_000
    /// Whether SARIF lists waived findings (as suppressed results, which GitHub ignores).
    public var sarifIncludeWaived: Bool = false
    /// How many threads a format may render on (the JSON report's findings, in order, a batch on each).
    public var jobs: Int = 1
    /// The history's trend and the findings new and resolved since the last recorded run, for the HTML report; nil
    /// when no history is configured or it holds no run.
    public var history: ReportHistory? = nil

    /// Creates a context.
    public init(failOn: Severity = .low, color: Bool = false, commandLine: [String] = [], toolVersion: String, includePassing: Bool = false) {
        self.includePassing = includePassing
        self.failOn = failOn
        self.color = color
        self.commandLine = commandLine
        self.toolVersion = toolVersion
    }
}

/// Every output format by name.
public enum Reporters {
    /// The reporters, in the order `--help` lists them.
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self, MarkdownReporter.self, HTMLReporter.self,
    ]

    /// The reporter of a format name.
    public static func named(_ name: String) -> (any Reporter.Type)? { all.first { $0.name == name } }
}
