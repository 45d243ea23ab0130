import ArgumentParser
import ClearanceCore
import ClearancePolicy

/// Where the policies, inputs and waivers come from, and how a run is judged.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The project file (default: the nearest clearance.yaml in the current folder or above it, up to the top of the git repository); files are named from its folder, or from GITHUB_WORKSPACE when that holds it.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("trusted-config"), help: ArgumentHelp("A project file kept apart from the checked tree, such as the base branch's copy: its policies and waivers are read from its folder, its inputs from the current folder; clearance.yaml here is not read, and a policy or waiver inside the checked inputs is an error.", valueName: "file"))
    var trustedConfig: String?

    @Option(name: .customLong("policies"), help: ArgumentHelp("A policy file or folder, or builtin for the packs built into clearance (repeatable; replaces the policies of clearance.yaml, else Policies/).", valueName: "path"))
    var policies: [String] = []

    @Option(name: .customLong("waivers"), help: ArgumentHelp("A waiver file (repeatable; replaces the waivers of clearance.yaml).", valueName: "file"))
    var waivers: [String] = []

    @OptionGroup var time: EvaluationTime

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("The lowest severity of a fail that fails the run: info, low, medium, high, critical (default: low); an error fails at any.", valueName: "severity"))
    var failOn: String?

    @Option(help: ArgumentHelp("Threads to read, evaluate and write the JSON report on (default: the number of processors; at most 64, or four per processor).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if trustedConfig?.isEmpty == true { throw ValidationError("--trusted-config must name a project file, such as the base branch's clearance.yaml; got an empty path") }
        if config?.isEmpty == true { throw ValidationError("--config must name a project file; got an empty path") }
        if config != nil && trustedConfig != nil { throw ValidationError("--config and --trusted-config cannot be used together: --trusted-config is the project file") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1; got \(jobs)") }
        if let jobs, jobs > Self.maximumJobs {
            Terminal.standardError.write("note: --jobs \(jobs) is more than \(Self.maximumJobs) threads; using \(Self.maximumJobs)\n")
        }
        if let failOn, Severity(rawValue: failOn) == nil {
            let names = Severity.allCases.map(\.rawValue)
            throw ValidationError("--fail-on must be one of \(names.joined(separator: ", ")); got '\(failOn)'\(Suggestion.didYouMean(failOn, among: names))")
        }
    }

    /// The configuration: the project file's, each setting given on the command line replacing the project file's.
    ///
    /// With `--trusted-config`, `checked` (the paths named to check and load as context) and the configured inputs
    /// may hold no policy or waiver file: what is checked cannot choose what it is judged by.
    ///
    /// `checked` are named from the project root (``ProjectLocation/path(_:)``), as every path after ``enter()``.
    func configuration(checked: [String] = []) throws(Diagnostics) -> ProjectConfiguration {
        let location = try enter()
        var configuration = ProjectConfiguration(policies: [location.path("Policies")], output: location.path("clearance-report"))
        if let trustedConfig, let file = location.file {
            configuration = try ProjectConfiguration.load(path: file, inputsHere: true)
            // Its inputs and output are the current folder's, where the command was started.
            configuration.inputs = location.paths(configuration.inputs)
            configuration.output = location.path(configuration.output)
            if let own = location.ownFile {
                let shown = own == location.path(ProjectConfiguration.fileName) ? "\(ProjectConfiguration.fileName) in the current folder" : VisibleText.escaped(own)
                Terminal.standardError.write("note: \(shown) is not read: the configuration comes from --trusted-config \(VisibleText.escaped(trustedConfig))\n")
            }
        } else if let file = location.file {
            configuration = try ProjectConfiguration.load(path: file)
        }
        if !policies.isEmpty { (configuration.policies, configuration.policiesReplaced) = (location.paths(policies), true) }
        if !waivers.isEmpty { (configuration.replacedWaivers, configuration.waivers) = (configuration.waivers, location.paths(waivers)) }
        if let failOn, let severity = Severity(rawValue: failOn) { configuration.failOn = severity }
        if trustedConfig != nil, let file = location.file {
            try TrustedConfiguration.requireApart(configuration, file: file, ownFile: location.ownFile, checked: checked + configuration.inputs)
            configuration.replacedWaivers += Self.checkedCopies(of: configuration.waivers, trustedConfig: file, in: location)
        }
        return configuration
    }

    /// Finds the project file (`--config`, `--trusted-config`, or the nearest clearance.yaml upward) and moves
    /// into the project root; a command calls it before it reads any path, and names its paths with the result.
    func enter() throws(Diagnostics) -> ProjectLocation {
        try ProjectLocation.enter(config: config, trustedConfig: trustedConfig)
    }

    /// The checked tree's own copies of the trusted configuration's waiver files (the pull request's
    /// `Fixtures/waivers.yaml` beside the base branch's `.clearance-base/Fixtures/waivers.yaml`): they are
    /// not read, neither as waivers nor as inputs, since the trusted copy is the one that counts.
    /// `trustedConfig` and the waiver files are named from the project root; the copies lie below the folder `location` started in.
    static func checkedCopies(of waiverFiles: [String], trustedConfig: String, in location: ProjectLocation) -> [String] {
        guard let slash = trustedConfig.lastIndex(of: "/") else { return [] }
        let folder = String(trustedConfig[...slash])
        return waiverFiles.compactMap { file in
            guard file.hasPrefix(folder) else { return nil }
            var copy = String(file.dropFirst(folder.count))
            guard !copy.isEmpty, !copy.hasPrefix("/") else { return nil }
            copy = location.path(copy)
            guard Session.fileExists(copy) else { return nil }
            Terminal.standardError.write("note: \(VisibleText.escaped(copy)) is the checked tree's copy of a waiver file of --trusted-config; "
                                         + "it is not read (\(VisibleText.escaped(file)) is)\n")
            return copy
        }
    }

    /// How waivers are checked under `configuration`: one for a rule outside policies narrowed with `--policies`
    /// is only a note; approvers, `subject: *` and the longest term are held to the project's settings.
    func waiverChecks(_ configuration: ProjectConfiguration) -> WaiverChecks {
        WaiverChecks(unknownRule: policies.isEmpty ? .error : .note, unmatchedSubject: .error, unapproved: .error,
                     approverRoles: configuration.waiverApprovers, now: now, maximumDays: configuration.waiverMaxDays)
    }

    /// The number of threads to use: `--jobs` at most ``maximumJobs``, else the number of processors.
    var threadCount: Int { min(jobs ?? ParallelMap.processorCount, Self.maximumJobs) }

    /// The most threads a run uses: 64, or four per processor on a larger machine.
    static var maximumJobs: Int { max(64, 4 * ParallelMap.processorCount) }

    /// The evaluation time.
    var now: Timestamp { time.now }
}
