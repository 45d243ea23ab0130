import ClearanceTestSupport
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `clearance serve` reloading when a file it was read from changes: the next answer changes and no request fails
/// meanwhile; a file changed into something invalid leaves the old snapshot serving and `/v1/status` showing why; a SIGHUP
/// stops no server, however early it comes; with `--no-watch` only SIGHUP reloads.
@Suite(.serialized)
struct ReloadOnChangeProcessTests {
    /// The `revision` of a JSON answer's body.
    static func revision(_ answer: String) -> String? {
        guard let range = answer.range(of: #""revision":""#) else { return nil }
        return String(answer[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test(.timeLimit(.minutes(1))) func aChangedMemberFileChangesTheNextAnswerAndNoRequestFailsMeanwhile() async throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        let server = try ServeProcess(in: project.directory.path, ["--no-auth", "--as-of", "2026-11-19"])
        #expect(try await server.ready())
        let before = try server.get("/v1/people/ben.ortiz/clearance")
        #expect(before.contains("\"state\":\"blocked\""))

        // Requests run one after another on two threads of their own (blocking calls, kept off the tasks' threads) while
        // the file changes and the server reloads.
        let answers = Answers()
        let port = server.port
        for _ in 0..<2 {
            Thread.detachNewThread {
                while !answers.stop.load(ordering: .relaxed) {
                    let answer = (try? HTTPProbe.get(port: port, path: "/v1/people/ben.ortiz/clearance")) ?? "no answer"
                    answers.seen.withLock { $0.append(answer) }
                }
                answers.finished.add(1, ordering: .relaxed)
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        project.write("ben.ortiz", ServerTestProject.member("ben.ortiz"))
        let cleared = try await HTTPProbe.waitFor(port: port, path: "/v1/people/ben.ortiz/clearance") { $0.contains("\"state\":\"cleared\"") }
        try await Task.sleep(for: .milliseconds(300))
        answers.stop.store(true, ordering: .relaxed)
        while answers.finished.load(ordering: .relaxed) < 2 { try await Task.sleep(for: .milliseconds(10)) }

        #expect(cleared)
        let seen = answers.seen.withLock { $0 }
        #expect(seen.count > 10)
        let failed = seen.filter { !$0.hasPrefix("HTTP/1.1 200") }
        #expect(failed.isEmpty, "\(failed.count) of \(seen.count) requests failed, the first: \(failed.first ?? "")")
        // Every answer came whole from one snapshot or the other, and the last ones from the new one.
        #expect(seen.allSatisfy { $0.contains("\"state\":\"blocked\"") || $0.contains("\"state\":\"cleared\"") })
        #expect(seen.last?.contains("\"state\":\"cleared\"") == true)
        let after = try server.get("/v1/people/ben.ortiz/clearance")
        #expect(Self.revision(after) != nil && Self.revision(after) != Self.revision(before))
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(log.contains("files changed: reloading the project"))
    }

    @Test(.timeLimit(.minutes(1))) func aFileChangedIntoSomethingInvalidKeepsTheOldSnapshotServingAndStatusShowsTheError() async throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        let server = try ServeProcess(in: project.directory.path, ["--no-auth", "--as-of", "2026-11-19"])
        #expect(try await server.ready())
        let before = try server.get("/v1/people/ben.ortiz/clearance")

        project.write("ben.ortiz", "kind: TeamMember\nid: ben.ortiz\nname: Ben\nstatus: hired\n")
        #expect(try await HTTPProbe.waitFor(port: server.port, path: "/v1/status") { $0.contains("\"reloadFailures\":1") })
        let status = try server.get("/v1/status")
        #expect(status.contains(#""lastReloadError":{"at":"#))
        #expect(status.contains("team/ben.ortiz.yaml:4:9: "))
        #expect(Self.revision(status) == Self.revision(before))
        // The old snapshot answers as before.
        let during = try server.get("/v1/people/ben.ortiz/clearance")
        #expect(during.hasPrefix("HTTP/1.1 200"))
        #expect(during.contains("\"state\":\"blocked\""))
        #expect(Self.revision(during) == Self.revision(before))
        #expect(try server.get("/metrics").contains("clearance_reload_failures_total 1"))

        // Fixed, it loads: the error is gone and the answer is the new file's.
        project.write("ben.ortiz", ServerTestProject.member("ben.ortiz"))
        #expect(try await HTTPProbe.waitFor(port: server.port, path: "/v1/status") { $0.contains("\"lastReloadError\":null") })
        #expect(try server.get("/v1/people/ben.ortiz/clearance").contains("\"state\":\"cleared\""))
        #expect(try server.get("/v1/status").contains("\"reloadFailures\":1"))
        let (exit, log) = server.stop()
        #expect(exit == 0)
        #expect(log.contains("reload failed; the previous snapshot keeps serving (see /v1/status)"))
    }

    @Test(.timeLimit(.minutes(1))) func aSighupWhileTheServerStartsStopsNothing() async throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        let port = try HTTPProbe.freePort()
        // Started as a shell starts it: no signal blocked, every signal's action the default (a test's threads block some).
        let pid = try Self.spawnWithDefaultSignals(["serve", "--config", project.directory.path + "/clearance.yaml", "--no-auth",
                                                    "--listen", "127.0.0.1:\(port)", "--as-of", "2026-11-19"])
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        // As soon as the process runs a second thread (its first load, its server), SIGHUP must be ignored or handled.
        var threads = 0
        for _ in 0..<20_000 where threads < 2 {
            threads = Self.threadCount(pid)
            if threads < 2 { usleep(200) }
        }
        #expect(threads >= 2)
        for _ in 0..<10 {
            kill(pid, SIGHUP)
            usleep(5_000)
        }
        #expect(try await HTTPProbe.waitFor(port: port, path: "/ready") { $0.hasPrefix("HTTP/1.1 200") })
        var status: Int32 = 0
        #expect(waitpid(pid, &status, WNOHANG) == 0, "the server stopped; wait status \(status)")
        #expect(try HTTPProbe.get(port: port, path: "/v1/people/ben.ortiz/clearance").contains("\"state\":\"blocked\""))
    }

    @Test(.timeLimit(.minutes(1))) func withNoWatchAChangedFileIsReadOnlyOnSighup() async throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        let server = try ServeProcess(in: project.directory.path, ["--no-auth", "--no-watch", "--as-of", "2026-11-19"])
        #expect(try await server.ready())
        #expect(try server.get("/v1/people/ben.ortiz/clearance").contains("\"state\":\"blocked\""))

        project.write("ben.ortiz", ServerTestProject.member("ben.ortiz"))
        try await Task.sleep(for: .seconds(3))
        #expect(try server.get("/v1/people/ben.ortiz/clearance").contains("\"state\":\"blocked\""))
        kill(server.process.processIdentifier, SIGHUP)
        #expect(try await HTTPProbe.waitFor(port: server.port, path: "/v1/people/ben.ortiz/clearance") { $0.contains("\"state\":\"cleared\"") })
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(!log.contains("files changed"))
    }

    /// The answers the clients received, and the flag that stops them.
    final class Answers: Sendable {
        let stop = Atomic(false)
        let seen = Mutex<[String]>([])
        let finished = Atomic(0)
    }

    /// Starts the built `clearance` with `arguments`, its signal mask empty and every signal's action the default,
    /// its output discarded; returns its process id.
    static func spawnWithDefaultSignals(_ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let program = CommandRunner.executable.path
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard result == 0 else { throw HTTPProbe.Failure(message: "posix_spawn failed: \(result)") }
        return pid
    }

    /// The number of threads of a process, from /proc (0 when it cannot be read).
    static func threadCount(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Threads:") }) else { return 0 }
        return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }
}
