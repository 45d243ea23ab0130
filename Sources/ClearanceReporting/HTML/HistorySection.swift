/// The report's history section: a chart of failing findings over the last runs (inline SVG with the same figures
/// as a table) and the findings new and resolved since the last recorded run.
struct HistorySection {
    /// One run's bar and table row.
    struct Bar {
        let runName: String
        let asOf: String
        let day: String
        let failing: Int
        let x: Int
        let y: Int
        let barHeight: Int
        let labelX: Int
        let countY: Int
        let title: String
    }

    /// One finding's table row.
    struct Row {
        let rule: String
        let subject: String
        let element: String?
        let status: String
        let severity: String
        let now: String?
        let location: String
        let message: String
    }

    /// The width of one run's slot and of its bar, and the height of the tallest bar, in SVG units.
    static let slot = 64, barWidth = 40, plotHeight = 100, top = 18

    let lede: String
    let chartWidth: Int
    let chartHeight: Int
    let chartSummary: String
    let bars: [Bar]
    let newCount: Int
    let resolvedCount: Int
    let newFindings: [Row]
    let resolvedFindings: [Row]
    let hasNew: Bool
    let hasResolved: Bool

    /// The section for a report with a history; nil without one.
    init?(_ history: ReportHistory?) {
        guard let history else { return nil }
        let previous = history.previous.id.map { "run \($0)" } ?? "the last run"
        lede = "Compared with \(previous) (as of \(history.previous.asOf)), the latest run recorded in \(history.store) before this one: "
            + "\(history.new.count) new, \(history.resolved.count) resolved. Failing: fail or error."
        let most = max(history.runs.map(\.failing).max() ?? 0, 1)
        bars = history.runs.enumerated().map { index, run in
            let height = run.failing == 0 ? 0 : max(2, (run.failing * Self.plotHeight + most / 2) / most)
            let x = index * Self.slot + (Self.slot - Self.barWidth) / 2
            let name = run.id.map { "run \($0)" } ?? "this run"
            return Bar(runName: name, asOf: run.asOf, day: String(run.asOf.prefix(10)), failing: run.failing, x: x, y: Self.top + Self.plotHeight - height,
                       barHeight: height, labelX: index * Self.slot + Self.slot / 2, countY: Self.top + Self.plotHeight - height - 4,
                       title: "\(name), as of \(run.asOf): \(run.failing) failing")
        }
        chartWidth = max(history.runs.count, 1) * Self.slot
        chartHeight = Self.top + Self.plotHeight + 34
        chartSummary = "Failing findings: " + history.runs.map { "\($0.id.map { "run \($0)" } ?? "this run") \($0.failing)" }.joined(separator: ", ")
        newFindings = history.new.map(Self.row)
        resolvedFindings = history.resolved.map(Self.row)
        newCount = newFindings.count
        resolvedCount = resolvedFindings.count
        hasNew = !newFindings.isEmpty
        hasResolved = !resolvedFindings.isEmpty
    }

    /// A finding's table row.
    static func row(_ finding: ReportHistory.Finding) -> Row {
        Row(rule: finding.rule, subject: finding.subject, element: finding.element, status: finding.status, severity: finding.severity,
            now: finding.now, location: finding.location, message: finding.message)
    }
}
