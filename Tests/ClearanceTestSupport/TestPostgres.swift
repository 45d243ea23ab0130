import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` from Debian's `postgresql` (under
/// /usr/lib/postgresql/N/bin, or on the PATH), a cluster in a temporary folder, listening on a free port of
/// 127.0.0.1 only, trusting local connections, stopped and removed when the test process exits. One server serves
/// the whole run; each test makes a database of its own (``makeDatabase()``).
///
/// As root, the server's programs run as the unprivileged user `nobody` (through `setpriv`), since `initdb` refuses root.
public final class TestPostgres: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The folder holding the cluster.
    let folder: String
    /// The folder holding the server's programs.
    let programs: String

    /// The user the tests connect as.
    public static let user = "clearance"

    /// The folder of `initdb`, `pg_ctl` and `createdb`, or nil when any is missing.
    public static let programFolder: String? = {
        var candidates: [String] = []
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return candidates.first { folder in
            ["initdb", "pg_ctl", "createdb"].allSatisfy { FileManager.default.isExecutableFile(atPath: folder + "/" + $0) }
        }
    }()

    /// Whether the tests can start a server here.
    public static var isAvailable: Bool { programFolder != nil }

    /// Whether PostgreSQL tests run: where the programs are, and always under CI (where their absence is a failure).
    /// Elsewhere a missing program is reported once on standard error.
    public static let shouldRun: Bool = {
        if isAvailable || ExternalTool.isCI { return true }
        FileHandle.standardError.write(Data("note: PostgreSQL tests skipped: initdb, pg_ctl and createdb were not found (apt-get install postgresql)\n".utf8))
        return false
    }()

    /// The server of this test process, started on first use.
    public static func shared() throws -> TestPostgres {
        try started.get()
    }

    private static let started: Result<TestPostgres, TestPostgresError> = Result { () throws(TestPostgresError) in try TestPostgres() }

    /// The process's server folder and programs, for the exit handler.
    nonisolated(unsafe) private static var running: (folder: String, programs: String)?

    private init() throws(TestPostgresError) {
        guard let programs = Self.programFolder else {
            throw TestPostgresError(message: "PostgreSQL's initdb, pg_ctl and createdb were not found under /usr/lib/postgresql/*/bin or on the PATH (apt-get install postgresql)")
        }
        self.programs = programs
        // Under /tmp as root: `nobody` must reach it, which a TMPDIR in root's home would not let it.
        folder = (getuid() == 0 ? "/tmp" : FileManager.default.temporaryDirectory.path) + "/clearance-postgres-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { chown(folder, Self.nobody, Self.nobody) }
        let initialised = Self.run(programs + "/initdb", ["-D", folder + "/data", "-U", Self.user, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        guard initialised.status == 0 else { throw TestPostgresError(message: "initdb failed: \(initialised.output)") }
        var lastFailure = ""
        for _ in 0..<5 {
            let port = Self.freePort()
            let started = Self.run(programs + "/pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                                                          "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50", "start"])
            if started.status == 0 {
                self.port = port
                Self.running = (folder, programs)
                Self.watch()
                return
            }
            lastFailure = started.output + ((try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? "")
        }
        throw TestPostgresError(message: "pg_ctl could not start the server: \(lastFailure)")
    }

    /// A new, empty database on the server, as a `postgres://` URL.
    public func makeDatabase() throws -> String {
        let name = "history_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let made = Self.run(programs + "/createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, name], asServer: false)
        guard made.status == 0 else { throw TestPostgresError(message: "createdb failed: \(made.output)") }
        return url(database: name)
    }

    /// The URL of a database on the server.
    public func url(database: String) -> String { "postgres://\(Self.user)@127.0.0.1:\(port)/\(database)?sslmode=disable" }

    /// Starts a watcher that stops the server and removes its folder once this process has ended, however it ends.
    static func watch() {
        guard let (folder, programs) = running else { return }
        let stop = (getuid() == 0 ? "/usr/bin/setpriv --reuid=\(nobody) --regid=\(nobody) --clear-groups -- " : "")
            + "'\(programs)/pg_ctl' -D '\(folder)/data' -m immediate -w stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(folder)'"
        _ = spawn(["/bin/bash", "-c", script], log: "/dev/null")
    }

    /// The id of the user `nobody`.
    static let nobody: uid_t = 65_534

    /// Runs a program, as `nobody` when this process is root and `asServer`; returns its status and output.
    ///
    /// Spawned directly, with every descriptor past standard error closed and the output in a file: the server that
    /// `pg_ctl start` leaves running must hold none of this process's pipes (Foundation's `Process` waits for them).
    static func run(_ program: String, _ arguments: [String], asServer: Bool = true) -> (status: Int32, output: String) {
        let command = getuid() == 0 && asServer
            ? ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--", program] + arguments
            : [program] + arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("clearance-postgres-\(UUID().uuidString).log").path
        defer { unlink(log) }
        guard let pid = spawn(command, log: log) else { return (-1, "\(command[0]) could not be started") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }

    /// Starts `command` with every descriptor past standard error closed, standard input empty and its output in
    /// `log`; returns its process id without waiting for it.
    static func spawn(_ command: [String], log: String) -> pid_t? {
        let closing = "for fd in /proc/self/fd/*; do n=${fd##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done 2>/dev/null; cd /; exec \"$@\""
        let full = ["/bin/bash", "-c", closing, "bash"] + command
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        let arguments = full.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in arguments + variables { free(pointer) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, full[0], &actions, nil, arguments, variables) == 0 ? pid : nil
    }

    /// A port of 127.0.0.1 free at the moment of asking.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the test server could not be had.
public struct TestPostgresError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    public var description: String { message }
}
