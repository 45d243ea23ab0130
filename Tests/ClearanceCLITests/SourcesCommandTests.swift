import Foundation
import Testing
import ClearanceTestSupport

/// `clearance sources` and `clearance inspect --format`: listings of vendors' exports that exit 0 when everything was read
/// and 2 when anything could not be, with the exports' places.
@Suite("clearance sources and inspect --format")
struct SourcesCommandTests {
    /// A project of one person, Dana, who claims the IAM user `dana`, with `sources` as given (the packs of the repository).
    static func project(sources: String) -> TemporaryDirectory {
        let folder = TemporaryDirectory()
        folder.write("clearance.yaml", "policies: [\(CommandRunner.packageRoot.path)/Policies]\ninputs: [team]\n" + sources)
        folder.write("team/dana.yaml", """
            kind: TeamMember
            id: dana
            name: Dana K
            email: dana@acme.com
            status: active
            accounts: {aws: dana}

            """)
        return folder
    }

    /// The credential report of EXPORTS.md (A1): the root account and Dana's user.
    static let credentialReport = """
        user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
        <root_account>,arn:aws:iam::111122223333:root,2021-03-01T10:00:00+00:00,not_supported,2026-09-30T08:12:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        dana,arn:aws:iam::111122223333:user/dana,2024-05-02T09:00:00+00:00,true,no_information,2024-05-02T09:01:00+00:00,N/A,false,true,2024-05-02T09:05:00+00:00,2026-10-01T14:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A

        """

    static let awsSource = """
        sources:
          - format: aws-iam-credential-report
            file: exports/aws.csv
            scope: "111122223333"
            generated_at: 2026-11-19T06:00:00Z

        """

