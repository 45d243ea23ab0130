import ArgumentParser
import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearanceServer
import Dispatch
import Foundation
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// `clearance serve`: loads the project as `clearance audit` does, prepares it once and answers over HTTP (docs/server.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer clearance and check requests over HTTP from the prepared project.",
        discussion: """
            Loads clearance.yaml's policies, inputs and sources as `clearance audit` does, prepares them once and serves the routes \
            of openapi.yaml. SIGHUP reloads the project, and so does a change of a file it was read from unless --no-watch is \
            given (a failed reload keeps the snapshot in service); SIGTERM answers the requests in flight, then exits 0. Exit status 2 when the project cannot be loaded or a flag is wrong.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("A file of accepted bearer tokens' SHA-256 hashes, one per line, optionally ID:HASH; required unless --no-auth.", valueName: "file"))
    var tokens: String?

    @Flag(name: .customLong("no-auth"), help: "Serve without bearer tokens; only on a loopback address.")
    var noAuth = false

    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody = 1 << 20

    @Option(name: .customLong("decision-log"), help: ArgumentHelp("A file to append one JSON line per decision to.", valueName: "file"))
    var decisionLog: String?

    @Flag(name: .customLong("no-watch"), help: "Do not reload when a file the project was read from changes (SIGHUP still reloads).")
    var noWatch = false

    @Option(name: .customLong("event-loops"), help: ArgumentHelp("The threads reading and writing connections (default: one fewer than the cores, at least one).", valueName: "n"))
    var eventLoops: Int?

    /// The threads for connections: one fewer than the cores unless `--event-loops` says, so evaluating (on Swift's task
    /// threads) and reloading keep a core that answering kept answers does not take.
    var connectionThreads: Int { eventLoops ?? max(1, System.coreCount - 1) }

    /// The host and port of `--listen`.
    var address: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    /// Whether a host is a loopback address: 127.0.0.0/8, ::1 or localhost.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.") && host.split(separator: ".").count == 4
    }

    func validate() throws {
        guard let address else { throw ValidationError("--listen must be HOST:PORT, such as 127.0.0.1:8080; got '\(VisibleText.escaped(listen))'") }
        if maxBody < 1 { throw ValidationError("--max-body must be at least 1 byte; got \(maxBody)") }
        if let eventLoops, !(1...1024).contains(eventLoops) { throw ValidationError("--event-loops must be from 1 to 1024; got \(eventLoops)") }
        if tokens != nil && noAuth { throw ValidationError("--tokens and --no-auth cannot be used together") }
        if tokens == nil && !noAuth {
            throw ValidationError("serving needs bearer tokens: give --tokens FILE (SHA-256 hashes, one per line), or --no-auth on a loopback address")
        }
        if noAuth && !Self.isLoopback(address.host) {
            throw ValidationError("--no-auth serves only on a loopback address (127.0.0.1, ::1, localhost); \(VisibleText.escaped(address.host)) is not one: give --tokens FILE")
        }
    }

    func run() throws {
        // A SIGHUP before the reload handler is installed would stop the process (its default action): ignore it from the start.
        signal(SIGHUP, SIG_IGN)
        NIOSingletons.groupLoopCountSuggestion = connectionThreads
        let location = try Session.guarded { try project.enter() }
        guard let address else { throw ExitStatus.untrusted }  // safe: validate() checked it
        var options = ServerApplication.Options()
        options.maximumBody = maxBody
        let (configuration, accepted, log) = try Session.guarded {
            let configuration = try project.configuration()
            let accepted = try tokens.map { file throws(Diagnostic) in
                let path = location.path(file)
                return try AccessTokens(text: String(decoding: try FileReader.read(path: path, limit: 1 << 20), as: UTF8.self), file: path)
            }
            let log = try decisionLog.map { file throws(Diagnostic) in try DecisionLog(path: location.path(file), clock: ServerApplication.currentTime) }
            return (configuration, accepted, log)
        }
        options.tokens = accepted
        options.decisionLog = log
        options.failOn = configuration.failOn
        if noWatch { options.watchInterval = nil }
        options.reportContext = Session.context(configuration)
        if let fixed = project.time.asOf.flatMap(EvaluationTime.timestamp) { options.clock = { fixed } }
        let store = SnapshotStore(loader: loader(projectFile: location.file), clock: ServerApplication.currentTime)
        let server = ServerApplication(store: store, options: options)
        // The first load runs beside the server, which answers /ready with 503 until it is done; a project that
        // does not load is exit 2, as for every other command.
        Thread.detachNewThread {
            do {
                let snapshot = try store.reload()
                Terminal.standardError.write("clearance serve: snapshot \(snapshot.revision) loaded; serving on \(VisibleText.escaped(listen))\n")
            } catch {
                _ = try? Session.guarded { () throws -> Void in throw error }
                Glibc.exit(ExitStatus.untrusted.rawValue)
            }
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task.detached {
            do { try await server.run(host: address.host, port: address.port) } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure {
            Terminal.standardError.write("clearance serve: \(VisibleText.escaped(String(describing: failure)))\n")
            throw ExitStatus.untrusted
        }
    }

    /// Loads the project as `clearance audit` does: the configuration read anew, the policies, the inputs and sources, the
    /// engine prepared and the audit run, with the same checks that a run loaded something to check.
    private func loader(projectFile: String?) -> SnapshotLoader {
        let project = project
        return {
            let configuration = try project.configuration()
            let now = project.now
            let policies = try Session.policies(configuration, now: now)
            try Session.requireRules(policies, from: configuration.policies)
            let documents = try Session.documents([], configuration, project, policies, keep: false)
            let engine = Engine(policies: policies, documents: documents, now: now, jobs: project.threadCount)
            let audit = engine.run()
            try Session.requireSubjects(audit, policies, paths: configuration.inputs)
            try Session.requireAppliedRules(audit)
            let bytes = try projectFile.map { file throws(Diagnostic) in try FileReader.read(path: file, limit: 64 << 20) } ?? []
            // Beside the files read: the project file and the configured folders, where a file may be added.
            let watching = (projectFile.map { [$0] } ?? []) + configuration.policies + configuration.inputs + configuration.waivers
            return ServerSnapshot(engine: engine, audit: audit, projectFile: bytes, loadedAt: Session.currentTime(), context: Session.context(configuration),
                                  watching: watching)
        }
    }
}
