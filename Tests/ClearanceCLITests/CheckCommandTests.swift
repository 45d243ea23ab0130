import Foundation
import Testing
import ClearanceTestSupport

/// `clearance check` in a small project: exit 0 when clean, 1 when failing, 2 with the whole message otherwise.
@Suite("clearance check")
struct CheckCommandTests {
    let project = TemporaryDirectory()
    var directory: URL { URL(fileURLWithPath: project.path) }

    static let policy = """
        kind: Policy
        id: demo
        title: Demo controls
        target: TeamMember
        rules:
          - id: D-01
            title: Identity goes through SSO
            severity: high
            require: member.identity.sso
            message: "{{member.id}} signs in without SSO"
            controls: [SOC2:CC6.1]

        """

    static func member(_ id: String, sso: Bool) -> String {
        "kind: TeamMember\nid: \(id)\nname: Test\nstatus: active\nidentity: {sso: \(sso)}\n"
    }

    init() {
        project.write("policies/demo.yaml", "")
        try? FileManager.default.createDirectory(atPath: project.path + "/policies", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: project.path + "/team", withIntermediateDirectories: true)
        project.write("policies/demo.yaml", Self.policy)
        project.write("team/ana.yaml", Self.member("ana", sso: true))
    }

    func check(_ arguments: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(["check", "--policies", "policies", "--as-of", "2026-11-20"] + arguments + ["team"], in: directory)
    }

    @Test func cleanTeamExitsZero() throws {
        let result = try check()
        #expect(result.status == 0)
        #expect(result.standardOutput == "1 document checked against 1 rule: 1 pass, 0 fail, 0 error, 0 waived, 0 skip, 0 pending; nothing failing at or above low.\n")
    }

    @Test func aFileNamedTwiceIsCheckedOnce() throws {
        let result = try check(["team/ana.yaml", "team"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("1 document checked against 1 rule: 1 pass"))
    }

    @Test func failingFindingExitsOne() throws {
        project.write("team/luis.yaml", Self.member("luis", sso: false))
        let result = try check()
        #expect(result.status == 1)
        #expect(result.standardOutput == """
            luis  TeamMember · team/luis.yaml
              ✗ D-01     high     luis signs in without SSO
                team/luis.yaml:5:17

            2 documents checked against 1 rule: 1 pass, 1 fail, 0 error, 0 waived, 0 skip, 0 pending; 1 failing at or above low.

            """)
    }

    @Test func failOnAboveTheSeverityExitsZero() throws {
        project.write("team/luis.yaml", Self.member("luis", sso: false))
        #expect(try check(["--fail-on", "critical"]).status == 0)
    }

    @Test func badYAMLExitsTwo() throws {
        project.write("team/bad.yaml", "kind: TeamMember\nid: bad\nidentity: {sso: true\n")
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            team/bad.yaml:4:1: syntax error: did not find expected ',' or '}' while parsing a flow mapping
            
            ^
            team/bad.yaml:3:11: note: the flow mapping started here
            identity: {sso: true
                      ^
            1 error; nothing was checked.

            """)
    }

