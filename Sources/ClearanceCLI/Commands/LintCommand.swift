import ArgumentParser
import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// `clearance lint [POLICY...]`: loads and type-checks policies without any inputs, and warns
/// about rules and waivers that load but cannot do their job.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load and type-check policies without inputs; warn about rules and waivers that cannot do their job.",
        discussion: """
        Warns about a `require` that can never fail, a `when` that can never be true, a comparison with a value \
        the document's schema never allows (`member.status == 'actve'`), and a waiver (from --waivers or the \
        project file's `waivers`) that covers every subject, expires more than a year after --as-of, names \
        a subject that none of the project's inputs has, or is approved by someone who may not approve it.
        """
    )

    @Argument(help: "Policy files or folders (default: from clearance.yaml, else Policies/, with the project file's waivers).")
    var paths: [String] = []

    @Flag(help: "Exit 1 when there are warnings.")
    var strict = false

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let location = try Session.guarded { try project.enter() }
        let paths = location.paths(self.paths)
        let (policies, waivers, advisories) = try Session.guarded {
            var configuration = try project.configuration()
            var checks = project.waiverChecks(configuration)
            checks.now = nil  // lint warns about `subject: *` and long terms itself
            if !paths.isEmpty {  // policies named here are linted alone, with only the waivers named here
                (configuration.policies, configuration.policiesReplaced) = (paths, true)
                configuration.waivers = location.paths(project.waivers)
                checks.unknownRule = .note
            }
            let policies = try Session.policies(configuration, now: project.now)
            guard !configuration.waivers.isEmpty else { return (policies, [Waiver](), [Diagnostic]()) }
            // The project's inputs, when it has some, are loaded only to match each waiver's subject.
            checks.unmatchedSubject = configuration.inputs.isEmpty ? nil : .warning
            checks.unapproved = checks.unmatchedSubject
            let documents = try InputLoader(symbols: policies.symbols).load(paths: [], waiverPaths: configuration.waivers, ignoring: configuration.replacedWaivers,
                                                   context: configuration.inputs, sources: configuration.inputs.isEmpty ? [] : configuration.sources,
                                                   sourcesAreContext: true, waiverChecks: checks, policies: policies, digests: false)
            return (policies, documents.reportedWaivers, documents.advisories)
        }
        let notes = advisories.filter { $0.level == .note }
        let warnings = (policies.warnings + WaiverLinter(now: project.now).warnings(waivers) + advisories.filter { $0.level != .note }).sorted()
        for note in notes { print(note.rendered) }
        for warning in warnings { print(warning.rendered) }
        let count = policies.policies.count
        var summary = "\(count) polic\(count == 1 ? "y" : "ies"), \(policies.rules.count) rule\(policies.rules.count == 1 ? "" : "s")"
        if !waivers.isEmpty { summary += ", \(waivers.count) waiver\(waivers.count == 1 ? "" : "s")" }
        print(summary + ": " + (warnings.isEmpty ? "no problems found." : "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")."))
        if strict && !warnings.isEmpty { throw ExitStatus.findingsFailed }
    }
}
