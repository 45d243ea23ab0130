import ClearanceDocument
import Testing
import ClearanceCore
import ClearanceEngine
import ClearanceTestSupport
@testable import ClearancePolicy

/// Where a finding points: a failure or an error at the document field that decided it, a pass or
/// a skip at its element or document.
@Suite("Finding locations")
struct FindingLocationTests {
    let directory = TemporaryDirectory()

    /// One policy of the given rules (YAML list items) over TeamMember documents.
    static func policy(_ rules: String) -> String {
        "kind: Policy\nid: demo\ntitle: Demo\ntarget: TeamMember\nrules:\n" + rules
    }

    /// Runs the policy over the documents as of 2026-11-20 and lists every finding as
    /// `RULE status element line:column`, in report order.
    func findings(policy: String, member: String) throws -> [String] {
        let policyPath = directory.write("policy.yaml", policy)
        // Every member needs a name to load; it goes last, so the lines the tests count stay put.
        let memberPath = directory.write("team/member.yaml", member + "name: Ana López\n")
        let policies = try PolicyLoader(symbols: SymbolTable()).load(paths: [policyPath])
        let documents = try InputLoader(symbols: policies.symbols).load(paths: [memberPath], policies: policies)
        let now = try #require(Timestamp(seconds: 1_795_132_800))  // 2026-11-20T00:00:00Z
        let report = Engine(policies: policies, documents: documents, now: now).run()
        return Finding.sortedForReports(report.findings).map { finding in
            "\(finding.rule.id) \(finding.status.rawValue)\(finding.element.map { " " + $0 } ?? "") \(finding.location.line):\(finding.location.column)"
        }
    }

    static let contract = """
        kind: TeamMember
        id: ana.lopez
        status: active
        contract:
          signed: 2026-01-10
          clauses:
            confidentiality:
              signed: true
              survives_termination: false
            security_obligations:
              device_control: true

        """

    @Test func failingSecondConjunctPointsAtItsField() throws {
        let rules = """
              - id: D-01
                title: Confidentiality survives
                severity: high
                require: >-
                  member.contract.clauses.confidentiality.signed == true &&
                  member.contract.clauses.confidentiality.survives_termination == true

            """
        // Line 9 is `survives_termination: false`; its value starts at column 29.
        #expect(try findings(policy: Self.policy(rules), member: Self.contract) == ["D-01 fail 9:29"])
    }

    @Test func missingFieldPointsAtTheMapItBelongsIn() throws {
        let rules = """
              - id: D-02
                title: Incidents are reported within 72 hours
                severity: medium
                require: member.contract.clauses.security_obligations.incident_notification_hours != null

            """
        // `security_obligations` (line 10) has no `incident_notification_hours`: its map starts at `device_control`, 11:7.
        let found = try findings(policy: Self.policy(rules), member: Self.contract)
        #expect(found == ["D-02 fail 11:7"])
    }

    @Test func nullOnTheWayPointsAtTheNull() throws {
        let member = "kind: TeamMember\nid: ana.lopez\nstatus: active\ncontract: null\n"
        let rules = """
              - id: D-03
                title: Contract is signed
                severity: high
                require: member.contract.signed != null

            """
        // `contract: null`: the null is at 4:11.
        let found = try findings(policy: Self.policy(rules), member: member)
        #expect(found == ["D-03 fail 4:11"])
    }

    static let devices = """
        kind: TeamMember
        id: ana.lopez
        status: active
        devices:
          - id: LAP-1
            managed: true
            encrypted: true
          - id: LAP-2
            managed: true
            encrypted: false

        """

    @Test func elementRulePointsAtTheElementsFieldAndPassesKeepTheirPlace() throws {
        let rules = """
              - id: D-04
                title: Devices are managed and encrypted
                severity: high
                for_each: device in member.devices
                require: device.managed == true && device.encrypted == true
              - id: D-05
                title: Has devices
                severity: low
                require: size(member.devices) > 0

            """
        // The pass of LAP-1 stays at its element (5:5) and the document's pass at its first key (1:1);
        // LAP-2's failure is at `encrypted: false`, 10:16.
        #expect(try findings(policy: Self.policy(rules), member: Self.devices) == [
            "D-05 pass 1:1", "D-04 pass devices[0] 5:5", "D-04 fail devices[1] 10:16",
        ])
    }

    @Test func macroOverAListPointsAtTheList() throws {
        let rules = """
              - id: D-06
                title: Every device is encrypted
                severity: high
                require: member.status == 'active' && member.devices.all(d, d.encrypted == true)

            """
        // The list starts at its first `-`, 5:3.
        #expect(try findings(policy: Self.policy(rules), member: Self.devices) == ["D-06 fail 5:3"])
    }

    static let logins = """
        kind: TeamMember
        id: ana.lopez
        status: active
        identity:
          last_login: LOGIN
          credentials_issued: 2026-01-05T09:00:00Z

        """

    @Test(arguments: [("null", "6:23"), ("2026-03-01T10:00:00Z", "5:15")])
    func conditionalPointsAtTheBranchTaken(login: String, location: String) throws {
        let rules = """
              - id: D-07
                title: Signed in lately
                severity: medium
                require: >-
                  now - (member.identity.last_login != null ? member.identity.last_login : member.identity.credentials_issued)
                    <= duration('2160h')

            """
        let member = Self.logins.replacingOccurrences(of: "LOGIN", with: login)
        #expect(try findings(policy: Self.policy(rules), member: member) == ["D-07 fail \(location)"])
    }

    @Test func failureReadingNoFieldStaysAtTheDocument() throws {
        let rules = """
              - id: D-08
                title: Never
                severity: low
                require: now < timestamp('2000-01-01T00:00:00Z')

            """
        #expect(try findings(policy: Self.policy(rules), member: Self.devices) == ["D-08 fail 1:1"])
    }
}
