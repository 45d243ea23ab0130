import Foundation
import Testing
import ClearanceTestSupport

/// The Google Workspace and Entra ID formats named in `clearance.yaml`: read, linked and listed by `clearance sources`
/// (exit 0), and a missing column or field is exit 2 naming it at its place.
@Suite("Identity-provider sources")
struct IdentityProviderSourcesTests {
    /// A project of one person, Dana, with an Entra ID download and its registration details, and a Google Workspace download.
    static func project(entra: String = entra, google: String = google, googleJSON: String? = nil) -> TemporaryDirectory {
        let folder = TemporaryDirectory()
        var sources = """
            sources:
              - format: entra-users-csv
                file: exports/entra.csv
                mfa_registration: exports/mfa.json
                scope: acme.onmicrosoft.com
                generated_at: 2026-11-19T06:00:00Z
              - format: google-workspace-users-csv
                file: exports/google.csv
                generated_at: 2026-11-19T06:00:00Z

            """
        if let googleJSON {
            sources += "  - format: google-workspace-users\n    file: exports/google.json\n    generated_at: 2026-11-19T06:00:00Z\n"
            folder.write("exports/google.json", googleJSON)
        }
        folder.write("clearance.yaml", "policies: [\(CommandRunner.packageRoot.path)/Policies]\ninputs: [team]\n" + sources)
        folder.write("team/dana.yaml", "kind: TeamMember\nid: dana\nname: Dana K\nemail: dana@acme.com\nstatus: active\n")
        folder.write("exports/entra.csv", entra)
        folder.write("exports/mfa.json", """
            {"value": [{"id": "6e5a", "isAdmin": true, "isMfaRegistered": true, "methodsRegistered": ["fido2SecurityKey"]},
                       {"id": "6e5b", "isAdmin": false, "isMfaRegistered": false, "methodsRegistered": ["email"]}]}

            """)
        folder.write("exports/google.csv", google)
        return folder
    }

    static let entra = """
        userPrincipalName,displayName,mail,id,userType,accountEnabled,createdDateTime
        dana@acme.com,Dana Kim,dana@acme.com,6e5a,Member,True,10/27/2026 2:05:11 PM
        vendor#EXT#@acme.onmicrosoft.com,Vendor,vendor@partner.example,6e5b,Guest,True,

        """
    static let google = "Email Address [Required],Status [READ ONLY],Last Sign In [READ ONLY],2sv Enrolled [READ ONLY]\nDana@acme.com,Active,Never logged in,False\n"

    func run(_ arguments: [String], in folder: TemporaryDirectory) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: URL(fileURLWithPath: folder.path))
    }

    @Test func sourcesListsBothExportsAndTheGuestNobodyClaims() throws {
        let result = try run(["sources"], in: Self.project())
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("""
            exports/entra.csv · entra-users-csv · entra acme.onmicrosoft.com
              generated 2026-11-19T06:00:00Z · 2 records: 1 linked, 0 service, 1 unlinked, 0 ambiguous
            """))
        #expect(result.standardOutput.contains("exports/google.csv · google-workspace-users-csv · google-workspace\n"
                                               + "  generated 2026-11-19T06:00:00Z · 1 record: 1 linked, 0 service, 0 unlinked, 0 ambiguous\n"))
        #expect(result.standardOutput.contains("exports/entra.csv:3:1  unlinked  entra:acme.onmicrosoft.com:6e5b · login vendor#EXT#@acme.onmicrosoft.com · "
                                               + "vendor@partner.example · Vendor · active\n"))
        #expect(result.standardOutput.hasSuffix("2 sources, 3 records: 2 linked, 0 service, 1 unlinked, 0 ambiguous.\n"))
    }

    @Test func aMissingColumnIsExitTwoNamingIt() throws {
        let entra = Self.entra.replacingOccurrences(of: ",userType,", with: ",usertype,")
        let result = try run(["sources"], in: Self.project(entra: entra))
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            exports/entra.csv:1:1: the header has no column `userType`, which every Entra ID users download has (did you mean 'usertype'?)
            userPrincipalName,displayName,mail,id,usertype,accountEnabled,createdDateTime
            ^
            1 error; nothing was checked.

            """)
        let google = try run(["check"], in: Self.project(google: Self.google.replacingOccurrences(of: ",2sv Enrolled [READ ONLY]", with: "")))
        #expect(google.status == 2)
        #expect(google.standardError.hasPrefix("exports/google.csv:1:1: the header has no column `2sv Enrolled [READ ONLY]`, "
                                               + "which every Google Workspace users download has\n"))
    }

    @Test func aMissingFieldIsExitTwoNamingIt() throws {
        let result = try run(["sources"], in: Self.project(googleJSON: #"{"kind": "admin#directory#users", "users": [{"id": "1001", "suspended": false}]}"#))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("exports/google.json:1:45: user 1 has no `primaryEmail`\n"))
    }
}
