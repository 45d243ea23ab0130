import Foundation
import Testing
import ClearanceTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `clearance check` on files written to break it: each run ends in a clear error (exit 2) or
/// the correct result, within the time and memory bounds asserted. Runs are of the debug build,
/// so the bounds are generous for it; the release build is several times faster.
@Suite("Hostile inputs")
struct HostileInputTests {
    let project = TemporaryDirectory()

    /// The time every run must finish in, in seconds: the slowest case (a million-element
    /// sequence) takes about 1.2 s in the debug build; the margin is for a loaded 2-core machine.
    static let timeBound = 10.0
    /// The peak memory every run must stay under, in MiB: the largest case peaks at about 71 MiB.
    static let memoryBound = 256

    /// A TeamMember policy with the rules written in `rules` (YAML, indented under `rules:`).
    static func policy(id: String = "hostile", _ rules: String) -> String {
        "kind: Policy\nid: \(id)\ntitle: Hostile inputs\ntarget: TeamMember\nrules:\n" + rules
    }

    static let policy = policy("""
          - id: H-01
            title: Identity goes through SSO
            severity: high
            require: member.identity.sso == true
            message: "{{member.id}} signs in without SSO"

        """)

    /// A member who passes H-01, with `extra` lines appended.
    static func member(_ id: String = "ana", extra: String = "") -> String {
        "kind: TeamMember\nid: \(id)\nname: Ana\nstatus: active\nidentity: {sso: true}\n" + extra
    }

    init() {
        chmod(project.path, 0o755)
        project.write("policies/hostile.yaml", Self.policy)
    }

    /// Runs `check` on `team/` (or `paths`) with the project's policies.
    func check(_ paths: [String] = ["team"], extra: [String] = [], asUnprivilegedUser: Bool = false,
               executable: String = CommandRunner.executable.path) -> MeasuredRun {
        MeasuredRun.run(["check", "--policies", "policies", "--as-of", "2026-11-20", "--jobs", "2"] + extra + paths,
                        in: project.path, timeLimit: Self.timeBound * 2, executable: executable, asUnprivilegedUser: asUnprivilegedUser)
    }

