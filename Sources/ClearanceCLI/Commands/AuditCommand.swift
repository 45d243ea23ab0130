import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearanceReporting

/// `clearance audit`: checks everything in clearance.yaml and writes the audit report set.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check everything clearance.yaml names and write the audit report set.",
        discussion: "Prints the findings by person and writes report.html, report.json, report.sarif, junit.xml and summary.md into the output folder (default clearance-report/). With --record, the run is then stored in the history. When the history holds runs, report.html shows the trend of failing findings and what is new and resolved since the last recorded run."
    )

    @OptionGroup var project: ProjectOptions

    @OptionGroup var sarif: SARIFOptions

    @OptionGroup var recording: RecordOptions

    @Option(help: ArgumentHelp("The folder to write the reports into (default: `output` in clearance.yaml).", valueName: "folder"))
    var output: String?

    /// The formats of the audit report set.
    static let reportSet = ["html", "json", "sarif", "junit", "markdown"]

    func run() throws {
        let location = try Session.guarded { try project.enter() }
        let progress = ProgressLine()
        defer { progress.finish() }
        let (report, documents, configuration) = try Session.guarded {
            let configuration = try project.configuration()
            let policies = try Session.policies(configuration, now: project.now)
            try Session.requireRules(policies, from: configuration.policies)
            let documents = try Session.documents([], configuration, project, policies, progress: progress)
            let engine = Engine(policies: policies, documents: documents, now: project.now, jobs: project.threadCount)
            let report = engine.run(progress: progress.callback("evaluating", "documents"))
            try Session.requireSubjects(report, policies, paths: configuration.inputs)
            try Session.requireAppliedRules(report)
            return (report, documents, configuration)
        }
        progress.finish()
        let folder = output.map(location.path) ?? configuration.output
        var context = Session.context(configuration)
        context.jobs = project.threadCount
        sarif.apply(to: &context)
        var unreadableHistory: Diagnostic?
        do {
            context.history = try ReportHistoryLoader.load(report, given: recording.history, configuration, location)
        } catch {
            unreadableHistory = error
        }
        let files = try OutputPlan(formats: Self.reportSet, output: folder)
        try files.write(report, context: context)
        sarif.noteOmitted(report, plan: files, context: context)
        try OutputPlan(formats: ["text"], output: nil).write(report, context: context)
        let names = files.destinations.map { $0.reporter.fileName }.joined(separator: ", ")
        Terminal.standardError.write("audit report written to \(VisibleText.escaped(folder))/: \(names)\n")
        if let unreadableHistory { try Session.guarded { throw unreadableHistory } }
        if recording.record {
            try RunRecorder.record(report, documents: documents, command: "audit", paths: [], options: recording, project: project,
                                   configuration: configuration, location: location)
        }
        throw Session.exitStatus(report, configuration)
    }
}
