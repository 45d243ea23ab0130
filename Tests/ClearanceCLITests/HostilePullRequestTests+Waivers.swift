import Foundation
import Testing
import ClearanceTestSupport

/// A pull request that tries to waive its own findings: waivers count only from the configured waiver files, approved
/// by an active member holding an approver role who is not the subject, for one subject and a bounded term.
@Suite("Hostile pull requests: waivers")
struct WaiverHostilePullRequestTests {
    static let asOf = ["--as-of", "2026-11-20"]
    static let member = "Fixtures/team/luis.mendoza.yaml"
    static let waivers = "Fixtures/waivers.yaml"

    /// The self-waiver of the issue, as appended to a team member's file.
    static let selfWaiver = "---\nkind: Waiver\nid: W-SELF\nrule: ZT-01\nsubject: \"*\"\njustification: mine\napproved_by: nobody-at-all\nexpires: 9999-12-31\n"

    /// A copy of the sample team with a baseline accepting today's findings, then a new ZT-01 violation: luis.mendoza
    /// no longer signs in through SSO. Without a waiver, `check --baseline` fails on that one finding.
    static func project() throws -> SampleProjectCopy {
        let project = SampleProjectCopy()
        #expect(try project.run(["check", "--write-baseline", "baseline.json"] + asOf).status == 1)
        #expect(project.replace("  sso: true", with: "  sso: false", in: member))
        return project
    }

    /// A waiver of ZT-01 for luis.mendoza (unless `subject` says otherwise), appended to the configured waiver file
    /// (lines 28 to 35: `subject` on 32, `approved_by` on 34, `expires` on 35).
    static func waiver(subject: String = "luis.mendoza", approvedBy: String = "marta.ruiz", expires: String = "2026-12-31") -> String {
        "---\nkind: Waiver\nid: W-NEW\nrule: ZT-01\nsubject: \(subject)\njustification: SSO migration of the data team\n"
            + "approved_by: \(approvedBy)\nexpires: \(expires)\n"
    }

    /// `check --baseline` of the project.
    static func check(_ project: SampleProjectCopy, _ arguments: [String] = []) throws -> CommandRunner.Result {
        try project.run(["check", "--baseline", "baseline.json"] + asOf + arguments)
    }

    /// The error output of a run stopped by one diagnostic at `line`:`column` of the waiver file.
    static func refusal(_ line: Int, _ column: Int, _ message: String, quoting text: String) -> String {
        "\(waivers):\(line):\(column): \(message)\n\(text)\n\(String(repeating: " ", count: column - 1))^\n1 error; nothing was checked.\n"
    }

