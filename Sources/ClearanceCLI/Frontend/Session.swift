import ArgumentParser
import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Loads what a command needs and runs it; every load error ends the run with exit 2.
enum Session {
    /// Documents loaded by this one-shot command, kept until the process exits: the operating system
    /// takes the memory back at once, where releasing a large organisation's documents one by one takes
    /// a noticeable part of a run. Only the command line does this; the libraries hold nothing beyond
    /// the values a caller keeps (a prepared `Engine` and its snapshot), so a long-running process
    /// that drops a snapshot gets its memory back.
    private static let loaded = Mutex<[DocumentSet]>([])

    /// Runs `body`; diagnostics are printed in full to standard error and exit 2.
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostics as Diagnostics {
            Terminal.standardError.write(diagnostics.rendered + "\n")
            let count = diagnostics.items.count
            Terminal.standardError.write("\(count) error\(count == 1 ? "" : "s"); nothing was checked.\n")
            throw ExitStatus.untrusted
        } catch let diagnostic as Diagnostic {
            Terminal.standardError.write(diagnostic.rendered + "\n")
            throw ExitStatus.untrusted
        }
    }

    /// The loaded policies, with a symbol table of their own for this run: the documents they
    /// check are loaded with it (``documents(_:context:_:_:_:digests:progress:)``), so field names
    /// and keys share numbers.
    /// The packs' params are those `clearance.yaml` sets (unless `withSettings` is false, as for policy tests, which
    /// set their own), and its rule overrides apply as they stand at `now`.
    static func policies(_ configuration: ProjectConfiguration, now: Timestamp? = nil, withSettings: Bool = true) throws(Diagnostics) -> PolicySet {
        do {
            return try PolicyLoader(symbols: SymbolTable(), settings: withSettings ? configuration.settings : .none, now: now ?? currentTime(),
                                    settingsMayNameOtherPacks: configuration.policiesReplaced)
                .load(paths: configuration.policies)
        } catch {
            throw ProjectLocation.withWayForward(error, policies: configuration.policies, named: configuration.policiesReplaced)
        }
    }

    /// The loaded inputs, checked against the policies and loaded with their symbol table: the documents under `paths` as subjects, the
    /// rest of the configured inputs and `context` for lookups only; notes about them go to standard error.
    ///
    /// With no `paths`, the configured inputs and sources are the subjects; with `paths`, a source is a subject when a path names its
    /// export (the file or a folder holding it), else context. Configured waiver files are context when
    /// `paths` narrow the run (their expiry is reported by the full run), unless `--waivers` named them.
    /// A long-running command passes `keep: false`, so a snapshot it drops gives its memory back.
    static func documents(_ paths: [String], context: [String] = [], _ configuration: ProjectConfiguration, _ project: ProjectOptions,
                          _ policies: PolicySet, digests: Bool = true, progress: ProgressLine? = nil, keep: Bool = true) throws(Diagnostics) -> DocumentSet {
        let subjects = paths.isEmpty ? configuration.inputs : paths
        guard !subjects.isEmpty || !configuration.sources.isEmpty else {
            throw Diagnostics([Diagnostic(code: "input.none", message: "no inputs: name files or folders to check, or list them under `inputs` in clearance.yaml", location: nil)])
        }
        let documents = try InputLoader(symbols: policies.symbols).load(paths: subjects, waiverPaths: configuration.waivers, ignoring: configuration.replacedWaivers,
                                               context: context + (paths.isEmpty ? [] : configuration.inputs),
                                               waiversAreContext: !paths.isEmpty && project.waivers.isEmpty,
                                               sources: configuration.sources, sourcesAreContext: !paths.isEmpty, waiverChecks: project.waiverChecks(configuration),
                                               policies: policies, jobs: project.threadCount, digests: digests,
                                               progress: progress?.callback("reading", "files"))
        if keep { loaded.withLock { $0.append(documents) } }
        // An override of clearance.yaml waives a rule for everyone: it needs an approver entitled to accept that.
        let overrideProblems = RuleOverrideCheck(checks: project.waiverChecks(configuration)).diagnostics(configuration.settings.overrides, in: documents)
        guard overrideProblems.isEmpty else { throw Diagnostics(overrideProblems) }
        if !documents.advisories.isEmpty { Terminal.standardError.write(documents.advisories.map(\.rendered).joined(separator: "\n") + "\n") }
        return documents
    }

    /// The subjects a run reports on, as "Kind id" (baseline entries name them so): documents and reported waivers.
    static func checkedSubjects(_ documents: DocumentSet) -> Set<String> {
        var checked = Set<String>(documents.subjects.map { (document: InputDocument) -> String in document.kind.rawValue + " " + document.id })
        for waiver in documents.reportedWaivers { checked.insert(DocumentKind.waiver.rawValue + " " + waiver.id) }
        return checked
    }

    /// Fails the run when it checked nothing: zero subjects is never a pass. `paths` are what was to be checked.
    static func requireSubjects(_ report: Report, _ policies: PolicySet, paths: [String]) throws(Diagnostic) {
        guard report.documentsChecked == 0 else { return }
        let kinds = policies.kinds.kinds.filter { kind in policies.policies.contains { $0.target == kind } }.map(\.rawValue)
        let list = kinds.count < 2 ? kinds.joined() : kinds.dropLast().joined(separator: ", ") + " or " + kinds[kinds.count - 1]
        let held = paths.joined(separator: ", ") + (paths.count == 1 ? " holds" : " hold")
        throw Diagnostic(code: "input.no-subjects", message: "no documents to check: \(held) no \(list) for the loaded policies to check", location: nil)
    }

    /// Fails the run when the policies hold no rule: a run without rules checks nothing, so it is never a pass.
    static func requireRules(_ policies: PolicySet, from paths: [String]) throws(Diagnostic) {
        guard policies.rules.isEmpty else { return }
        let named = policies.policies.map { "'\($0.id)' in \($0.location.file)" }
        let loaded = switch named.count {
        case 0: "no policy in \(paths.joined(separator: ", "))"
        case 1: "policy \(named[0]) has no rules"
        default: "policies \(Self.list(named)) have no rules"
        }
        throw Diagnostic(code: "policy.no-rules", message: "no rules loaded: \(loaded); a run without rules checks nothing", location: nil)
    }

    /// Fails the run when no rule applied to any document checked (every finding a skip): it checked nothing.
    static func requireAppliedRules(_ report: Report) throws(Diagnostic) {
        let applied = report.summary.filter { $0.key != .skip }.values.reduce(0, +)
        guard applied == 0, report.documentsChecked > 0 else { return }
        let catalogue = report.catalogue
        let policies = catalogue.policies.filter { !catalogue.rules(of: $0).isEmpty }.map { "'\($0.id)'" }
        let rules = catalogue.rules.count, documents = report.documentsChecked
        throw Diagnostic(code: "policy.none-applied",
                         message: "no rule applied to any document: the \(rules) rule\(rules == 1 ? "" : "s") of polic\(policies.count == 1 ? "y" : "ies") "
                            + "\(Self.list(policies)) \(rules == 1 ? "was" : "were") skipped (`when` false) for each of the \(documents) document\(documents == 1 ? "" : "s") checked; "
                            + "a run where no rule applies checks nothing",
                         location: nil)
    }

    /// Names joined for a sentence: "a", "a and b", "a, b and c".
    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// Whether colour is wanted on standard output: a terminal, no `NO_COLOR`, not a dumb terminal.
    static var wantsColor: Bool {
        Terminal.standardOutput.isTerminal && getenv("NO_COLOR") == nil && String(cString: getenv("TERM") ?? strdup("")) != "dumb"
    }

    /// The current time, to the second.
    static func currentTime() -> Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Timestamp(seconds: Int64(now.tv_sec)) ?? Timestamp(seconds: 0)!  // safe: the epoch is in range
    }

    static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The report context for a configuration.
    static func context(_ configuration: ProjectConfiguration) -> ReportContext {
        ReportContext(failOn: configuration.failOn, color: wantsColor, commandLine: ["clearance"] + CommandLine.arguments.dropFirst(),
                      toolVersion: ClearanceCommand.version)
    }

    /// Exit 1 when anything fails at or above the threshold, else 0.
    static func exitStatus(_ report: Report, _ configuration: ProjectConfiguration) -> ExitCode {
        !report.hasFailing(at: configuration.failOn) ? ExitStatus.success : ExitStatus.findingsFailed
    }
}
