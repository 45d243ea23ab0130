import Foundation
import Testing
import ClearanceTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The gate never fails open: `clearance check` over a copy of the sample team exits 0 with a
/// baseline of today's findings, and each injected fault turns that into a non-zero exit that
/// names the cause.
@Suite("Fail-closed")
struct FailClosedTests {
    /// One fault injected into the sample project.
    enum Fault: String, CaseIterable, CustomTestStringConvertible {
        case unreadableFile, truncatedFile, badPolicy, evaluationError, waiverWithoutExpiry, fullDisk, fullDiskOnStandardOutput

        var testDescription: String { rawValue }
    }

    /// A copy of the shipped policies and sample team, with a baseline accepting today's findings.
    struct SampleProject {
        let directory = TemporaryDirectory()
        var path: String { directory.path }

        init() throws {
            for (from, to) in [("Policies", "policies"), ("Fixtures", "team")] {
                try FileManager.default.copyItem(atPath: CommandRunner.packageRoot.path + "/" + from, toPath: path + "/" + to)
            }
            // The vendors' exports are read only through `sources:`, which this project does not name: only the declared
            // service account stays.
            for export in ["aws-prod-credential-report.csv", "people.csv", "github-members.json", "github-admins.json",
                           "github-2fa-disabled.json", "okta-users.json", "okta-factors.json", "entra-users.csv", "entra-mfa-registration.json",
                           "intune-devices.json"] {
                try FileManager.default.removeItem(atPath: path + "/team/exports/" + export)
            }
            for folder in ["", "/policies", "/team", "/team/team", "/team/access", "/team/exports"] { chmod(path + folder, 0o755) }
            // The sample project's settings (its ticket queues and system owners); the rest comes from the command line.
            let sample = try String(contentsOfFile: CommandRunner.packageRoot.path + "/clearance.yaml", encoding: .utf8)
            let settings = try #require(sample.range(of: "\nsettings:\n"))
            directory.write("clearance.yaml", String(sample[settings.lowerBound...]))
            _ = run(["--write-baseline", "baseline.json"])
        }

        /// `clearance check` of the team against the policies and its waiver file with the baseline, plus `arguments`.
        func run(_ arguments: [String] = ["--baseline", "baseline.json"], executable: String = CommandRunner.executable.path,
                 asUnprivilegedUser: Bool = false) -> MeasuredRun {
            MeasuredRun.run(["check", "--policies", "policies", "--waivers", "team/waivers.yaml", "--as-of", "2026-11-20"] + arguments + ["team"], in: path,
                            executable: executable, asUnprivilegedUser: asUnprivilegedUser)
        }

        /// Replaces the first `old` in a file of the project with `new` (or cuts the file after it), then runs.
        func runAfterEditing(_ file: String, replacing old: String, with new: String? = nil) throws -> MeasuredRun {
            let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
            let range = try #require(text.range(of: old), "\(file) has no \(old)")
            let edited = new.map { text.replacingCharacters(in: range, with: $0) } ?? String(text[..<range.upperBound])
            try edited.write(toFile: path + "/" + file, atomically: false, encoding: .utf8)
            return run()
        }
    }

    @Test func withoutAFaultTheBaselinedSampleExitsZero() throws {
        let project = try SampleProject()
        let run = project.run()
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasSuffix(
            "51 documents checked against 83 rules: 946 pass, 51 fail, 0 error, 2 waived, 755 skip, 4 pending; nothing failing at or above low (51 accepted by the baseline, 0 resolved).\n"))
    }

    @Test(arguments: Fault.allCases)
    func everyFaultEndsNonZeroAndNamesItsCause(fault: Fault) throws {
        let project = try SampleProject()
        let run: MeasuredRun
        let expected: [String]
        switch fault {
        case .unreadableFile:
            // As root, the run drops to an unprivileged user so the permission applies; it needs a program that user can reach.
            let executable = project.path + "/clearance"
            try FileManager.default.copyItem(atPath: CommandRunner.executable.path, toPath: executable)
            chmod(project.path + "/team/team/ana.lopez.yaml", 0)
            var attempt = project.run(executable: executable, asUnprivilegedUser: true)
            for _ in 0..<50 where attempt.status == 126 && attempt.standardError.contains("Text file busy") {
                usleep(100_000)  // a process forked by a parallel test may briefly hold the copy open
                attempt = project.run(executable: executable, asUnprivilegedUser: true)
            }
            run = attempt
            expected = ["team/team/ana.lopez.yaml: cannot read: permission denied"]
        case .truncatedFile:
            run = try project.runAfterEditing("team/team/ana.lopez.yaml", replacing: "{city: Guada")
            expected = ["team/team/ana.lopez.yaml:12:", "did not find expected ',' or '}'"]
        case .badPolicy:
            run = try project.runAfterEditing("policies/zero-trust-baseline.yaml", replacing: "    require:", with: "    requires:")
            expected = ["policies/zero-trust-baseline.yaml:", "unknown key `requires` in rule (did you mean `require`?)"]
        case .evaluationError:
            run = try project.runAfterEditing("team/team/ana.lopez.yaml", replacing: "last_login: 2026-11-18T09:12:00Z", with: "last_login: 0001-01-01T00:00:00Z")
            expected = ["team/team/ana.lopez.yaml", "cannot evaluate require: duration out of range"]
        case .waiverWithoutExpiry:
            run = try project.runAfterEditing("team/waivers.yaml", replacing: "expires: 2026-12-15\n", with: "")
            expected = ["team/waivers.yaml:5:1: ", "`expires`"]
        case .fullDisk:
            run = project.run(["--baseline", "baseline.json", "--format", "sarif=/dev/full"])
            expected = ["/dev/full: cannot write: no space left on device"]
        case .fullDiskOnStandardOutput:
            run = MeasuredRun.run(["-c", "exec \"$0\" check --policies policies --waivers team/waivers.yaml --as-of 2026-11-20 --baseline baseline.json team > /dev/full",
                                   CommandRunner.executable.path], in: project.path, executable: "/bin/sh")
            expected = ["cannot write to standard output: No space left on device"]
        }
        #expect(run.status != 0, "\(fault) passed: \(run.standardOutput.suffix(500))")
        #expect(run.status < 128, "\(fault) crashed: \(run.standardError)")
        let said = run.standardError + run.standardOutput
        for phrase in expected { #expect(said.contains(phrase), "\(fault): \(said.prefix(3_000))") }
    }
}
