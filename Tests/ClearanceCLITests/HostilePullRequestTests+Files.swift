import Foundation
import Testing
import ClearanceTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a pull request can put in the team folder to have files go unchecked or a runner's secret
/// printed in the CI log: each run, against a copy of the sample team, ends the way a user can trust.
@Suite("Hostile pull requests: files")
struct HostilePullRequestFileTests {
    let project = SampleProjectCopy()

    /// A fake SSH private key: no byte of it may reach a message.
    static let secretKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAsecretb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n"
        + "AAAAMwAAAAtzc2gtZWQyNTUxOQAAACDsecretsecretsecret\n-----END OPENSSH PRIVATE KEY-----\n"

    /// Runs `check` on `paths` (the configured inputs when none) with the sample's policies and date.
    func check(_ paths: [String] = []) throws -> CommandRunner.Result {
        try project.run(["check", "--as-of", "2026-11-20"] + paths)
    }

    /// Writes a copy of Alejandro's state file (two failing rules) as `file`, for a member with id `id`.
    func writeMember(_ file: String, id: String) {
        project.write(file, project.read("Fixtures/team/alejandro.torres.yaml")
            .replacingOccurrences(of: "id: alejandro.torres", with: "id: \(id)"))
    }

    /// Asserts that a run failed closed with `expected` on standard error and no trace of the secret.
    func expectRefused(_ result: CommandRunner.Result, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "exit \(result.status)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(expected), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        for secret in ["BEGIN OPENSSH", "secret", "token"] {
            #expect(!result.standardError.contains(secret), "\(result.standardError)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Which files are read

    @Test func dataFilesAreReadWhateverTheCaseOfTheirNames() throws {
        writeMember("Fixtures/team/upper.one.YAML", id: "upper.one")
        writeMember("Fixtures/team/upper.two.Yml", id: "upper.two")
        let json = try #require(try String(data: JSONSerialization.data(withJSONObject: [
            "kind": "TeamMember", "id": "upper.three", "name": "Upper Three", "status": "active",
            "identity": ["sso": false, "mfa": ["webauthn"]],
        ]), encoding: .utf8))
        project.write("Fixtures/team/upper.three.JSON", json)
        let result = try check()
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("Fixtures/team/upper.one.YAML:23:15"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Fixtures/team/upper.two.Yml:23:15"))
        #expect(result.standardOutput.contains("upper.three  TeamMember · Fixtures/team/upper.three.JSON"))
    }

    @Test func hiddenEntriesAreSkippedAndCounted() throws {
        writeMember("Fixtures/team/.hidden.yaml", id: "hidden.one")
        writeMember("Fixtures/team/.drafts/draft.yaml", id: "hidden.two")
        writeMember("Fixtures/access/.old.yaml", id: "hidden.three")
        let result = try check()
        #expect(result.status == 1)
        #expect(result.standardError.contains("note: skipped 3 hidden entries under Fixtures/\n"), "\(result.standardError)")
        #expect(!result.standardOutput.contains("hidden."))
        let one = try check(["Fixtures/team"])
        #expect(one.standardError.contains("note: skipped 2 hidden entries under Fixtures/team/\n"), "\(one.standardError)")
    }

    @Test func otherFilesAreListedInANote() throws {
        project.write("Fixtures/team/README.txt", "Who is on the team.\n")
        project.write("Fixtures/team/notes", "no extension\n")
        project.write("Fixtures/team/okta-export.CSV", "id,login\n")
        let result = try check()
        #expect(result.status == 1)
        #expect(result.standardError.contains(
            "note: not read, as their names do not end in .yaml, .yml or .json: Fixtures/team/README.txt, Fixtures/team/notes\n"),
            "\(result.standardError)")
        // Markdown beside the data (the sample's own README.md) is documentation, passed over quietly.
        #expect(!result.standardError.contains("README.md"))
        // So is a CSV file: a vendor's export, read only through `sources:` (the sample keeps two under exports).
        #expect(!result.standardError.contains(".csv") && !result.standardError.contains(".CSV"))
    }

    // MARK: Entries that cannot be examined

    @Test func aDanglingSymlinkIsAnError() throws {
        try FileManager.default.createSymbolicLink(atPath: project.path + "/Fixtures/team/gone", withDestinationPath: "moved-away")
        expectRefused(try check(), "Fixtures/team/gone: cannot read: no such file or directory")
    }

    @Test func aDanglingFolderSymlinkInsideTheRootIsAnError() throws {
        try FileManager.default.createSymbolicLink(atPath: project.path + "/Fixtures/archive", withDestinationPath: "team/old-members")
        expectRefused(try check(), "Fixtures/archive: cannot read: no such file or directory")
    }

    @Test func aNameThatIsNotUTF8IsAnError() throws {
        // "café.yaml" in Latin-1: the byte 0xE9 alone is not UTF-8.
        let name = Array((project.path + "/Fixtures/team/caf").utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(descriptor >= 0)
        close(descriptor)
        expectRefused(try check(), "Fixtures/team/caf\\xE9.yaml: cannot read: the name is not valid UTF-8")
    }

    @Test func aPathTooLongIsAnError() throws {
        // Folders nested past PATH_MAX (made relative to each other, as no path may name the deepest).
        try FileManager.default.createDirectory(atPath: project.path + "/Fixtures/deep", withIntermediateDirectories: true)
        var folder = open(project.path + "/Fixtures/deep", O_RDONLY | O_DIRECTORY)
        for _ in 0..<22 {
            mkdirat(folder, String(repeating: "d", count: 200), 0o755)
            let next = openat(folder, String(repeating: "d", count: 200), O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        close(folder)
        let result = try check()
        #expect(result.status == 2, "\(result.standardError.prefix(500))")
        #expect(result.standardError.contains(": cannot read: file name too long")
                || result.standardError.contains(": cannot list the folder: file name too long"), "\(result.standardError.prefix(500))")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func anUnreadableFolderIsAnError() throws {
        // As root, the run drops to an unprivileged user so that permissions apply; it needs a copy of the program it can reach.
        let executable = project.path + "/clearance"
        try FileManager.default.copyItem(atPath: CommandRunner.executable.path, toPath: executable)
        writeMember("Fixtures/team/locked/kept.yaml", id: "kept.away")
        chmod(project.path + "/Fixtures/team/locked", 0)
        defer { chmod(project.path + "/Fixtures/team/locked", 0o755) }
        chmod(project.path, 0o755)
        var run = MeasuredRun.run(["check", "--as-of", "2026-11-20"], in: project.path, executable: executable, asUnprivilegedUser: true)
        for _ in 0..<50 where run.status == 126 && run.standardError.contains("Text file busy") {
            // A process forked by a parallel test may briefly hold the copy open for writing.
            usleep(100_000)
            run = MeasuredRun.run(["check", "--as-of", "2026-11-20"], in: project.path, executable: executable, asUnprivilegedUser: true)
        }
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains("Fixtures/team/locked: cannot list the folder: permission denied"), "\(run.standardError)")
    }

    @Test func aPolicyTestFileAmongTheInputsIsAnError() throws {
        project.write("Fixtures/team/access.tests.yaml", "cases: []\n")
        expectRefused(try check(), "Fixtures/team/access.tests.yaml: a policy test file among the inputs; policy tests belong with the policies")
        expectRefused(try check(["Fixtures/team/access.tests.yaml"]),
                      "Fixtures/team/access.tests.yaml: a policy test file among the inputs; policy tests belong with the policies")
    }

    // MARK: Secrets

    @Test func aSymlinkToASecretOutsideTheRootIsNotFollowed() throws {
        let outside = TemporaryDirectory()
        let key = outside.write("id_ed25519", Self.secretKey)
        try FileManager.default.createSymbolicLink(atPath: project.path + "/Fixtures/team/key.yaml", withDestinationPath: key)
        expectRefused(try check(), "Fixtures/team/key.yaml: a symbolic link that leaves Fixtures/ (it points to \(key)); it is not followed")
        expectRefused(try check(["Fixtures/team"]), "Fixtures/team/key.yaml: a symbolic link that leaves Fixtures/team/")
    }

    /// The project file of the checked tree is a link to a file of the machine that reads as YAML keys
    /// (`root:*:19000:0:99999:7:::`): it is not followed, so none of its lines reaches the log.
    @Test func aProjectFileLinkedOutOfTheFolderIsNotFollowed() throws {
        let outside = TemporaryDirectory()
        let shadow = outside.write("shadow", "root:*:secret-hash:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
        try FileManager.default.removeItem(atPath: project.path + "/clearance.yaml")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/clearance.yaml", withDestinationPath: shadow)
        let result = try project.run(["check", "--as-of", "2026-11-20"])
        #expect(result.status == 2)
        #expect(result.standardError == "clearance.yaml: a symbolic link that leaves the current folder; it is not followed\n1 error; nothing was checked.\n")
        #expect(!result.standardError.contains("secret"))
    }

    @Test func aSymlinkInsideTheRootIsFollowed() throws {
        // The target is in a hidden folder, so that it is read once: through the link.
        writeMember("Fixtures/.store/member.yaml", id: "linked.member")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/Fixtures/team/linked.yaml", withDestinationPath: "../.store/member.yaml")
        let result = try check()
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("Fixtures/team/linked.yaml:23:15"), "\(result.standardOutput)")
        #expect(!result.standardError.contains("symbolic link"))
        // Named on its own, team/ is the root, and the same link leaves it.
        expectRefused(try check(["Fixtures/team"]),
                      "Fixtures/team/linked.yaml: a symbolic link that leaves Fixtures/team/ (it points to ../.store/member.yaml); it is not followed")
    }

    @Test func aSecretCopiedIntoTheRootIsNotShown() throws {
        project.write("Fixtures/team/id_ed25519.yaml", Self.secretKey)
        // Four lines folded into one scalar: three line breaks become spaces, the last one goes.
        expectRefused(try check(), "Fixtures/team/id_ed25519.yaml:1:1: not a YAML mapping document "
                      + "(a plain scalar of \(Self.secretKey.count - 1) characters); its content is not shown")
    }

    /// A secret copied over the project file (a link to one is not followed: see below).
    @Test func aSecretInPlaceOfTheProjectFileIsNotShown() throws {
        project.write("clearance.yaml", Self.secretKey)
        expectRefused(try check(), "clearance.yaml:1:1: not a YAML mapping document "
                      + "(a plain scalar of \(Self.secretKey.count - 1) characters); its content is not shown")
    }

    @Test func credentialsOnOneLineAreNotShown() throws {
        let credentials = "https://ci-bot:ghp_token0123456789@github.com"
        let npmrc = "//registry.npmjs.org/:_authToken=npm_token0123456789"
        let env = ["AWS_SECRET_ACCESS_KEY=token0123456789", "DATABASE_URL=postgres://u:token@db/x"]
        project.write("Fixtures/team/git-credentials.yaml", credentials + "\n")
        project.write("Fixtures/team/npmrc.yml", npmrc + "\n")
        project.write("Fixtures/team/env.yaml", env.joined(separator: "\n") + "\n")
        let result = try check()
        expectRefused(result, "Fixtures/team/git-credentials.yaml:1:1: not a YAML mapping document (a plain scalar of \(credentials.count) characters); its content is not shown")
        #expect(result.standardError.contains("Fixtures/team/npmrc.yml:1:1: not a YAML mapping document (a plain scalar of \(npmrc.count) characters); its content is not shown"))
        #expect(result.standardError.contains("Fixtures/team/env.yaml:1:1: not a YAML mapping document (a plain scalar of \(env[0].count + 1 + env[1].count) characters); its content is not shown"))
    }

    @Test func aSyntaxErrorInASecretShowsNoLine() throws {
        project.write("Fixtures/team/flow.yaml", "- token: [secret\n")
        project.write("Fixtures/team/tagged.yaml", "!!int secret-token\n")
        let result = try check()
        expectRefused(result, "Fixtures/team/flow.yaml:2:1: syntax error: did not find expected ',' or ']' while parsing a flow sequence; not a YAML mapping document, so its content is not shown")
        #expect(result.standardError.contains("Fixtures/team/tagged.yaml:1:1: invalid YAML (yaml.tag); not a YAML mapping document, so its content is not shown"))
    }

    @Test func quotedContentIsShortAndEscaped() throws {
        let long = String(repeating: "k", count: 10_000)
        project.write("Fixtures/team/long.yaml", "kind: \(long)\nid: long\n")
        project.write("Fixtures/team/escape.yaml", "kind: \"Team\\u001B]8;;x\\u0007\\nMember\"\nid: escape\n")
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardError.contains(
            "Fixtures/team/long.yaml:1:7: unknown kind '\(String(repeating: "k", count: 200))…' (10,000 characters); expected one of"),
            "\(result.standardError.prefix(1_000))")
        #expect(!result.standardError.contains(String(repeating: "k", count: 201)))
        #expect(result.standardError.contains("Fixtures/team/escape.yaml:1:7: unknown kind 'Team\\u{1B}]8;;x\\u{07}\\nMember'; expected one of"),
                "\(result.standardError)")
    }
}