    func run(_ arguments: [String], in folder: TemporaryDirectory) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: URL(fileURLWithPath: folder.path))
    }

    @Test func withoutSourcesItSaysSoAndExitsZero() throws {
        let folder = Self.project(sources: "")
        let text = try run(["sources"], in: folder)
        #expect(text.status == 0)
        #expect(text.standardOutput == "No sources: clearance.yaml lists no vendor's export under `sources`.\n")
        let json = try run(["sources", "--format", "json"], in: folder)
        #expect(json.status == 0)
        #expect(json.standardOutput == "{\n  \"sources\": [],\n  \"records\": []\n}\n")
    }

    @Test func anExportThatCannotBeReadIsExitTwoAtItsEntry() throws {
        let folder = Self.project(sources: Self.awsSource)
        let result = try run(["sources"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            clearance.yaml:5:11: exports/aws.csv: cannot read: no such file or directory
                file: exports/aws.csv
                      ^
            1 error; nothing was checked.

            """)
    }

    @Test func anUnknownOutputFormatIsExitTwo() throws {
        let result = try run(["sources", "--format", "jsno"], in: Self.project(sources: ""))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --format must be text or json; got 'jsno' (did you mean 'json'?)\n"))
    }

    @Test func theFormatsAreListedWithTheirKindsAndSystems() throws {
        let result = try run(["sources", "--formats"], in: Self.project(sources: ""))
        #expect(result.status == 0)
        let names = result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != " " }) }
        #expect(names == ["aws-iam-credential-report", "github-org-members", "okta-users", "hris-roster", "google-workspace-users-csv", "google-workspace-users",
                          "entra-users-csv", "atlassian-users-csv", "jamf-computers", "intune-devices", "baton-grants", "baton-csv"])
        #expect(result.standardOutput.contains("baton-grants  the grants of a ConductorOne baton connector's sync: the JSON of `baton grants -o json`\n"
                                               + "  records: Account · system: the entry's `system:` (required)\n"
                                               + "  option  privileged: the entitlements whose grants make an account privileged: "
                                               + "{purposes: [ownership], slugs: [admin], entitlements: [<id>]}\n"))
        #expect(result.standardOutput.contains("  records: Employment · system: hris (unless `system:` names another)\n"))
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(try run(["sources", "--formats", "--format", "json"], in: Self.project(sources: "")).standardOutput.utf8))
        #expect(json.array?.map { "\($0["name"]?.string ?? "") \($0["records"]?.string ?? "") \($0["system"]?.string ?? "")" } == [
            "aws-iam-credential-report Account aws", "github-org-members Account github", "okta-users Account okta", "hris-roster Employment hris",
            "google-workspace-users-csv Account google-workspace", "google-workspace-users Account google-workspace", "entra-users-csv Account entra", "atlassian-users-csv Account atlassian",
            "jamf-computers ManagedDevice jamf", "intune-devices ManagedDevice intune", "baton-grants Account ", "baton-csv Account ",
        ])
    }

    @Test func inspectWithAnUnknownFormatIsExitTwoNamingTheKnownOnes() throws {
        let result = try run(["inspect", "--format", "aws-iam-credentials-report", "x.csv"], in: Self.project(sources: ""))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: unknown source format 'aws-iam-credentials-report' (did you mean 'aws-iam-credential-report'?); "
                                               + "known: aws-iam-credential-report, github-org-members, okta-users, hris-roster, google-workspace-users-csv, "
                                               + "google-workspace-users, entra-users-csv, atlassian-users-csv, jamf-computers, intune-devices, baton-grants, baton-csv\n"))
    }

    @Test func inspectOptionsOfAnExportNeedTheFormat() throws {
        let result = try run(["inspect", "--scope", "acme", "team/dana.yaml"], in: Self.project(sources: ""))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --scope needs --format: it describes a vendor's export\n"))
        let unknownKey = try run(["inspect", "--format", "aws-iam-credential-report", "--with", "admins=a.json", "x.csv"], in: Self.project(sources: ""))
        #expect(unknownKey.status == 2)
        #expect(unknownKey.standardError.hasPrefix("Error: format aws-iam-credential-report does not read `admins`"))
        let badTime = try run(["inspect", "--format", "aws-iam-credential-report", "--generated-at", "yesterday", "x.csv"], in: Self.project(sources: ""))
        #expect(badTime.status == 2)
        #expect(badTime.standardError.hasPrefix("Error: --generated-at must be a date (2026-11-19) or an RFC 3339 date-time (2026-11-19T06:00:00Z); got 'yesterday'\n"))
    }

    @Test func inspectOfAMissingExportIsExitTwo() throws {
        let result = try run(["inspect", "--format", "aws-iam-credential-report", "--generated-at", "2026-11-19", "nowhere.csv"], in: Self.project(sources: ""))
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "nowhere.csv: cannot read: no such file or directory\n")
    }

    // The tests below read a real export; they need the formats, which are written apart from this command.

    @Test func sourcesListsTheCredentialReportAndItsRootAccount() throws {
        let folder = Self.project(sources: Self.awsSource)
        folder.write("exports/aws.csv", Self.credentialReport)
        let result = try run(["sources"], in: folder)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "exports/aws.csv · aws-iam-credential-report · aws 111122223333")
        #expect(lines.contains("  generated 2026-11-19T06:00:00Z · 2 records: 1 linked, 0 service, 1 unlinked, 0 ambiguous"))
        #expect(lines.contains { $0.hasPrefix("exports/aws.csv:2:1  unlinked  ") })  // the root account, at its row
        #expect(lines.contains("    the system's root account: it is no one's and links to no one; guard it with MFA and no access keys"))
        #expect(lines.last { !$0.isEmpty } == "1 source, 2 records: 1 linked, 0 service, 1 unlinked, 0 ambiguous.")
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(try run(["sources", "--format", "json"], in: folder).standardOutput.utf8))
        #expect(json["sources"]?.array?.first?["records"] == .number(2))
        #expect(json["records"]?.array?.map { $0["location"]?["line"] } == [.number(2)])
    }

    @Test func inspectPrintsTheAccountsAnExportBecomesLinkedToTheProject() throws {
        let folder = Self.project(sources: "")
        folder.write("exports/aws.csv", Self.credentialReport)
        let result = try run(["inspect", "--format", "aws-iam-credential-report", "--scope", "111122223333", "--generated-at", "2026-11-19T06:00:00Z",
                              "exports/aws.csv"], in: folder)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let documents = try result.standardOutput.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        #expect(documents.map { $0["kind"]?.string ?? "" } == ["Account", "Account", "Source"])
        #expect(documents[1]["person"] == .string("dana"))  // linked by the member's `accounts`
        #expect(documents[1]["link"] == .string("linked"))
        #expect(documents[0]["link"] == .string("unlinked"))
        #expect(documents[2]["generated_at"] == .string("2026-11-19T06:00:00Z"))
        #expect(documents[2]["records"] == .number(2))
    }

    @Test func aPersonsChecklistListsTheAccountsObservedForThem() throws {
        let folder = Self.project(sources: Self.awsSource)
        folder.write("exports/aws.csv", Self.credentialReport)
        let result = try run(["checklist", "dana", "--as-of", "2026-11-20"], in: folder)
        #expect(result.status != 2, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex(of: "Accounts observed in the sources"))
        #expect(lines.count > heading + 3)
        #expect(lines[heading + 1] == "  aws 111122223333")
        #expect(lines[heading + 2].hasPrefix("    dana             active · MFA off · last seen "))  // when, as the format reads the row
        #expect(lines[heading + 3] == "      exports/aws.csv:3:1")
    }
}
