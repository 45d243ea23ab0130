import Foundation
import Testing
import ClearanceTestSupport

/// `clearance checklist` says where the pre-credentials gate stands: CLEARED, BLOCKED, BREACHED or NOT APPLICABLE,
/// and exits 0 (cleared, not applicable) or 1 (blocked, breached) whatever `--fail-on` says.
/// CLEARED (ana.lopez) and BLOCKED (daniela.herrera) are asserted whole in ProjectCommandTests.
@Suite("Checklist: the gate's four states")
struct GateChecklistTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// The gate's line of a checklist.
    static func gateLine(_ result: CommandRunner.Result) -> String? {
        result.standardOutput.split(separator: "\n").first { $0.hasPrefix("Before credentials are issued") }.map(String.init)
    }

    @Test func credentialsIssuedBeforeTheBackgroundCheckPassedIsABreach() throws {
        let result = try CommandRunner.run(["checklist", "andres.morales"] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.standardError == "")
        Golden.expect(result.standardOutput, matches: "checklist-andres.morales.txt")
    }

    @Test func someoneWhoHasLeftIsNotApplicable() throws {
        let result = try CommandRunner.run(["checklist", "camila.reyes"] + Self.asOf)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        Golden.expect(result.standardOutput, matches: "checklist-camila.reyes.txt")
    }

    @Test(arguments: [("ana.lopez", Int32(0), "CLEARED (all 11 items met)"),
                      ("daniela.herrera", 1, "BLOCKED (3 of 11 items not met: PC-01, PC-02 and PC-08)"),
                      ("andres.morales", 1, "BREACHED (credentials issued 2026-07-06 15:00 UTC while PC-01 was open)"),
                      ("santiago.leon", 1, "BREACHED (credentials issued 2026-11-17 16:00 UTC while PC-03 was open)"),
                      ("tomas.vega", 0, "NOT APPLICABLE (offboarding: the person has left)"),
                      ("jorge.castillo", 0, "CLEARED (all 11 items met)")])
    func theExitCodeIsTheGatesWhateverTheThreshold(id: String, status: Int32, verdict: String) throws {
        for failOn in ["critical", "low"] {
            let result = try CommandRunner.run(["checklist", id, "--fail-on", failOn] + Self.asOf)
            #expect(result.status == status, "\(id) --fail-on \(failOn)")
            #expect(Self.gateLine(result) == "Before credentials are issued (pre-credentials gate): " + verdict)
        }
    }

    @Test func aCandidateGivenCredentialsWithItemsOpenIsABreachOfBoth() throws {
        let copy = SampleProjectCopy()
        #expect(copy.replace("credentials_issued: null", with: "credentials_issued: 2026-11-18T09:30:00Z",
                             in: "Fixtures/team/daniela.herrera.yaml"))
        let result = try copy.run(["checklist", "daniela.herrera"] + Self.asOf)
        #expect(result.status == 1)
        #expect(Self.gateLine(result)
                == "Before credentials are issued (pre-credentials gate): BREACHED (credentials issued 2026-11-18 09:30 UTC while PC-01, PC-02 and PC-08 were open)")
        #expect(result.standardOutput.contains("""
              ✗ PC-01   A recent background check passed before credentials
                        daniela.herrera has no background check that passed before credentials were issued, within 180 days (status: pending, date: not recorded; credentials issued: 2026-11-18T09:30:00Z)
            """))
    }

    @Test func aCandidateWhoAlreadyHoldsAccessIsNotPendingButFailing() throws {
        let copy = SampleProjectCopy()
        #expect(copy.replace("access: []", with: """
            access:
              - {system: github, resource: acme/web, role: read, environment: development, granted: 2026-11-18,
                 approved_by: marta.ruiz, ticket: SEC-1700, credential: sso, expires: 2027-02-01, last_review: null, revoked: null}
            """, in: "Fixtures/team/daniela.herrera.yaml"))
        let checklist = try copy.run(["checklist", "daniela.herrera"] + Self.asOf)
        #expect(checklist.status == 1)
        #expect(Self.gateLine(checklist)
                == "Before credentials are issued (pre-credentials gate): BLOCKED (4 of 11 items not met: PC-01, PC-02, PC-06 and PC-08)")
        let check = try copy.run(["check"] + Self.asOf + ["Fixtures"])
        #expect(check.status == 1)
        #expect(Self.block(of: "daniela.herrera", in: check).hasPrefix("""
            daniela.herrera  TeamMember · Fixtures/team/daniela.herrera.yaml
              ✗ PC-08    high     daniela.herrera's engagement starts on 2026-12-07, still ahead: credentials wait until then (credentials issued: not yet)
                Fixtures/team/daniela.herrera.yaml:20:10
              ✗ PC-01    critical daniela.herrera has no background check that passed before credentials were issued, within 180 days (status: pending, date: not recorded; credentials issued: not yet)
            """))
    }

    /// One subject's block of the text report (its heading to the blank line after it).
    static func block(of subject: String, in result: CommandRunner.Result) -> String {
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(subject + "  ") }) else { return "" }
        return lines[start...].prefix { !$0.isEmpty }.joined(separator: "\n")
    }

    @Test func aPendingCandidateIsReportedButNeverFailsTheAudit() throws {
        let copy = SampleProjectCopy()
        #expect(try copy.run(["check"] + Self.asOf + ["Fixtures", "--write-baseline", "baseline.json"]).status == 1)
        #expect(!copy.read("baseline.json").contains("daniela.herrera"))
        let result = try copy.run(["check"] + Self.asOf + ["Fixtures", "--baseline", "baseline.json"])
        #expect(result.status == 0)
        #expect(Self.block(of: "daniela.herrera", in: result) == """
            daniela.herrera  TeamMember · Fixtures/team/daniela.herrera.yaml
              … PC-08    high     daniela.herrera's engagement starts on 2026-12-07, still ahead: credentials wait until then (credentials issued: not yet)  (pending: blocks credentials, not a violation)
                Fixtures/team/daniela.herrera.yaml:20:10
              … PC-01    critical daniela.herrera has no background check that passed before credentials were issued, within 180 days (status: pending, date: not recorded; credentials issued: not yet)  (pending: blocks credentials, not a violation)
                Fixtures/team/daniela.herrera.yaml:30:24
              … PC-02    high     daniela.herrera did not complete security awareness training before credentials (completed: not recorded; credentials issued: not yet)  (pending: blocks credentials, not a violation)
                Fixtures/team/daniela.herrera.yaml:31:34
            """)
        #expect(result.standardOutput.hasSuffix("180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; "
                                                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).\n"))
    }
}
