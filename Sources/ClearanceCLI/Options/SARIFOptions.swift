import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearanceReporting

/// The flags that shape the SARIF report for GitHub code scanning's limits, and the note a run prints when results were left out.
struct SARIFOptions: ParsableArguments {
    @Option(name: .customLong("sarif-max-results"),
            help: ArgumentHelp("The most results the SARIF report holds, most severe first (default 5000: GitHub code scanning shows 5,000 of a run); the rest are counted in its run properties.", valueName: "count"))
    var maxResults: Int = 5_000

    @Flag(name: .customLong("sarif-include-waived"), help: "List waived findings in the SARIF report as suppressed results (GitHub ignores suppressions).")
    var includeWaived = false

    func validate() throws {
        if maxResults < 1 { throw ValidationError("--sarif-max-results must be at least 1; got \(maxResults)") }
    }

    /// `context` with these settings.
    func apply(to context: inout ReportContext) {
        context.sarifMaxResults = maxResults
        context.sarifIncludeWaived = includeWaived
    }

    /// Tells standard error how many results the SARIF report of `plan` left out, when it writes one and left any out.
    func noteOmitted(_ report: Report, plan: OutputPlan, context: ReportContext) {
        guard plan.destinations.contains(where: { $0.reporter.name == SARIFReporter.name }) else { return }
        var planned = context
        planned.fullReport = plan.fullReport
        let omitted = SARIFReporter.omitted(report, planned)
        guard omitted > 0 else { return }
        let whereAll = planned.fullReport.map { "; every finding is in \(VisibleText.escaped($0))" } ?? ""
        Terminal.standardError.write("note: the SARIF report holds the \(maxResults) most severe results; \(omitted) more are counted in its run properties\(whereAll)\n")
    }
}