    @Test func theNewViolationFailsTheRunWithoutAWaiver() throws {
        let project = try Self.project()
        let result = try Self.check(project)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("✗ ZT-01    critical luis.mendoza signs in without SSO"), "\(result.standardOutput)")
    }

    @Test func aSelfWaiverInATeamMembersFileIsAnError() throws {
        let project = try Self.project()
        project.append(Self.selfWaiver, to: Self.member)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            Fixtures/team/luis.mendoza.yaml:79:7: a Waiver among the inputs; waivers belong in a waiver file named in clearance.yaml or by --waivers
            kind: Waiver
                  ^
            1 error; nothing was checked.

            """)
    }

    @Test func theSelfWaiverInTheWaiverFileFailsOnEachCount() throws {
        let project = try Self.project()
        project.append(Self.selfWaiver, to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == """
            Fixtures/waivers.yaml:32:10: waiver W-SELF covers every subject of ZT-01 (`subject: *`); a waiver names the one subject it accepts
            subject: "*"
                     ^
            Fixtures/waivers.yaml:34:14: waiver W-SELF is not approved: approver nobody-at-all is not among the loaded members
            approved_by: nobody-at-all
                         ^
            Fixtures/waivers.yaml:35:10: waiver W-SELF expires 9999-12-31, more than 90 days after 2026-11-20 (waiver_max_days)
            expires: 9999-12-31
                     ^
            3 errors; nothing was checked.

            """)
    }

    @Test func aWaiverOfEverySubjectIsAnError() throws {
        let project = try Self.project()
        project.append(Self.waiver(subject: "\"*\""), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(32, 10, "waiver W-NEW covers every subject of ZT-01 (`subject: *`); a waiver names the one subject it accepts",
                                                     quoting: "subject: \"*\""))
    }

    @Test func anApproverWhoIsNotAMemberIsAnError() throws {
        let project = try Self.project()
        project.append(Self.waiver(approvedBy: "nobody-at-all"), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(34, 14, "waiver W-NEW is not approved: approver nobody-at-all is not among the loaded members",
                                                     quoting: "approved_by: nobody-at-all"))
    }

    @Test func anEndlessWaiverIsAnError() throws {
        let project = try Self.project()
        project.append(Self.waiver(expires: "9999-12-31"), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(35, 10, "waiver W-NEW expires 9999-12-31, more than 90 days after 2026-11-20 (waiver_max_days)",
                                                     quoting: "expires: 9999-12-31"))
    }

    @Test func anApproverOfTheirOwnFindingsIsAnError() throws {
        let project = try Self.project()
        project.append(Self.waiver(subject: "marta.ruiz"), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(34, 14, "waiver W-NEW is not approved: approver marta.ruiz approves a waiver of their own findings",
                                                     quoting: "approved_by: marta.ruiz"))
    }

    @Test func anApproverWhoIsNotActiveIsAnError() throws {
        let project = try Self.project()
        #expect(project.replace("roles: []", with: "roles: [security-owner]", in: "Fixtures/team/camila.reyes.yaml"))
        project.append(Self.waiver(approvedBy: "camila.reyes"), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(34, 14, "waiver W-NEW is not approved: approver camila.reyes is offboarded",
                                                     quoting: "approved_by: camila.reyes"))
    }

    @Test func anApproverWithoutTheRoleIsAnError() throws {
        let project = try Self.project()
        project.append(Self.waiver(approvedBy: "lucia.ramirez"), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(34, 14, "waiver W-NEW is not approved: approver lucia.ramirez does not hold the security-owner role",
                                                     quoting: "approved_by: lucia.ramirez"))
    }

    @Test func anExpiredWaiverIsStillHeldToItsApprover() throws {
        let project = try Self.project()
        project.append(Self.waiver(approvedBy: "lucia.ramirez", expires: "2026-01-31"), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(34, 14, "waiver W-NEW is not approved: approver lucia.ramirez does not hold the security-owner role",
                                                     quoting: "approved_by: lucia.ramirez"))
    }

    @Test func aValidWaiverStillWaives() throws {
        let project = try Self.project()
        project.append(Self.waiver(), to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "")
        #expect(result.standardOutput.contains("""
            luis.mendoza  TeamMember · Fixtures/team/luis.mendoza.yaml
              ~ ZT-01    critical luis.mendoza signs in without SSO  (waived by W-NEW until 2026-12-31)
                Fixtures/team/luis.mendoza.yaml:20:8

            """), "\(result.standardOutput)")
    }

    @Test func aWaiverFileHoldsOnlyWaivers() throws {
        let project = try Self.project()
        project.append("---\nkind: Vendor\nid: shadow-vendor\n", to: Self.waivers)
        let result = try Self.check(project)
        #expect(result.status == 2)
        #expect(result.standardError == Self.refusal(29, 7, "a Vendor in a waiver file; a waiver file holds only Waiver documents", quoting: "kind: Vendor"))
    }

    @Test func waiverApproversSetWhichRolesApprove() throws {
        let project = try Self.project()
        project.append(Self.waiver(approvedBy: "lucia.ramirez"), to: Self.waivers)
        project.append("waiver_approvers: [security-owner, it-admin]\n", to: "clearance.yaml")
        #expect(try Self.check(project).status == 0)
        #expect(project.replace("waiver_approvers: [security-owner, it-admin]", with: "waiver_approvers: [auditor, cfo]", in: "clearance.yaml"))
        let narrowed = try Self.check(project)
        #expect(narrowed.status == 2)
        #expect(narrowed.standardError == """
            Fixtures/waivers.yaml:10:14: waiver W-2026-014 is not approved: approver marta.ruiz holds none of the approver roles auditor, cfo
            approved_by: marta.ruiz
                         ^
            Fixtures/waivers.yaml:18:14: waiver W-2026-009 is not approved: approver marta.ruiz holds none of the approver roles auditor, cfo
            approved_by: marta.ruiz
                         ^
            Fixtures/waivers.yaml:26:14: waiver W-2026-017 is not approved: approver diego.hernandez holds none of the approver roles auditor, cfo
            approved_by: diego.hernandez
                         ^
            Fixtures/waivers.yaml:34:14: waiver W-NEW is not approved: approver lucia.ramirez holds none of the approver roles auditor, cfo
            approved_by: lucia.ramirez
                         ^
            4 errors; nothing was checked.

            """)
    }

    @Test func theLongestTermIsNinetyDaysUnlessWaiverMaxDaysSaysOtherwise() throws {
        let project = try Self.project()
        // 90 days after 2026-11-20 is the end of 2027-02-17.
        project.append(Self.waiver(expires: "2027-02-17"), to: Self.waivers)
        #expect(try Self.check(project).status == 0)
        #expect(project.replace("expires: 2027-02-17", with: "expires: 2027-02-18", in: Self.waivers))
        #expect(try Self.check(project).standardError == Self.refusal(35, 10, "waiver W-NEW expires 2027-02-18, more than 90 days after 2026-11-20 (waiver_max_days)",
                                                                      quoting: "expires: 2027-02-18"))
        project.append("waiver_max_days: 120\n", to: "clearance.yaml")
        #expect(try Self.check(project).status == 0)
        #expect(project.replace("waiver_max_days: 120", with: "waiver_max_days: 20", in: "clearance.yaml"))
        let short = try Self.check(project)
        #expect(short.status == 2)
        #expect(short.standardError == """
            Fixtures/waivers.yaml:11:10: waiver W-2026-014 expires 2026-12-15, more than 20 days after 2026-11-20 (waiver_max_days)
            expires: 2026-12-15
                     ^
            Fixtures/waivers.yaml:27:10: waiver W-2026-017 expires 2027-01-31, more than 20 days after 2026-11-20 (waiver_max_days)
            expires: 2027-01-31
                     ^
            Fixtures/waivers.yaml:35:10: waiver W-NEW expires 2027-02-18, more than 20 days after 2026-11-20 (waiver_max_days)
            expires: 2027-02-18
                     ^
            3 errors; nothing was checked.

            """)
    }

    @Test func lintWarnsAboutAnApproverWhoMayNotApproveWhereAuditAndChecklistRefuse() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("approved_by: diego.hernandez", with: "approved_by: lucia.ramirez", in: Self.waivers))
        let message = "waiver W-2026-017 is not approved: approver lucia.ramirez does not hold the security-owner role"
        let lint = try project.run(["lint"] + Self.asOf)
        #expect(lint.status == 0)
        #expect(lint.standardOutput == """
            Fixtures/waivers.yaml:26:14: warning: \(message)
            approved_by: lucia.ramirez
                         ^
            17 policies, 83 rules, 3 waivers: 1 warning.

            """)
        for command in [["audit"], ["checklist", "ana.lopez"]] {
            let result = try project.run(command + Self.asOf)
            #expect(result.status == 2, "\(command)")
            #expect(result.standardError == Self.refusal(26, 14, message, quoting: "approved_by: lucia.ramirez"), "\(command)")
        }
    }

    @Test func aConfiguredWaiverFileReplacedByTheCommandLineIsNotReadAtAll() throws {
        let project = SampleProjectCopy()
        project.write("other-waivers.yaml", Self.waiver(subject: "ana.lopez").replacingOccurrences(of: "rule: ZT-01", with: "rule: ZT-03"))
        let result = try project.run(["check", "--waivers", "other-waivers.yaml"] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.standardError == "")
        #expect(result.standardOutput.contains("(waived by W-NEW until 2026-12-31)"))
        #expect(!result.standardOutput.contains("W-2026-"), "the replaced Fixtures/waivers.yaml was read")
        #expect(result.standardOutput.hasSuffix("180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 1 waived, 1221 skip, 4 pending; 82 failing at or above low.\n"))
    }

    @Test func settingsThatWouldDisableTheChecksAreErrors() throws {
        let project = SampleProjectCopy()
        project.append("waiver_max_days: 0\n", to: "clearance.yaml")
        let noTerm = try project.run(["check"] + Self.asOf)
        #expect(noTerm.status == 2)
        #expect(noTerm.standardError == """
            clearance.yaml:57:18: waiver_max_days must be a number of days from 1 to 3660; found 0
            waiver_max_days: 0
                             ^
            1 error; nothing was checked.

            """)
        #expect(project.replace("waiver_max_days: 0", with: "waiver_approvers: []", in: "clearance.yaml"))
        let noRoles = try project.run(["check"] + Self.asOf)
        #expect(noRoles.status == 2)
        #expect(noRoles.standardError == """
            clearance.yaml:57:19: waiver_approvers must name at least one role; with none, no waiver could be approved
            waiver_approvers: []
                              ^
            1 error; nothing was checked.

            """)
    }

    @Test func lintStillOnlyWarnsAboutEverySubjectAndLongTerms() throws {
        let project = try Self.project()
        project.append(Self.waiver(subject: "\"*\"", expires: "2028-06-30"), to: Self.waivers)
        let result = try project.run(["lint"] + Self.asOf)
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            Fixtures/waivers.yaml:32:10: warning: waiver W-NEW covers every subject of ZT-01 (`subject: *`): name the subjects it accepts instead
            subject: "*"
                     ^
            Fixtures/waivers.yaml:35:10: warning: waiver W-NEW expires 2028-06-30, more than a year after 2026-11-20: accept the risk for a year at most and review it again
            expires: 2028-06-30
                     ^
            17 policies, 83 rules, 4 waivers: 2 warnings.

            """)
    }
}
