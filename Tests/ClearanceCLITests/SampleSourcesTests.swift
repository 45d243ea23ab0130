import Foundation
import Testing
import ClearanceTestSupport

/// The sample team with its vendors' exports (`sources:` in clearance.yaml): the audit reconciles what AWS, GitHub, Okta,
/// the HR roster, Entra ID and Intune say with what the team files declare, each finding at the cell or node that decided it.
struct SampleSourcesTests {
    @Test func theSampleReconcilesItsExportsWithTheTeamFiles() throws {
        let result = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let observed = findings.filter { ($0["rule"] as? String)?.hasPrefix("OBS-") == true && $0["status"] as? String == "fail" }.map { finding in
            let location = finding["location"] as? [String: Any] ?? [:]
            return "\(finding["rule"] ?? "") \(finding["subject"] ?? "") \(location["file"] ?? ""):\(location["line"] ?? ""):\(location["column"] ?? "")"
        }
        #expect(observed == [
            "OBS-02 aws:111122223333:fastlane-camila Fixtures/exports/aws-prod-credential-report.csv:4:1",  // a leaver's key, still active
            "OBS-04 aws:111122223333:fastlane-camila Fixtures/exports/aws-prod-credential-report.csv:4:122",  // at access_key_1_last_rotated
            "OBS-03 aws:111122223333:gabriela.rios Fixtures/exports/aws-prod-credential-report.csv:5:147",  // at mfa_active
            "OBS-01 aws:111122223333:jenkins-legacy Fixtures/exports/aws-prod-credential-report.csv:6:1",
            "OBS-04 aws:111122223333:jenkins-legacy Fixtures/exports/aws-prod-credential-report.csv:6:120",
            "OBS-05 aws:111122223333:jorge.castillo Fixtures/exports/aws-prod-credential-report.csv:7:93",
            "OBS-02 aws:111122223333:tomas.vega Fixtures/exports/aws-prod-credential-report.csv:9:1",
            "OBS-06 aws:111122223333:tomas.vega Fixtures/exports/aws-prod-credential-report.csv:9:1",
            // an administrator with push and a one-time code: at the user's id, where the registration details are located
            "OBS-15 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e02 Fixtures/exports/entra-users.csv:3:105",
            "OBS-03 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e05 Fixtures/exports/entra-users.csv:6:99",  // email and a security question
            "OBS-02 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e06 Fixtures/exports/entra-users.csv:7:159",  // at accountEnabled
            "OBS-03 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e08 Fixtures/exports/entra-users.csv:9:87",  // nothing registered yet
            // the partner's guest: nobody's, with no end date, email only
            "OBS-01 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e09 Fixtures/exports/entra-users.csv:10:1",
            "OBS-16 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e09 Fixtures/exports/entra-users.csv:10:1",
            "OBS-03 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e09 Fixtures/exports/entra-users.csv:10:128",
            "OBS-01 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e10 Fixtures/exports/entra-users.csv:11:1",  // roberto.diaz
            "OBS-01 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e11 Fixtures/exports/entra-users.csv:12:1",  // svc-backup
            "OBS-03 entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e11 Fixtures/exports/entra-users.csv:12:48",
            "OBS-03 github:acme:88014362 Fixtures/exports/github-members.json:87:14",  // listed as 2FA-disabled
            "OBS-01 github:acme:102338476 Fixtures/exports/github-members.json:158:3",
            "OBS-02 github:acme:71839205 Fixtures/exports/github-members.json:182:3",
            "OBS-12 intune:H9TQ4M7XJC Fixtures/exports/intune-devices.json:542:22",  // carlos.ibarra's Mac mini, at isEncrypted
            "OBS-13 intune:5CG4411QZK Fixtures/exports/intune-devices.json:660:27",  // an unlinked laptop, at lastSyncDateTime
            "OBS-02 okta:acme:00uQH1f4BCJUMdFkGdTj Fixtures/exports/okta-users.json:396:15",  // at its ACTIVE status
            "OBS-03 okta:acme:00u6LtvlSoJbzt5hRFSU Fixtures/exports/okta-users.json:423:11",
            "OBS-05 okta:acme:00uUzLBMiZpXrjimzeVk Fixtures/exports/okta-users.json:509:18",  // at lastLogin
            "OBS-02 okta:acme:00uf7yswXaKlSGuN11fb Fixtures/exports/okta-users.json:645:15",
            "OBS-01 okta:acme:00u4rD1azQ7wQmn2KhTs Fixtures/exports/okta-users.json:699:3",
            "OBS-07 hris:acme:E-1010 Fixtures/exports/people.csv:11:1",  // HR says she left; the team file says active
            "OBS-08 hris:acme:E-1014 Fixtures/exports/people.csv:15:1",  // a person the team files do not know
            // a declared device no device manager lists, located at its serial
            "OBS-14 santiago.leon Fixtures/team/santiago.leon.yaml:32:13",
        ])
        // Every finding of the team files is the same with or without the exports, but OBS-14's: it judges the members'
        // declared devices only when a device manager's export is read.
        let teamAlone = SampleProjectCopy()
        #expect(teamAlone.removeSources())
        let plain = try teamAlone.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        #expect(plain.status == 1)
        let plainFindings = try #require((try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        func members(_ findings: [[String: Any]]) -> [String] {
            findings.filter { ($0["kind"] as? String) == "TeamMember" }.map { "\($0["rule"] ?? "") \($0["subject"] ?? "") \($0["status"] ?? "")" }
        }
        #expect(members(findings).filter { !$0.hasPrefix("OBS-14 ") } == members(plainFindings))
        #expect(members(plainFindings).allSatisfy { !$0.hasPrefix("OBS-14 ") || $0.hasSuffix(" skip") })
        let sources = try #require((report["evidence"] as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(sources.count == 6)
    }

    /// A run narrowed to paths reads the sources as context, unless a path names an export: a pull request that updates
    /// only an export is checked on what that export says.
    @Test func aPathNamingAnExportMakesItsRecordsSubjects() throws {
        func failing(_ paths: [String]) throws -> [String] {
            let result = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "json"] + paths)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], "\(result.standardError)")
            return (report["findings"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "fail" }
                .map { "\($0["rule"] ?? "") \($0["subject"] ?? "")" }
        }
        #expect(try failing(["Fixtures/exports/okta-users.json"]) == [
            "OBS-02 okta:acme:00uQH1f4BCJUMdFkGdTj", "OBS-03 okta:acme:00u6LtvlSoJbzt5hRFSU", "OBS-05 okta:acme:00uUzLBMiZpXrjimzeVk",
            "OBS-02 okta:acme:00uf7yswXaKlSGuN11fb", "OBS-01 okta:acme:00u4rD1azQ7wQmn2KhTs",
        ])
        // A further file of a source (GitHub's 2FA-disabled list) names its source too.
        #expect(try failing(["Fixtures/exports/github-2fa-disabled.json"]) == [
            "OBS-03 github:acme:88014362", "OBS-01 github:acme:102338476", "OBS-02 github:acme:71839205",
        ])
        #expect(try failing(["Fixtures/exports"]).filter { $0.hasPrefix("OBS-") }.count == 30)
        #expect(try failing(["Fixtures/team/tomas.vega.yaml"]).allSatisfy { !$0.hasPrefix("OBS-") })
    }

    /// `clearance sources` lists the Entra tenant and the Intune devices with their links, and the one device no member
    /// declares with the `serial:` that would link it; the HTML report's evidence lists both sources with the same counts.
    @Test func theListingShowsTheTenantAndTheDevicesWithTheirLinks() throws {
        let result = try CommandRunner.run(["sources"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("""
            Fixtures/exports/entra-users.csv · entra-users-csv · entra acmeexample.onmicrosoft.com
              generated 2026-11-19T06:00:00Z · 27 records: 24 linked, 0 service, 3 unlinked, 0 ambiguous

            """))
        #expect(result.standardOutput.contains("  with Fixtures/exports/entra-mfa-registration.json sha256 "))
        #expect(result.standardOutput.contains("""
            Fixtures/exports/intune-devices.json · intune-devices · intune
              generated 2026-11-19T06:00:00Z · 26 records: 25 linked, 1 unlinked, 0 ambiguous

            """))
        // the partner's guest, and the laptop of a person no team file knows
        #expect(result.standardOutput.contains("Fixtures/exports/entra-users.csv:10:1  unlinked  entra:acmeexample.onmicrosoft.com:3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e09 · "
                                               + "login lena.fischer_partner.example#EXT#@acmeexample.onmicrosoft.com · lena.fischer@partner.example · Lena Fischer (Partner) · active\n"))
        #expect(result.standardOutput.contains("""
            Fixtures/exports/intune-devices.json:654:5  unlinked  intune:5CG4411QZK · roberto.diaz@example.com · ACME-HP-0412
                add to the device entry of the TeamMember who uses it:
                  serial: "5CG4411QZK"

            """))
        #expect(result.standardOutput.hasSuffix("6 sources, 123 records: 113 linked, 1 service, 9 unlinked, 0 ambiguous.\n"))

        // Devices link by the serial a member declares, or by their primary user's email when the member records none.
        let inspect = try CommandRunner.run(["inspect", "Fixtures/exports/intune-devices.json"])
        let devices = try inspect.standardOutput.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        func link(_ name: String) -> String {
            let device = devices.first { $0["name"] == .string(name) }
            return "\(device?["person"]?.string ?? "-") \(device?["linked_by"]?.string ?? "-")"
        }
        #expect(link("LAP-0193") == "daniela.herrera serial")  // enrolled with no primary user yet
        #expect(link("LAP-0191") == "mateo.silva email")  // he has not recorded its serial
        #expect(link("ACME-HP-0412") == "- -")

        let html = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "html"])
        #expect(html.status == 1)
        #expect(html.standardOutput.contains("<td><code>Fixtures/exports/entra-users.csv</code></td><td><code>entra-users-csv</code></td>"
                                             + "<td>entra acmeexample.onmicrosoft.com</td><td><code>2026-11-19T06:00:00Z</code></td><td class=\"num\">27</td>"
                                             + "<td>24 linked · 3 unlinked</td>"))
        #expect(html.standardOutput.contains("<td><code>Fixtures/exports/intune-devices.json</code></td><td><code>intune-devices</code></td>"
                                             + "<td>intune</td><td><code>2026-11-19T06:00:00Z</code></td><td class=\"num\">26</td><td>25 linked · 1 unlinked</td>"))
    }
}
