import Foundation
import Testing
import ClearanceTestSupport

/// The sample team with its vendors' exports (`sources:` in clearance.yaml): the audit reconciles what AWS, GitHub, Okta and
/// the HR roster say with what the team files declare, each finding at the cell or node that decided it.
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
            "OBS-03 github:acme:88014362 Fixtures/exports/github-members.json:87:14",  // listed as 2FA-disabled
            "OBS-01 github:acme:102338476 Fixtures/exports/github-members.json:158:3",
            "OBS-02 github:acme:71839205 Fixtures/exports/github-members.json:182:3",
            "OBS-02 okta:acme:00uQH1f4BCJUMdFkGdTj Fixtures/exports/okta-users.json:396:15",  // at its ACTIVE status
            "OBS-03 okta:acme:00u6LtvlSoJbzt5hRFSU Fixtures/exports/okta-users.json:423:11",
            "OBS-05 okta:acme:00uUzLBMiZpXrjimzeVk Fixtures/exports/okta-users.json:509:18",  // at lastLogin
            "OBS-02 okta:acme:00uf7yswXaKlSGuN11fb Fixtures/exports/okta-users.json:645:15",
            "OBS-01 okta:acme:00u4rD1azQ7wQmn2KhTs Fixtures/exports/okta-users.json:699:3",
            "OBS-07 hris:acme:E-1010 Fixtures/exports/people.csv:11:1",  // HR says she left; the team file says active
            "OBS-08 hris:acme:E-1014 Fixtures/exports/people.csv:15:1",  // a person the team files do not know
        ])
        // Every finding of the team files is the same with or without the exports.
        let teamAlone = SampleProjectCopy()
        #expect(teamAlone.removeSources())
        let plain = try teamAlone.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        #expect(plain.status == 1)
        let plainFindings = try #require((try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let declared = findings.filter { ($0["kind"] as? String) == "TeamMember" }.map { "\($0["rule"] ?? "") \($0["subject"] ?? "") \($0["status"] ?? "")" }
        #expect(declared == plainFindings.filter { ($0["kind"] as? String) == "TeamMember" }.map { "\($0["rule"] ?? "") \($0["subject"] ?? "") \($0["status"] ?? "")" })
        let sources = try #require((report["evidence"] as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(sources.count == 4)
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
        #expect(try failing(["Fixtures/exports"]).filter { $0.hasPrefix("OBS-") }.count == 18)
        #expect(try failing(["Fixtures/team/tomas.vega.yaml"]).allSatisfy { !$0.hasPrefix("OBS-") })
    }
}
