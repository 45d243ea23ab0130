import Foundation
import Testing
import ClearanceTestSupport

/// Every format refuses, with exit 2 and a message at its place, an empty export, an export missing a column or field
/// every such export has, and another format's export (naming the format it looks like), as `clearance inspect --format`
/// reads them outside any project.
@Suite("Format refusals")
struct FormatRefusalTests {
    /// One format's cases: the other format's export (from the test exports) and the format it must be told as, then an
    /// export lacking a required column or field and the words that name it.
    struct Case: Sendable, CustomTestStringConvertible {
        let format: String
        let otherFile: String, otherFormat: String
        let missingText: String, missingMessage: String
        var testDescription: String { format }
    }

    static let awsHeader = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
        + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date"

    static let cases: [Case] = [
        Case(format: "aws-iam-credential-report", otherFile: "google-users.csv", otherFormat: "google-workspace-users-csv",
             missingText: awsHeader + "\n", missingMessage: "export.txt:1:1: the header has no column `mfa_active`, which every credential report has"),
        Case(format: "hris-roster", otherFile: "entra-users.csv", otherFormat: "entra-users-csv",
             missingText: "employee_id,work_email,status\n1,a@acme.com,active\n",
             missingMessage: "export.txt:1:1: the header has no column `termination_date`, the preset generic's column for `termination_date`"),
        Case(format: "github-org-members", otherFile: "baton-grants.json", otherFormat: "baton-grants",
             missingText: "[{\"id\": 1}]", missingMessage: "export.txt:1:2: member 1 has no `login`"),
        Case(format: "okta-users", otherFile: "google-users.json", otherFormat: "google-workspace-users",
             missingText: "[{\"id\": \"00u1\", \"status\": \"ACTIVE\", \"profile\": {}}]", missingMessage: "export.txt:1:2: user 1 has no `profile.login`"),
        Case(format: "google-workspace-users-csv", otherFile: "atlassian-users.csv", otherFormat: "atlassian-users-csv",
             missingText: "First Name [Required],Last Name [Required],Email Address [Required]\nA,B,a@acme.com\n",
             missingMessage: "export.txt:1:1: the header has no column `Status [READ ONLY]`"),
        Case(format: "google-workspace-users", otherFile: "intune-devices.json", otherFormat: "intune-devices",
             missingText: "[{\"id\": \"1\", \"primaryEmail\": \"a@acme.com\"}]", missingMessage: "export.txt:1:2: user 1 has no `suspended`"),
        Case(format: "entra-users-csv", otherFile: "google-users.csv", otherFormat: "google-workspace-users-csv",
             missingText: "id,userPrincipalName,mail,accountEnabled\n1,a@acme.com,a@acme.com,True\n",
             missingMessage: "export.txt:1:1: the header has no column `userType`"),
        Case(format: "atlassian-users-csv", otherFile: "baton-export.csv", otherFormat: "baton-csv",
             missingText: "User id,email\n1,a@acme.com\n", missingMessage: "export.txt:1:1: the header has no column `User status`"),
        Case(format: "jamf-computers", otherFile: "intune-devices.json", otherFormat: "intune-devices",
             missingText: "{\"results\": [{\"general\": {\"name\": \"x\"}, \"hardware\": {\"serialNumber\": \"S1\"}}]}",
             missingMessage: "export.txt:1:14: computer 1 has no `general.remoteManagement.managed`"),
        Case(format: "intune-devices", otherFile: "jamf-computers.json", otherFormat: "jamf-computers",
             missingText: "{\"value\": [{\"serialNumber\": \"S1\"}]}", missingMessage: "export.txt:1:12: device 1 has no `complianceState`"),
        Case(format: "baton-grants", otherFile: "okta-users.json", otherFormat: "okta-users",
             missingText: "{\"grants\": [{\"grant\": {}, \"principal\": {\"id\": {\"resource\": \"U1\"}, \"annotations\": "
                + "[{\"@type\": \"type.googleapis.com/c1.connector.v2.UserTrait\"}]}}]}",
             missingMessage: "export.txt:1:13: grant 1 has no `entitlement.id`"),
        Case(format: "baton-csv", otherFile: "entra-users.csv", otherFormat: "entra-users-csv",
             missingText: "Type,User ID,User Status,Email Address,Entitlement\nIdentity,U1,Enabled,a@acme.com,\n",
             missingMessage: "export.txt:1:1: the header has no column `Entitlement Slug`"),
    ]

    /// Runs `clearance inspect --format` over `text` written as `export.txt` (or over the test export `file`).
    func inspect(_ format: String, text: String? = nil, file: String? = nil) throws -> CommandRunner.Result {
        let folder = TemporaryDirectory()
        let name = file ?? "export.txt"
        if let file {
            let exports = CommandRunner.packageRoot.appendingPathComponent("Tests/ClearancePolicyTests/Resources/exports")
            let fixtures = CommandRunner.packageRoot.appendingPathComponent("Fixtures/exports")
            let source = FileManager.default.fileExists(atPath: exports.appendingPathComponent(file).path) ? exports : fixtures
            folder.write(file, Array(try Data(contentsOf: source.appendingPathComponent(file))))
        } else {
            folder.write(name, text ?? "")
        }
        let system = format.hasPrefix("baton") ? ["--system", "slack"] : []
        return try CommandRunner.run(["inspect", "--format", format, "--generated-at", "2026-11-19T06:00:00Z", "--scope", "acme"] + system + [name],
                                     in: URL(fileURLWithPath: folder.path))
    }

    @Test(arguments: cases) func anEmptyExportIsExitTwo(_ format: Case) throws {
        let result = try inspect(format.format, text: "")
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("export.txt"))
        #expect(result.standardError.contains("the export is empty"))
    }

    @Test(arguments: cases) func aMissingColumnOrFieldIsExitTwoNamingIt(_ format: Case) throws {
        let result = try inspect(format.format, text: format.missingText)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains(format.missingMessage))
    }

    @Test(arguments: cases) func anotherFormatsExportIsToldAsThatFormat(_ format: Case) throws {
        let result = try inspect(format.format, file: format.otherFile)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("\(format.otherFile):1:") || result.standardError.contains("\(format.otherFile):2:"))
        #expect(result.standardError.contains("this looks like "))
        #expect(result.standardError.contains("(format \(format.otherFormat))"))
    }
}
