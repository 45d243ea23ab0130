import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `clearance` as a child process with a time limit and reports its wall time and peak
/// memory, for tests that bound how a hostile input may be handled.
public struct MeasuredRun: Sendable {
    /// The exit status; a child killed by a signal (a crash, or the time limit) has 128 + the signal.
    public let status: Int32
    /// What it printed on standard output.
    public let standardOutput: String
    /// What it printed on standard error.
    public let standardError: String
    /// Wall-clock seconds from start to exit.
    public let seconds: Double
    /// The peak resident memory of the child, in bytes.
    public let peakMemory: Int
    /// Whether the child ran past the time limit and was killed.
    public let timedOut: Bool

    /// Peak memory in MiB, for messages.
    public var peakMiB: Int { peakMemory >> 20 }

    /// Runs `clearance` with `arguments` in `directory`, killing it after `timeLimit` seconds.
    /// With `asUnprivilegedUser`, a run as root drops to user and group 65534 first (through
    /// `setpriv`), so file permissions apply; `executable` must then be readable by that user.
    public static func run(_ arguments: [String], in directory: String, timeLimit: Double = 60,
                           executable: String = CommandRunner.executable.path, asUnprivilegedUser: Bool = false) -> MeasuredRun {
        var command = [executable] + arguments
        if asUnprivilegedUser && geteuid() == 0 {
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        let outputPath = directory + "/.measured-stdout", errorPath = directory + "/.measured-stderr"
        let peakPath = directory + "/.measured-peak"
        defer { unlink(outputPath); unlink(errorPath); unlink(peakPath) }
        // env changes directory and execs peak-memory, which forks the program (through setpriv's exec)
        // from its own small process and reports that child's peak alone.
        command = ["/usr/bin/env", "--chdir=" + directory, CommandRunner.peakMemoryExecutable.path, peakPath] + command

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        let start = DispatchTime.now()
        var pid: pid_t = 0
        guard posix_spawn(&pid, command[0], &actions, nil, argv, envp) == 0 else {
            return MeasuredRun(status: -1, standardOutput: "", standardError: "cannot start \(command[0])", seconds: 0, peakMemory: 0, timedOut: false)
        }
        var rawStatus: Int32 = 0
        var timedOut = false
        while waitpid(pid, &rawStatus, WNOHANG) == 0 {
            if Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 > timeLimit {
                kill(pid, SIGKILL)  // peak-memory's child dies with it
                timedOut = true
                _ = waitpid(pid, &rawStatus, 0)
                break
            }
            usleep(2_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let signal = rawStatus & 0x7F
        let status = signal == 0 ? (rawStatus >> 8) & 0xFF : 128 + signal
        func read(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return MeasuredRun(status: status, standardOutput: read(outputPath), standardError: read(errorPath), seconds: seconds,
                           peakMemory: (Int(read(peakPath).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) * 1024, timedOut: timedOut)
    }
}
