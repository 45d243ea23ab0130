import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Foundation
import Testing
@testable import ClearancePolicy

/// The `google-workspace-users` format over the sample page of the Directory API and over small lists with one special value each.
@Suite("Google Workspace users format")
struct GoogleWorkspaceUsersFormatTests {
    typealias F = JSONSourceFixture
    let format = GoogleWorkspaceUsersFormat()
    /// Where the sample waits until `clearance.yaml` names it (a JSON file under `Fixtures/` that no source names is read as an input).
    static let samplePath = "Tests/ClearancePolicyTests/Resources/exports/google-users.json"

    func sample() throws -> (users: SourceFile, records: [ObservedRecord]) {
        let bytes = try FileReader.read(path: CommandRunner.packageRoot.path + "/" + Self.samplePath, limit: LoaderLimits.standard.maximumFileSize)
        let users = SourceFile(path: "google-users.json", text: bytes)
        return (users, try F.records(format, users))
    }

    func record(_ id: String, in records: [ObservedRecord]) throws -> ObservedRecord {
        try #require(records.first { $0.nativeID == id })
    }

    @Test func theSamplePageGivesEveryUserInOrder() throws {
        let (_, records) = try sample()
        #expect(records.count == 11)
        #expect(records.map(\.position) == Array(1...11))
        let statuses = Dictionary(grouping: records) { F.text(F.value($0, "status")!) }.mapValues(\.count)  // safe: every record has a status
        #expect(statuses == ["\"active\"": 8, "\"suspended\"": 2, "\"deprovisioned\"": 1])
    }

