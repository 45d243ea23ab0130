import Foundation
import Testing
import ClearanceTestSupport

/// Fingerprints follow element identity, not position: a baseline written for the sample team still accepts every
/// old finding after grants and devices are inserted, removed or reordered, and a removed failing element is resolved.
@Suite("Trust mutations: fingerprints")
struct FingerprintMutationTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// A copy of the sample project with a baseline of today's 69 failing findings in `baseline.json`.
    static func baselinedCopy() throws -> SampleProjectCopy {
        let copy = SampleProjectCopy()
        let written = try copy.run(["check"] + asOf + ["Fixtures", "--write-baseline", "baseline.json"])
        #expect(written.status == 1)
        return copy
    }

    /// `clearance check Fixtures --baseline baseline.json` in the copy.
    static func checkWithBaseline(_ copy: SampleProjectCopy) throws -> CommandRunner.Result {
        try copy.run(["check"] + asOf + ["Fixtures", "--baseline", "baseline.json"])
    }

    /// The last line of the text report: the counts and the baseline's verdict.
    static func summary(_ result: CommandRunner.Result) -> String {
        result.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// The "Resolved since the baseline" section, without its heading; empty when there is none.
    static func resolved(_ result: CommandRunner.Result) -> [String] {
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "Resolved since the baseline") else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    // The elements moved around below, as they are written in the sample team.
    static let camilaManifestGrant = """
          - {member: camila.reyes, resource: acme-prod, role: MobileRelease,
             environment: production, ticket: SEC-1208, expires: 2026-12-31}

        """
    static let compliantManifestGrant = """
          - {member: marta.ruiz, resource: acme-prod/ReadOnly, role: read,
             environment: production, ticket: SEC-1003, expires: 2027-02-12}

        """
    static let luisCompliantGrant = """
          - system: github
            resource: acme/forecasting
            role: write
            environment: development
            granted: 2026-05-18
            approved_by: diego.hernandez
            approved: 2026-05-16
            ticket: SEC-1421
            credential: sso
            expires: 2027-06-30
            last_review: {date: 2026-10-02, reviewer: marta.ruiz, decision: keep}
            revoked: null

        """
    static let luisFailingGrantStart = "  # Permission set assigned to every account matching acme-analytics-*"
    static let carlosCompliantDevice = """
          - id: LAP-0161  # MacBook Pro 14" (2024), Intune-managed
            serial: J5VX8Q2NKW
            managed: true
            encrypted: true
            endpoint_protection: true
            auto_updates: true
            last_patched: 2026-11-16
            screen_lock_minutes: 5
            password_manager: true

        """
    static let carlosFailingDeviceStart = "  # Personal Mac mini used as an iOS build machine"

    @Test func anUnchangedTeamMatchesItsBaseline() throws {
        let copy = try Self.baselinedCopy()
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; "
                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).")
    }

    @Test func aCompliantGrantInsertedAtTheTopOfAManifestKeepsEveryFingerprint() throws {
        let copy = try Self.baselinedCopy()
        #expect(copy.replace("grants:\n", with: "grants:\n" + Self.compliantManifestGrant, in: "Fixtures/access/aws-production.yaml"))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1224 pass, 82 fail, 0 error, 2 waived, 1223 skip, 4 pending; "
                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).")
        #expect(result.standardOutput.contains("Fixtures/access/aws-production.yaml:22:14 · grants[6]"))
    }

    @Test func reorderedManifestGrantsKeepEveryFingerprint() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/access/aws-production.yaml"
        #expect(copy.replace(Self.camilaManifestGrant, with: "", in: file))
        #expect(copy.replace("grants:\n", with: "grants:\n" + Self.camilaManifestGrant, in: file))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; "
                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).")
        #expect(result.standardOutput.contains("Fixtures/access/aws-production.yaml:10:14 · grants[0]"))
    }

    @Test func aRemovedFailingManifestGrantIsResolved() throws {
        let copy = try Self.baselinedCopy()
        #expect(copy.replace(Self.camilaManifestGrant, with: "", in: "Fixtures/access/aws-production.yaml"))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.resolved(result) == [
            "  ✓ AM-04    aws-production grants[5]: aws-production still grants acme-prod to camila.reyes, who has left",
        ])
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1220 pass, 81 fail, 0 error, 2 waived, 1220 skip, 4 pending; "
                + "nothing failing at or above low (81 accepted by the baseline, 1 resolved).")
    }

    @Test func aCompliantGrantInsertedAtTheTopOfAMembersAccessKeepsEveryFingerprint() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/team/luis.mendoza.yaml"
        let inserted = Self.luisCompliantGrant.replacingOccurrences(of: "acme/forecasting", with: "acme/forecasting-notebooks")
        #expect(copy.replace("access:\n", with: "access:\n" + inserted, in: file))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1228 pass, 82 fail, 0 error, 2 waived, 1227 skip, 4 pending; "
                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).")
        #expect(result.standardOutput.contains("Fixtures/team/luis.mendoza.yaml:68:15 · access[2]"))
    }

    @Test func reorderedMemberGrantsKeepEveryFingerprint() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/team/luis.mendoza.yaml"
        #expect(copy.replace(Self.luisCompliantGrant, with: "", in: file))
        #expect(copy.replace("contract:\n", with: Self.luisCompliantGrant + "contract:\n", in: file))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; "
                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).")
        #expect(result.standardOutput.contains("Fixtures/team/luis.mendoza.yaml:44:15 · access[0]"))
    }

    @Test func aRemovedFailingMemberGrantIsResolved() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/team/luis.mendoza.yaml"
        let text = copy.read(file)
        let start = try #require(text.range(of: Self.luisFailingGrantStart))
        let end = try #require(text.range(of: "contract:\n"))
        copy.write(file, String(text[..<start.lowerBound]) + String(text[end.lowerBound...]))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.resolved(result) == [
            "  ✓ ZT-08    luis.mendoza access[1]: luis.mendoza's aws grant on acme-analytics-* is not scoped to a single environment",
            "  ✓ AR-02    luis.mendoza access[1]: luis.mendoza's aws grant on acme-analytics-* was not provisioned through an IT ticket (no ticket recorded)",
        ])
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1218 pass, 80 fail, 0 error, 2 waived, 1215 skip, 4 pending; "
                + "nothing failing at or above low (80 accepted by the baseline, 2 resolved).")
    }

    @Test func devicesInsertedFirstAndReorderedKeepEveryFingerprint() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/team/carlos.ibarra.yaml"
        // LAP-0161, BYOD-0007 (failing) becomes LAP-0998, LAP-0999, BYOD-0007, LAP-0161.
        #expect(copy.replace(Self.carlosCompliantDevice, with: "", in: file))
        #expect(copy.replace("access:\n", with: Self.carlosCompliantDevice + "access:\n", in: file))
        let added = ["LAP-0998", "LAP-0999"].map { Self.carlosCompliantDevice.replacingOccurrences(of: "LAP-0161", with: $0) }.joined()
        #expect(copy.replace("devices:\n", with: "devices:\n" + added, in: file))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1232 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; "
                + "nothing failing at or above low (82 accepted by the baseline, 0 resolved).")
        #expect(result.standardOutput.contains("""
              ✗ ZT-04    high     device BYOD-0007 of carlos.ibarra is not managed, encrypted and running endpoint protection (managed: true, encrypted: false, endpoint protection: false)  (in the baseline)
                Fixtures/team/carlos.ibarra.yaml:53:16 · devices[2]
            """))
    }

    @Test func aRemovedFailingDeviceIsResolved() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/team/carlos.ibarra.yaml"
        let text = copy.read(file)
        let start = try #require(text.range(of: Self.carlosFailingDeviceStart))
        let end = try #require(text.range(of: "access:\n"))
        copy.write(file, String(text[..<start.lowerBound]) + String(text[end.lowerBound...]))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 0)
        #expect(Self.resolved(result) == [
            "  ✓ ZT-04    carlos.ibarra devices[1]: device BYOD-0007 of carlos.ibarra is not managed, encrypted and running endpoint protection (managed: true, encrypted: false, endpoint protection: false)",
            "  ✓ ZT-10    carlos.ibarra devices[1]: device BYOD-0007 of carlos.ibarra does not lock its screen within 15 minutes with the password manager installed (screen lock: not recorded; password manager: false)",
        ])
        #expect(Self.summary(result) == "180 documents checked against 83 rules: 1219 pass, 80 fail, 0 error, 2 waived, 1221 skip, 4 pending; "
                + "nothing failing at or above low (80 accepted by the baseline, 2 resolved).")
    }

    @Test func aNewFailureAmongMovedElementsIsTheOnlyOneThatFails() throws {
        let copy = try Self.baselinedCopy()
        let file = "Fixtures/access/aws-production.yaml"
        let expired = Self.compliantManifestGrant.replacingOccurrences(of: "ticket: SEC-1003, expires: 2027-02-12", with: "ticket: null, expires: null")
        #expect(copy.replace("grants:\n", with: "grants:\n" + expired, in: file))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("""
              ✗ AM-05    high     aws-production's production grant of acme-prod/ReadOnly to marta.ruiz needs a ticket and an expiry within the next 90 days (ticket: not recorded; expires: not recorded)
                Fixtures/access/aws-production.yaml:11:39 · grants[0]
            """))
        #expect(Self.summary(result).hasSuffix("; 1 failing at or above low (82 accepted by the baseline, 0 resolved)."))
    }

    @Test func aBaselineOfAnEarlierVersionIsRefusedWithHowToRecreateIt() throws {
        let copy = try Self.baselinedCopy()
        #expect(copy.replace("\"version\" : 2", with: "\"version\" : 1", in: "baseline.json"))
        let result = try Self.checkWithBaseline(copy)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "baseline.json: written by an earlier Clearance (fingerprints by position); "
                + "re-create it with --write-baseline\n")
    }

    /// A project with a rule over a member's MFA factors (scalars) and one over a computed list of devices,
    /// whose elements have no declared identity.
    static func listsProject() -> TemporaryDirectory {
        let project = TemporaryDirectory()
        project.write("policies/lists.yaml", """
            kind: Policy
            id: lists
            title: Lists
            target: TeamMember
            rules:
              - id: L-01
                title: No SMS factor
                severity: high
                for_each: factor in member.identity.mfa
                require: factor != 'sms'
                message: "{{member.id}} has an SMS factor"
              - id: L-02
                title: Devices are encrypted
                severity: high
                for_each: device in member.devices.filter(d, true)
                require: device.encrypted == true
                message: "device {{device.id}} is not encrypted"

            """)
        return project
    }

    /// Ana with MFA factors and devices in a given order.
    static func ana(factors: String, devices: [String]) -> String {
        "kind: TeamMember\nid: ana\nname: Ana\nstatus: active\nidentity: {mfa: \(factors)}\ndevices:\n"
            + devices.map { "  - {id: \($0), encrypted: \($0 == "LAP-1")}\n" }.joined()
    }

    @Test func aScalarItemIsIdentifiedByItsValueAndAComputedListOfMappingsByPosition() throws {
        let project = Self.listsProject()
        let directory = URL(fileURLWithPath: project.path)
        let check = ["check", "--policies", "policies", "--as-of", "2026-11-20"]
        project.write("team/ana.yaml", Self.ana(factors: "[sms, totp]", devices: ["BYOD-1", "LAP-1"]))
        #expect(try CommandRunner.run(check + ["--write-baseline", "baseline.json", "team"], in: directory).status == 1)
        project.write("team/ana.yaml", Self.ana(factors: "[totp, sms]", devices: ["LAP-1", "BYOD-1"]))
        let result = try CommandRunner.run(check + ["--baseline", "baseline.json", "team"], in: directory)
        #expect(result.status == 1)
        #expect(result.standardOutput == """
            ana  TeamMember · team/ana.yaml
              ✗ L-01     high     ana has an SMS factor  (in the baseline)
                team/ana.yaml:5:24 · identity.mfa[1]
              ✗ L-02     high     device BYOD-1 is not encrypted
                team/ana.yaml:8:29 · [1]

            Resolved since the baseline
              ✓ L-02     ana [0]: device BYOD-1 is not encrypted

            1 document checked against 2 rules: 2 pass, 2 fail, 0 error, 0 waived, 0 skip, 0 pending; \
            1 failing at or above low (1 accepted by the baseline, 1 resolved).

            """)
    }
}