    /// Asserts that a run finished inside the bounds, without crashing.
    func expectBounded(_ run: MeasuredRun, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.timedOut, "killed after \(run.seconds) s", sourceLocation: sourceLocation)
        #expect(run.seconds < Self.timeBound, "took \(run.seconds) s", sourceLocation: sourceLocation)
        #expect(run.peakMemory > 0 && run.peakMiB < Self.memoryBound, "peak memory \(run.peakMiB) MiB", sourceLocation: sourceLocation)
        #expect(run.status < 128, "killed by signal \(run.status - 128): \(run.standardError)", sourceLocation: sourceLocation)
    }

    /// Asserts exit 2 with a message that names `expected` (a file:line:col and its cause).
    func expectRejected(_ run: MeasuredRun, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectBounded(run, sourceLocation: sourceLocation)
        #expect(run.status == 2, "exit \(run.status): \(run.standardOutput)", sourceLocation: sourceLocation)
        #expect(run.standardError.contains(expected), "\(run.standardError.prefix(2_000))", sourceLocation: sourceLocation)
        #expect(run.standardOutput.isEmpty, sourceLocation: sourceLocation)
    }

    /// Asserts the summary line of a run that checked the documents.
    func expectResult(_ run: MeasuredRun, status: Int32, _ summary: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectBounded(run, sourceLocation: sourceLocation)
        #expect(run.status == status, "exit \(run.status): \(run.standardError.prefix(2_000))", sourceLocation: sourceLocation)
        #expect(run.standardOutput.contains(summary), "\(run.standardOutput.suffix(2_000))", sourceLocation: sourceLocation)
    }

    // MARK: YAML bombs and sizes

    @Test func billionLaughsStopsAtTheAliasLimit() {
        var text = "kind: TeamMember\nid: lol\nroles: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        project.write("team/lol.yaml", text)
        expectRejected(check(), "aliases expand to more than 1,000,000 nodes in this document")
    }

    @Test func quadraticBlowupStopsAtTheAliasLimit() {
        let list = "[" + Array(repeating: "x", count: 20_000).joined(separator: ", ") + "]"
        let text = "kind: TeamMember\nid: quad\nroles: &big " + list + "\nx: [" + Array(repeating: "*big", count: 20_000).joined(separator: ", ") + "]\n"
        project.write("team/quad.yaml", text)
        expectRejected(check(), "aliases expand to more than 1,000,000 nodes in this document")
    }

    @Test(arguments: [("[", "]"), ("{a: ", "}"), ("- ", "")])
    func hundredThousandDeepNestingIsRefused(open: String, close: String) {
        let depth = 100_000
        let body: String
        if open == "- " {
            body = (0..<300).map { String(repeating: "  ", count: $0) + "-" }.joined(separator: "\n") + " x\n"
        } else {
            body = String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth) + "\n"
        }
        project.write("team/deep.yaml", "kind: TeamMember\nid: deep\nroles: " + (open == "- " ? "\n" : "") + body)
        expectRejected(check(), "team/deep.yaml:")
        #expect(check().standardError.contains("nest"))
    }

    @Test func tenMegabyteScalarIsReadAndChecked() {
        project.write("team/ana.yaml", Self.member(extra: "title: " + String(repeating: "a", count: 10 << 20) + "\n"))
        expectResult(check(), status: 0, "1 document checked against 1 rule: 1 pass, 0 fail")
    }

    @Test func millionElementSequenceIsReadAndChecked() {
        var text = Self.member(extra: "roles:\n")
        text.reserveCapacity(5_000_000)
        for index in 0..<1_000_000 { text += index == 999_999 ? "- last\n" : "- r\n" }
        project.write("team/ana.yaml", text)
        project.write("policies/roles.yaml", Self.policy(id: "roles", """
              - id: R-01
                title: The last role is last
                severity: low
                require: member.roles[999999] == 'last' && size(member.roles) == 1000000

            """))
        expectResult(check(), status: 0, "1 document checked against 2 rules: 2 pass, 0 fail")
    }

    // MARK: Bytes

    @Test(arguments: [
        ("invalid", [0xFF, 0xFE], "team/bad.yaml:6:8: invalid UTF-8: byte 0xFF cannot start a character"),
        ("overlong", [0xC0, 0xAF], "team/bad.yaml:6:8: invalid UTF-8: an overlong encoding of a character"),
        ("surrogate", [0xED, 0xA0, 0x80], "team/bad.yaml:6:8: invalid UTF-8: U+D800 is not a valid character"),
        ("truncated", [0xE2, 0x82], "team/bad.yaml:6:9: invalid UTF-8: byte 0x20 cannot continue a character"),
        ("NUL", [0x00], "team/bad.yaml:6:8: control character U+0000 is not allowed in YAML"),
    ] as [(String, [UInt8], String)])
    func badBytesAreRefusedAtTheirPlace(name: String, bytes: [UInt8], expected: String) {
        project.write("team/bad.yaml", Array(Self.member().utf8) + Array("title: ".utf8) + bytes + Array(" engineer\n".utf8))
        expectRejected(check(), expected)
    }

    @Test func byteOrderMarkIsAccepted() {
        project.write("team/ana.yaml", [0xEF, 0xBB, 0xBF] + Array(Self.member().utf8))
        expectResult(check(), status: 0, "1 document checked against 1 rule: 1 pass, 0 fail")
    }

    @Test func utf16IsRefused() {
        let text = Self.member()
        project.write("team/ana.yaml", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        expectRejected(check(), "team/ana.yaml")
    }

    @Test(arguments: ["\r\n", "\r", "mixed"])
    func lineEndingsKeepLinesRight(ending: String) {
        let lines = ["kind: TeamMember", "id: eve", "name: Eve", "status: active", "access:", "  - {system: aws, environment: staging, resource: a, role: r}",
                     "  -   {system: aws, environment: production, resource: a, role: r}", ""]
        let text = ending == "mixed"
            ? lines.enumerated().map { $0.element + ["\r\n", "\n", "\r"][$0.offset % 3] }.joined()
            : lines.joined(separator: ending)
        project.write("team/eve.yaml", text)
        project.write("policies/hostile.yaml", Self.policy("""
              - id: H-01
                title: No production access
                severity: high
                for_each: grant in member.access
                require: grant.environment != 'production'

            """))
        let run = check(extra: ["--format", "github"])
        expectBounded(run)
        #expect(run.status == 1)
        // Line 7, at the failing grant's `production` value.
        #expect(run.standardOutput.hasPrefix("::error file=team/eve.yaml,line=7,col=34,"), "\(run.standardOutput)")
    }

    // MARK: Files

    @Test func fileThatChangesWhileBeingReadIsRefused() {
        expectRejected(check(["/proc/self/status"]), "/proc/self/status: file changed while it was being read")
    }

    @Test func fileThatVanishedIsRefused() throws {
        project.write("team/ana.yaml", Self.member())
        try FileManager.default.createSymbolicLink(atPath: project.path + "/team/gone.yaml", withDestinationPath: "moved-away.yaml")
        expectRejected(check(), "team/gone.yaml: cannot read: no such file or directory")
    }

    @Test func readErrorIsRefused() {
        expectRejected(check(["/proc/self/mem"]), "/proc/self/mem: cannot read: input/output error")
    }

    @Test func symlinkLoopsEndAtOnce() throws {
        project.write("team/ana.yaml", Self.member())
        // A link to the folder itself stays inside team/, so it is followed and the loop is found
        // (a link to the project above would leave team/ and not be followed at all).
        try FileManager.default.createDirectory(atPath: project.path + "/team/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.path + "/team/sub/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/team/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/team/b.yaml", withDestinationPath: "a.yaml")
        let run = check()
        expectRejected(run, "team/a.yaml: cannot read: too many levels of symbolic links (a symlink loop)")
        #expect(run.standardError.contains("team/b.yaml: cannot read: too many levels of symbolic links"))
        #expect(run.standardError.contains("team/sub/up: symlink loop: this folder contains itself"))
    }

    @Test func permissionDeniedIsRefused() throws {
        // As root, drop to an unprivileged user so permissions apply; it needs a copy of the program it can reach.
        let executable = project.path + "/clearance"
        try FileManager.default.copyItem(atPath: CommandRunner.executable.path, toPath: executable)
        project.write("team/ana.yaml", Self.member())
        project.write("team/secret.yaml", Self.member("secret"))
        chmod(project.path + "/team/secret.yaml", 0)
        for folder in ["", "/team", "/policies"] { chmod(project.path + folder, 0o755) }
        var run = check(asUnprivilegedUser: true, executable: executable)
        for _ in 0..<50 where run.status == 126 && run.standardError.contains("Text file busy") {
            // A process forked by a parallel test may briefly hold the copy open for writing.
            usleep(100_000)
            run = check(asUnprivilegedUser: true, executable: executable)
        }
        expectRejected(run, "team/secret.yaml: cannot read: permission denied")
    }

    @Test func directoryNamedLikeAYAMLFileIsAFolder() {
        project.write("team/ana.yaml", Self.member())
        project.write("team/more.yaml/eve.yaml", Self.member("eve"))
        try? FileManager.default.createDirectory(atPath: project.path + "/team/empty.yml", withIntermediateDirectories: true)
        expectResult(check(), status: 0, "2 documents checked against 1 rule: 2 pass, 0 fail")
        expectRejected(check(["team/empty.yml"]), "no YAML or JSON files found in team/empty.yml")
    }

    // MARK: Expressions

    /// Runs `check` on one passing member with a policy of one rule requiring `require`.
    func checkRule(_ require: String, when: String? = nil, member: String = member()) -> MeasuredRun {
        project.write("team/ana.yaml", member)
        project.write("policies/hostile.yaml", Self.policy("""
              - id: H-02
                title: Hostile
                severity: high
            \(when.map { "    when: '\($0)'\n" } ?? "")    require: '\(require)'

            """))
        return check()
    }

    @Test(arguments: [
        ("parentheses", String(repeating: "(", count: 100_000) + "true" + String(repeating: ")", count: 100_000)),
        ("negations", String(repeating: "!", count: 100_000) + "true"),
        ("lists", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + " != []"),
        ("sum", Array(repeating: "1", count: 100_000).joined(separator: " + ") + " > 0"),
        ("selections", "member" + String(repeating: ".a", count: 100_000) + " == 1"),
    ])
    func hundredThousandDeepExpressionIsRefused(name: String, require: String) {
        let run = checkRule(require)
        expectRejected(run, "policies/hostile.yaml:9:")
    }

    @Test func runawayComprehensionStopsAtTheStepBudget() {
        // Once with a body that reads the member, once with a constant one that loading folds.
        for body in ["x30 + size(member.id) > 0", "x30 > 0"] {
            var require = body
            for depth in (1...30).reversed() { require = "[1, 2, 3].all(x\(depth), \(require))" }
            let run = checkRule(require)
            expectResult(run, status: 1, "1 document checked against 1 rule: 0 pass, 0 fail, 1 error")
            #expect(run.standardOutput.contains("evaluation took more than 1000000 steps and was stopped"), "\(run.standardOutput)")
        }
    }

    @Test(arguments: ["^(a+)+$", "^(a|a)*$", "^(a*)*b$", "(x+x+)+y", "^(a|aa)+$"])
    func catastrophicRegexRunsInLinearTime(pattern: String) {
        let name = String(repeating: "a", count: 200_000) + "!"
        let run = checkRule("member.name.matches(\"\(pattern)\")", member: Self.member(extra: "title: \(name)\n").replacingOccurrences(of: "name: Ana", with: "name: \(name)"))
        expectResult(run, status: 1, "1 document checked against 1 rule: 0 pass, 1 fail, 0 error")
    }

    @Test(arguments: [
        ("size(member.id) + 9223372036854775807 > 0", "integer overflow"),
        ("-9223372036854775807 - size(member.id) - 1 < 0", "integer overflow"),
        ("size(member.id) * 4611686018427387904 > 0", "integer overflow"),
        ("member.checks.security_training.expires + duration(\"48h\") > now", "timestamp out of range (0001-01-01 to 9999-12-31)"),
        ("member.checks.background.date - duration(\"1s\") < now", "timestamp out of range (0001-01-01 to 9999-12-31)"),
        ("timestamp(\"9999-12-31T23:59:59Z\") + duration(string(size(member.id)) + \"s\") > now", "timestamp out of range"),
        ("now - member.checks.background.date > duration(\"0s\")", "duration out of range (about ±292 years)"),
        ("member.checks.background.date - member.checks.security_training.expires < duration(\"0s\")", "duration out of range"),
        ("duration(\"2562047h\") + duration(string(size(member.id)) + \"h\") > duration(\"0s\")", "duration out of range"),
        ("duration(string(size(member.id)) + \"s\") * 0 == duration(\"0s\")", "no matching overload"),
    ])
    func overflowInArithmeticIsAnError(require: String, expected: String) {
        let member = Self.member(extra: "checks:\n  security_training: {expires: 9999-12-31}\n  background: {status: passed, date: 0001-01-01}\n")
        let run = checkRule(require, member: member)
        if expected == "no matching overload" {
            expectRejected(run, expected)
        } else {
            expectResult(run, status: 1, "1 document checked against 1 rule: 0 pass, 0 fail, 1 error")
            #expect(run.standardOutput.contains(expected), "\(run.standardOutput)")
        }
    }
}