    @Test func misspeltPolicyKeyExitsTwo() throws {
        project.write("policies/demo.yaml", Self.policy.replacingOccurrences(of: "    require:", with: "    requires:"))
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardError == """
            policies/demo.yaml:6:5: rule has no `require`, which is required
              - id: D-01
                ^
            policies/demo.yaml:9:5: unknown key `requires` in rule (did you mean `require`?)
                requires: member.identity.sso
                ^
            2 errors; nothing was checked.

            """)
    }

    @Test func badExpressionPointsIntoTheYAML() throws {
        project.write("policies/demo.yaml", Self.policy.replacingOccurrences(of: "require: member.identity.sso", with: "require: member.identity.sso && memer.ok"))
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardError == """
            policies/demo.yaml:9:37: undeclared reference to 'memer' (did you mean 'member'?)
                require: member.identity.sso && memer.ok
                                                ^
            1 error; nothing was checked.

            """)
    }

    @Test func unknownKindExitsTwo() throws {
        project.write("team/odd.yaml", "kind: TeamMembr\nid: odd\n")
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardError == """
            team/odd.yaml:1:7: unknown kind 'TeamMembr' (did you mean 'TeamMember'?); expected one of TeamMember, Vendor, AccessManifest, Repository, System, AIWorkflow, ServiceAccount, Waiver
            kind: TeamMembr
                  ^
            1 error; nothing was checked.

            """)
    }

    @Test func duplicateIDExitsTwo() throws {
        project.write("team/ana-copy.yaml", Self.member("ana", sso: false))
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardError == """
            team/ana.yaml:2:5: TeamMember id 'ana' is used twice
            id: ana
                ^
            team/ana-copy.yaml:2:5: note: first used here
            id: ana
                ^
            1 error; nothing was checked.

            """)
    }

    @Test func unreadableFileExitsTwo() throws {
        try FileManager.default.createSymbolicLink(atPath: project.path + "/team/gone.yaml", withDestinationPath: project.path + "/team/missing.yaml")
        let result = try check()
        #expect(result.status == 2)
        #expect(result.standardError == """
            team/gone.yaml: cannot read: no such file or directory
            1 error; nothing was checked.

            """)
    }

    @Test func badFlagExitsTwo() throws {
        let result = try check(["--fail-on", "hgih"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --fail-on must be one of info, low, medium, high, critical; got 'hgih' (did you mean 'high'?)\n"))
    }

    @Test func badAsOfExitsTwo() throws {
        let result = try CommandRunner.run(["check", "--policies", "policies", "--as-of", "yesterday", "team"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --as-of must be a date (2026-11-20) or an RFC 3339 date-time (2026-11-20T09:00:00Z); got 'yesterday'\n"))
    }

    @Test func reportThatCannotBeWrittenExitsTwo() throws {
        let result = try check(["--format", "json=/dev/full"])
        #expect(result.status == 2)
        #expect(result.standardError == "/dev/full: cannot write: no space left on device\n")
    }

    @Test func baselineAcceptsTodaysFindingsAndFailsOnlyOnNewOnes() throws {
        project.write("team/luis.yaml", Self.member("luis", sso: false))
        #expect(try check(["--write-baseline", "baseline.json"]).status == 1)

        // Moving lines around keeps the fingerprint: still accepted.
        project.write("team/luis.yaml", "# moved down\n\n" + Self.member("luis", sso: false))
        let unchanged = try check(["--baseline", "baseline.json"])
        #expect(unchanged.status == 0)
        #expect(unchanged.standardOutput.hasSuffix("nothing failing at or above low (1 accepted by the baseline, 0 resolved).\n"))

        // A new failure fails the run; the fixed one is reported as resolved.
        project.write("team/luis.yaml", Self.member("luis", sso: true))
        project.write("team/eva.yaml", Self.member("eva", sso: false))
        let changed = try check(["--baseline", "baseline.json"])
        #expect(changed.status == 1)
        #expect(changed.standardOutput == """
            eva  TeamMember · team/eva.yaml
              ✗ D-01     high     eva signs in without SSO
                team/eva.yaml:5:17

            Resolved since the baseline
              ✓ D-01     luis: luis signs in without SSO

            3 documents checked against 1 rule: 2 pass, 1 fail, 0 error, 0 waived, 0 skip, 0 pending; 1 failing at or above low (0 accepted by the baseline, 1 resolved).

            """)
    }

    @Test func aBaselineThatIsNotOneExitsTwo() throws {
        project.write("baseline.json", "{\"findings\": 3}")
        let result = try check(["--baseline", "baseline.json"])
        #expect(result.status == 2)
        #expect(result.standardError == "baseline.json: not a Clearance baseline (write one with --write-baseline)\n")
    }
}
