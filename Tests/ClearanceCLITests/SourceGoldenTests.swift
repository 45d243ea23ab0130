import Foundation
import Testing
import ClearanceTestSupport

/// Each sample export as the documents it becomes through its `sources:` entry in clearance.yaml (`clearance inspect FILE`),
/// linked to the sample team, compared with golden files whose every record was reviewed against `Fixtures/exports/README.md`.
@Suite("Sample exports")
struct SourceGoldenTests {
    @Test(arguments: [("aws-prod-credential-report.csv", "source-aws-iam-credential-report.jsonl"),
                      ("github-members.json", "source-github-org-members.jsonl"),
                      ("okta-users.json", "source-okta-users.jsonl"),
                      ("people.csv", "source-hris-roster.jsonl"),
                      ("entra-users.csv", "source-entra-users-csv.jsonl"),
                      ("intune-devices.json", "source-intune-devices.jsonl")])
    func theExportReadsAsItsEntrySays(file: String, golden: String) throws {
        let result = try CommandRunner.run(["inspect", "Fixtures/exports/" + file])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        Golden.expect(result.standardOutput, matches: golden)
    }

    /// A further file of a source is not an export of its own: read alone it is the JSON it holds.
    @Test func aFurtherFileIsReadAsJSON() throws {
        let result = try CommandRunner.run(["inspect", "Fixtures/exports/github-admins.json"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("[{\"login\":\"dhernandez\""))
        let registration = try CommandRunner.run(["inspect", "Fixtures/exports/entra-mfa-registration.json"])
        #expect(registration.status == 0)
        #expect(registration.standardOutput.hasPrefix("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/"))
    }
}