    @Test func anAdministratorIsReadWithEveryFieldAtItsNode() throws {
        let (users, records) = try sample()
        let lucia = try record("104857392018374650123", in: records)
        #expect(F.text(lucia) == """
            native_id: "104857392018374650123", login: "lucia.ramirez@example.com", email: "lucia.ramirez@example.com", \
            display_name: "Lucía Ramírez Ochoa", status: "active", interactive: true, privileged: true, root: false, guest: false, \
            mfa: {enabled: true, methods: [], phishing_resistant: null}, created: 2024-03-11T16:00:00Z, \
            last_seen: 2026-11-19T05:12:40Z, never_seen: false, credentials: []
            """)
        #expect(lucia.position == 3)
        #expect(users.location(offset: lucia.offset).line == 81)
        #expect(F.at(lucia, "native_id", in: users) == "83:13")
        #expect(F.at(lucia, "login", in: users) == "85:23")
        #expect(F.at(lucia, "display_name", in: users) == "89:21")
        #expect(F.at(lucia, "privileged", in: users) == "91:18")
        #expect(F.at(lucia, "last_seen", in: users) == "93:24")
        #expect(F.at(lucia, "created", in: users) == "94:23")
        #expect(F.at(lucia, "status", in: users) == "96:20")
        #expect(F.at(lucia, "mfa.enabled", in: users) == "109:26")
    }

    @Test func suspendedArchivedDeletedAndNeverSignedIn() throws {
        let (users, records) = try sample()
        func field(_ id: String, _ path: String) throws -> String { F.text(F.value(try record(id, in: records), path)!) }  // safe: every record has these
        // Camila: suspended.
        #expect(try field("104857392018374650127", "status") == "\"suspended\"")
        #expect(F.at(try record("104857392018374650127", in: records), "status", in: users) == "236:20")
        // Regina: archived, which cannot sign in either.
        #expect(try field("104857392018374650128", "status") == "\"suspended\"")
        #expect(F.at(try record("104857392018374650128", in: records), "status", in: users) == "276:19")
        // Héctor: deleted (listed with showDeleted=true).
        #expect(try field("104857392018374650129", "status") == "\"deprovisioned\"")
        #expect(F.at(try record("104857392018374650129", in: records), "status", in: users) == "323:23")
        #expect(try field("104857392018374650129", "last_seen") == "2026-09-30T21:10:12Z")
        // Mateo: the 1970 epoch is the API's "never".
        #expect(try field("104857392018374650130", "last_seen") == "null")
        #expect(try field("104857392018374650130", "never_seen") == "true")
        #expect(F.at(try record("104857392018374650130", in: records), "never_seen", in: users) == "337:24")
        #expect(try field("104857392018374650130", "mfa.enabled") == "false")
        // Diego: a delegated administrator is privileged; Marta, neither kind of administrator, is not.
        #expect(try field("104857392018374650122", "privileged") == "true")
        #expect(try field("104857392018374650121", "privileged") == "false")
    }

    @Test func absentOptionalFieldsAreUnknown() throws {
        let users = F.file("users.json", """
            [{"id": "1001", "primaryEmail": "dana@acme.com", "suspended": false, "name": {"givenName": "Dana", "familyName": "Kim"}},
             {"id": "1002", "primaryEmail": "lee@acme.com", "suspended": false, "archived": false, "isAdmin": false, "isDelegatedAdmin": true,
              "lastLoginTime": "1970-01-01T00:00:00Z", "deletionTime": null}]
            """)
        let records = try F.records(format, users)
        #expect(records.map(F.text) == [
            """
            native_id: "1001", login: "dana@acme.com", email: "dana@acme.com", display_name: "Dana Kim", status: "active", \
            interactive: true, privileged: null, root: false, guest: false, mfa: {enabled: null, methods: [], phishing_resistant: null}, \
            created: null, last_seen: null, never_seen: false, credentials: []
            """,
            """
            native_id: "1002", login: "lee@acme.com", email: "lee@acme.com", display_name: null, status: "active", \
            interactive: true, privileged: true, root: false, guest: false, mfa: {enabled: null, methods: [], phishing_resistant: null}, \
            created: null, last_seen: null, never_seen: true, credentials: []
            """,
        ])
        #expect(F.at(records[0], "display_name", in: users) == "1:92")
        #expect(F.at(records[1], "privileged", in: users) == "2:126")
    }

    @Test func aBareArrayAnArrayOfPagesAndAnEmptyPageAreRead() throws {
        let user = #"{"id": "1001", "primaryEmail": "dana@acme.com", "suspended": false}"#
        let other = #"{"id": "1002", "primaryEmail": "lee@acme.com", "suspended": true}"#
        #expect(try F.records(format, F.file("users.json", "[\(user), \(other)]")).map(\.nativeID) == ["1001", "1002"])
        let pages = F.file("users.json", """
            [{"kind": "admin#directory#users", "users": [\(user)], "nextPageToken": "x"},
             {"kind": "admin#directory#users", "users": [\(other)]},
             {"kind": "admin#directory#users"}]
            """)
        let records = try F.records(format, pages)
        #expect(records.map(\.nativeID) == ["1001", "1002"])
        #expect(records.map(\.position) == [1, 2])
        #expect(F.at(records[1], "status", in: pages) == "2:106")
        // The API leaves `users` out of a page with none.
        #expect(try F.records(format, F.file("users.json", #"{"kind": "admin#directory#users", "etag": "\"x\""}"#)).isEmpty)
        #expect(try F.records(format, F.file("users.json", "[]")).isEmpty)
    }

    @Test func aMissingOrMistypedFieldIsAnErrorNamingIt() {
        let users = F.file("users.json", """
            [{"primaryEmail": "dana@acme.com", "suspended": false},
             {"id": "1002", "suspended": false},
             {"id": "1003", "primaryEmail": "kim@acme.com", "suspended": "false"},
             {"id": "1004", "primaryEmail": "max@acme.com"},
             {"id": "1005", "primaryEmail": "eva@acme.com", "suspended": false, "lastLoginTime": "2026/08/27 15:15:08"},
             {"id": "1006", "primaryEmail": "ivo@acme.com", "suspended": false, "isAdmin": 1}]
            """)
        #expect(F.problems(format, users) == [
            "users.json:1:2: user 1 has no `id`",
            "users.json:2:2: user 2 has no `primaryEmail`",
            "users.json:3:62: `suspended` is a string; expected true or false",
            "users.json:4:2: user 4 has no `suspended`",
            "users.json:5:86: `lastLoginTime` is '2026/08/27 15:15:08', not an RFC 3339 date-time (2026-10-01T08:00:00.000Z)",
            "users.json:6:80: `isAdmin` is a number; expected true or false",
        ])
    }

    @Test func everyProblemIsReportedUpToTwenty() {
        let users = F.file("users.json", "[" + Array(repeating: #"{"primaryEmail": "dana@acme.com", "suspended": false}"#, count: 25).joined(separator: ",\n") + "]")
        let problems = F.problems(format, users)
        #expect(problems.count == 20)
        #expect(problems.last == "users.json:20:1: user 20 has no `id`")
    }

    @Test func aRecordThatIsNotAnObjectOrAUserListedTwiceIsAnError() {
        let users = F.file("users.json", """
            {"kind": "admin#directory#users", "users": [
              {"id": "1001", "primaryEmail": "dana@acme.com", "suspended": false},
              "1002",
              {"id": "1001", "primaryEmail": "dana2@acme.com", "suspended": false}]}
            """)
        #expect(F.problems(format, users) == [
            "users.json:3:3: user 2 is a string; expected an object",
            "users.json:4:10: the user id '1001' is listed twice",
        ])
        #expect(F.problems(format, F.file("users.json", #"{"kind": "admin#directory#users", "users": {"id": "1001"}}"#)) == [
            "users.json:1:44: `users` is an object; expected an array of users",
        ])
    }

    @Test func anEmptyFileIsAnError() {
        #expect(F.problems(format, F.file("users.json", "")) == [
            "users.json: the export is empty; expected a page of GET admin/directory/v1/users ({\"kind\": \"admin#directory#users\", \"users\": […]}), "
                + "a JSON array of users, or an array of such pages",
        ])
    }

    @Test func anotherFormatsExportSaysWhatItLooksLike() throws {
        let okta = try F.sample("okta-users.json")
        #expect(F.problems(format, okta) == [
            "okta-users.json:2:3: this looks like an Okta users list (format okta-users) rather than the users list google-workspace-users reads: "
                + "user 1 has no `primaryEmail` or `suspended`",
        ])
        let github = try F.sample("github-members.json")
        #expect(F.problems(format, github).first?.hasSuffix(
            "this looks like a GitHub members list (format github-org-members) rather than the users list google-workspace-users reads: "
                + "user 1 has no `primaryEmail` or `suspended`") == true)
        let csv = try F.sample("google-users.csv")
        #expect(F.problems(format, csv).first?.hasPrefix(
            "google-users.csv:1:1: the export is text that looks like Google Workspace's \"Download users\" CSV (format google-workspace-users-csv), not JSON; "
                + "expected a page of GET admin/directory/v1/users") == true)
        #expect(F.problems(format, F.file("users.json", #"{"@odata.context": "x", "value": []}"#)).first?.hasPrefix(
            "users.json:1:1: the export is a Microsoft Graph list ({\"value\": […]}); expected a page") == true)
        #expect(F.problems(format, F.file("users.json", #"{"kind": "admin#directory#user", "id": "1", "primaryEmail": "dana@acme.com", "suspended": false}"#))
            .first?.hasPrefix("users.json:1:1: the export is one user (GET users/{userKey}); expected a page") == true)
    }

    @Test func theSampleLinksToTheTeamByEmail() throws {
        let loaded = try SampleTeam.load(format: "google-workspace-users", file: Self.samplePath)
        let roots = loaded.documents.dropLast().map(\.root)
        #expect(roots.map { $0["person"]?.string ?? "-" } == [
            "marta.ruiz", "diego.hernandez", "lucia.ramirez", "ana.lopez", "jorge.castillo", "tomas.vega", "camila.reyes", "regina.salinas",
            "hector.jimenez", "mateo.silva", "-",
        ])
        #expect(roots[0]["id"]?.string == "google-workspace::104857392018374650121")
        #expect(roots[0]["linked_by"]?.string == "email")
        #expect(roots[0]["link"]?.location.description == CommandRunner.packageRoot.path + "/" + Self.samplePath + ":9:23")
        #expect(roots[10]["email"]?.string == "roberto.diaz@example.com")
        #expect(loaded.summary.links == ["linked": 10, "unlinked": 1])
        for document in loaded.documents.dropLast() {
            #expect(ShapeChecker(check: .all).problems(document.root, .object(ObservedShapes.account), name: "Account").map(\.description) == [])
        }
    }
}
