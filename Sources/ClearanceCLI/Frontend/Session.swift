import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Loads what a command needs and runs it; every load error ends the run with exit 2.
enum Session {
    /// Documents loaded by this process, kept until it exits: the operating system takes the
    /// memory back at once, where releasing a large organisation's documents one by one takes a
    /// noticeable part of a run.
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

    /// The loaded policies.
    static func policies(_ configuration: ProjectConfiguration) throws(Diagnostics) -> PolicySet {
        try PolicyLoader().load(paths: configuration.policies)
    }

    /// The loaded inputs, checked against the policies.
    static func documents(_ inputs: [String], _ configuration: ProjectConfiguration, _ policies: PolicySet, jobs: Int = 1,
                          digests: Bool = true, progress: ProgressLine? = nil) throws(Diagnostics) -> DocumentSet {
        guard !inputs.isEmpty else {
            throw Diagnostics([Diagnostic(code: "input.none", message: "no inputs: name files or folders to check, or list them under `inputs` in clearance.yaml", location: nil)])
        }
        let documents = try InputLoader().load(paths: inputs, waiverPaths: configuration.waivers, policies: policies, jobs: jobs,
                                               digests: digests, progress: progress?.callback("reading", "files"))
        loaded.withLock { $0.append(documents) }
        return documents
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
        report.failing(at: configuration.failOn).isEmpty ? ExitStatus.success : ExitStatus.findingsFailed
    }
}
