import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearanceReporting

/// `clearance check PATH...`: evaluates the policies over the inputs, the CI gate.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate the policies over team, vendor and access files.",
        discussion: "Exit status: 0 when nothing fails at or above --fail-on, 1 when something does (an error finding fails at any --fail-on; a pending gate item never does), 2 when the run cannot be trusted (bad policy, bad input, bad flag)."
    )

    @Argument(help: "Input files or folders to report on (default: `inputs` in clearance.yaml, whose other inputs are loaded as context).")
    var paths: [String] = []

    @Option(name: .customLong("context"), help: ArgumentHelp("Files or folders loaded for lookups only, such as vendors.yaml (repeatable; never reported on).", valueName: "path"))
    var contextPaths: [String] = []

    @OptionGroup var project: ProjectOptions

    @OptionGroup var sarif: SARIFOptions

    @OptionGroup var recording: RecordOptions

    @Option(name: .customLong("format"), help: ArgumentHelp("Output formats, comma-separated: \(Reporters.all.map { $0.name }.joined(separator: ", ")); FORMAT=PATH writes to a file.", valueName: "formats"))
    var formats: [String] = ["text"]

    @Option(help: ArgumentHelp("A folder to write each format into (report.json, ...).", valueName: "folder"))
    var output: String?

    @Option(help: ArgumentHelp("Accept the findings of a baseline file: fail only on new ones, and report fixed ones as resolved.", valueName: "file"))
    var baseline: String?

    @Flag(name: .customLong("include-passing"), help: "List passing and skipped findings in the JSON report too (they are always counted).")
    var includePassing = false

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write today's failing findings to a baseline file.", valueName: "file"))
    var writeBaseline: String?

    func run() throws {
        let location = try Session.guarded { try project.enter() }
        let (paths, contextPaths, writeBaseline) = (location.paths(self.paths), location.paths(self.contextPaths), self.writeBaseline.map(location.path))
        let plan = try OutputPlan(formats: location.formats(formats), output: output.map(location.path))
        let progress = ProgressLine()
        defer { progress.finish() }
        let (report, documents, context, configuration, watched) = try Session.guarded {
            let configuration = try project.configuration(checked: paths + contextPaths)
            var context = Session.context(configuration)
            context.jobs = project.threadCount
            context.includePassing = includePassing
            sarif.apply(to: &context)
            let accepted = try baseline.map { path throws(Diagnostic) in try Baseline.load(path: location.path(path)) }
            let policies = try Session.policies(configuration, now: project.now)
            try Session.requireRules(policies, from: configuration.policies)
            let documents = try Session.documents(paths, context: contextPaths, configuration, project, policies,
                                                  digests: plan.recordsEvidence, progress: progress)
            let watched = recording.record ? RunRecorder.watchList(options: recording, configuration: configuration, location: location) : nil
            let engine = Engine(policies: policies, documents: documents, now: project.now, jobs: project.threadCount,
                                keepsAllFindings: includePassing || plan.listsAllFindings || (recording.record && watched == nil),
                                keepsPassMarks: plan.marksPasses, watching: watched ?? [:])
            // A single report that reads its findings as it writes them, compared with nothing and recorded nowhere, has the
            // run keep them only while they are few: a first audit can find millions.
            let streams = plan.streamsFindings && accepted == nil && writeBaseline == nil && !recording.record
            let report = streams
                ? engine.runKeepingFew(selecting: plan.findingSelection(context), progress: progress.callback("evaluating", "documents"))
                : engine.run(progress: progress.callback("evaluating", "documents"))
            try Session.requireSubjects(report, policies, paths: paths.isEmpty ? configuration.inputs : paths)
            try Session.requireAppliedRules(report)
            // A check of part of a project resolves nothing about the documents it did not check (what was checked is
            // listed only when there is a baseline to compare with: a large organisation's list is not small).
            let compared = accepted.map { report.comparing(with: $0, checked: paths.isEmpty ? nil : Session.checkedSubjects(documents)) }
            return (compared ?? report, documents, context, configuration, watched)
        }
        progress.finish()
        if let writeBaseline { try OutputPlan.writeFile(Baseline(report).json, to: writeBaseline) }
        try plan.write(report, context: context)
        sarif.noteOmitted(report, plan: plan, context: context)
        if recording.record {
            try RunRecorder.record(report, documents: documents, command: "check", paths: paths, options: recording, project: project,
                                   configuration: configuration, location: location, watched: watched)
        }
        throw Session.exitStatus(report, configuration)
    }
}
