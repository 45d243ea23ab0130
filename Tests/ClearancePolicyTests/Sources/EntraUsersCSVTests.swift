import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Foundation
import Testing
@testable import ClearancePolicy

/// The `entra-users-csv` format: Entra ID's "Download users" rows as Account records, with the MFA registration of
/// `userRegistrationDetails` when the entry names it.
@Suite("Entra ID users CSV")
struct EntraUsersCSVTests {
    typealias F = JSONSourceFixture
    let format = EntraUsersCSVFormat()
    /// The sample tenant's registration details, which the sample `clearance.yaml` names with `entra-users.csv`.
    static let registrationPath = "Fixtures/exports/entra-mfa-registration.json"
    static let header = "userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,accountEnabled,usageLocation,streetAddress,"
        + "state,country,officeLocation,city,postalCode,telephoneNumber,mobilePhone,alternateEmailAddress,ageGroup,consentProvidedForMinor,"
        + "legalAgeGroupClassification,companyName,creationType,directorySynced,invitationState,identityIssuer,createdDateTime"
    /// A row of `header` with the cells given by column name (the others empty).
    static func row(_ cells: [String: String], header: String = header) -> String {
        header.split(separator: ",").map { cells[String($0)] ?? "" }.joined(separator: ",")
    }
    static let dana = ["userPrincipalName": "dana@acme.com", "displayName": "Dana Kim", "mail": "dana@acme.com", "id": "6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a11",
                       "userType": "Member", "accountEnabled": "True", "createdDateTime": "10/27/2026 2:05:11 PM"]
    static let vendor = ["userPrincipalName": "vendor#EXT#@acme.onmicrosoft.com", "displayName": "Vendor", "mail": "vendor@partner.example",
                         "id": "6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a12", "userType": "Guest", "accountEnabled": "False", "createdDateTime": "2026-09-01T10:00:00Z",
                         "creationType": "Invitation"]
    /// The two users of EXPORTS.md's registration sample (A5), as the download lists them.
    static let users = header + "\n" + row(dana) + "\n" + row(vendor) + "\n"
    /// EXPORTS.md's registration sample (A5): its rows have no `id`, so they link by userPrincipalName.
    static let registration = """
        [{"userPrincipalName":"dana@acme.com","userType":"member","isAdmin":false,"isMfaRegistered":true,"isMfaCapable":true,"methodsRegistered":["microsoftAuthenticatorPush","fido2SecurityKey"],"lastUpdatedDateTime":"2026-10-01T00:00:00Z"},
         {"userPrincipalName":"vendor#EXT#@acme.onmicrosoft.com","userType":"guest","isAdmin":false,"isMfaRegistered":false,"isMfaCapable":false,"methodsRegistered":["email"],"lastUpdatedDateTime":"2026-10-01T00:00:00Z"}]
        """

    func records(_ users: String, registration: String? = nil) throws -> [ObservedRecord] {
        try F.records(format, F.file("users.csv", users), extras: registration.map { ["mfa_registration": F.file("mfa.json", $0)] } ?? [:])
    }

    func problems(_ users: String, registration: String? = nil) -> [String] {
        F.problems(format, F.file("users.csv", users), extras: registration.map { ["mfa_registration": F.file("mfa.json", $0)] } ?? [:])
    }

    @Test func readsTheDocumentedSample() throws {
        let records = try records(Self.users, registration: Self.registration)
        #expect(records.map(F.text) == [
            """
            native_id: "6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a11", login: "dana@acme.com", email: "dana@acme.com", display_name: "Dana Kim", \
            status: "active", interactive: true, privileged: false, root: false, guest: false, \
            mfa: {enabled: true, methods: ["microsoftAuthenticatorPush", "fido2SecurityKey"], phishing_resistant: true}, \
            created: 2026-10-27T14:05:11Z, last_seen: null, never_seen: false, credentials: []
            """,
            """
            native_id: "6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a12", login: "vendor#EXT#@acme.onmicrosoft.com", email: "vendor@partner.example", \
            display_name: "Vendor", status: "suspended", interactive: true, privileged: false, root: false, guest: true, \
            mfa: {enabled: false, methods: ["email"], phishing_resistant: false}, \
            created: 2026-09-01T10:00:00Z, last_seen: null, never_seen: false, credentials: []
            """,
        ])
        #expect(records.map(\.position) == [2, 3])
        let file = F.file("users.csv", Self.users)
        #expect(F.at(records[1], "native_id", in: file) == "3:66")
        #expect(F.at(records[1], "login", in: file) == "3:1")
        #expect(F.at(records[1], "guest", in: file) == "3:103")
        #expect(F.at(records[1], "status", in: file) == "3:111")
        #expect(F.at(records[1], "created", in: file) == "3:145")
        // What the registration file says is located at the user's id in the download.
        #expect(F.at(records[1], "mfa.enabled", in: file) == "3:66")
        #expect(F.at(records[1], "privileged", in: file) == "3:66")
    }

    @Test func withoutTheRegistrationFileMFAAndPrivilegeAreUnknown() throws {
        let records = try records(Self.users)
        #expect(records.map { F.text(F.value($0, "mfa")!) } == [  // safe: every record has mfa
            "{enabled: null, methods: [], phishing_resistant: null}", "{enabled: null, methods: [], phishing_resistant: null}",
        ])
        #expect(records.map { F.text(F.value($0, "privileged")!) } == ["null", "null"])  // safe: every record has privileged
    }

    @Test func theSampleTenantWithItsRegistrationDetails() throws {
        let root = CommandRunner.packageRoot.path
        let users = try F.sample("entra-users.csv")
        let registration = SourceFile(path: "entra-mfa-registration.json",
                                      text: try FileReader.read(path: root + "/" + Self.registrationPath, limit: LoaderLimits.standard.maximumFileSize))
        let records = try F.records(format, users, extras: ["mfa_registration": registration])
        #expect(records.count == 27)
        func record(_ login: String) throws -> ObservedRecord { try #require(records.first { $0.string("login") == login }) }
        func field(_ login: String, _ path: String) throws -> String { F.text(F.value(try record(login), path)!) }  // safe: every record has these
        #expect(F.text(try record("marta.ruiz@example.com")) == """
            native_id: "3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e01", login: "marta.ruiz@example.com", email: "marta.ruiz@example.com", \
            display_name: "Marta Ruiz Salazar", status: "active", interactive: true, privileged: true, root: false, guest: false, \
            mfa: {enabled: true, methods: ["microsoftAuthenticatorPush", "fido2SecurityKey"], phishing_resistant: true}, \
            created: 2025-09-01T14:40:00Z, last_seen: null, never_seen: false, credentials: []
            """)
        #expect(F.at(try record("marta.ruiz@example.com"), "native_id", in: users) == "2:85")
        #expect(F.at(try record("marta.ruiz@example.com"), "created", in: users) == "2:228")
        // Diego: an administrator with push and a one-time code, neither of which resists phishing.
        #expect(try field("diego.hernandez@example.com", "mfa") == "{enabled: true, methods: [\"microsoftAuthenticatorPush\", \"softwareOneTimePasscode\"], phishing_resistant: false}")
        #expect(try field("diego.hernandez@example.com", "privileged") == "true")
        // Lucía: a device-bound passkey and Windows Hello.
        #expect(try field("lucia.ramirez@example.com", "mfa.phishing_resistant") == "true")
        // Jorge: email and a security question are no second factor.
        #expect(try field("jorge.castillo@example.com", "mfa") == "{enabled: false, methods: [\"email\", \"securityQuestion\"], phishing_resistant: false}")
        // Camila: disabled.
        #expect(try field("camila.reyes@example.com", "status") == "\"suspended\"")
        #expect(F.at(try record("camila.reyes@example.com"), "status", in: users) == "8:169")
        // Isabel: no method registered yet.
        #expect(try field("isabel.cruz@example.com", "mfa") == "{enabled: false, methods: [], phishing_resistant: false}")
        // Lena: a guest, created in the admin center's en-US form.
        let lena = "lena.fischer_partner.example#EXT#@acmeexample.onmicrosoft.com"
        #expect(try field(lena, "guest") == "true")
        #expect(try field(lena, "email") == "\"lena.fischer@partner.example\"")
        #expect(try field(lena, "created") == "2026-10-27T14:05:11Z")
        // svc-backup: no mail, and no creation time (an empty cell).
        #expect(try field("svc-backup@example.com", "email") == "null")
        #expect(try field("svc-backup@example.com", "created") == "null")
        #expect(F.at(try record("svc-backup@example.com"), "created", in: users) == "12:165")
    }

    @Test func olderDownloadsNameTheIdObjectIdAndExtraColumnsAreIgnored() throws {
        let header = "objectId,userPrincipalName,displayName,mail,userType,accountEnabled,Note"
        let text = header + "\n" + Self.row(["objectId": "7f1e", "userPrincipalName": "dana@acme.com", "displayName": "=1+3", "mail": "",
                                             "userType": "member", "accountEnabled": "true", "Note": "=HYPERLINK(\"x\")"], header: header) + "\n"
        let dana = try #require(try records(text).first)
        #expect(dana.nativeID == "7f1e")
        // A cell that looks like a formula is text.
        #expect(F.text(F.value(dana, "display_name")!) == "\"=1+3\"")  // safe: every record has a display name
        #expect(F.text(F.value(dana, "email")!) == "null")  // safe: as above
        #expect(F.text(F.value(dana, "created")!) == "null")  // safe: as above
        #expect(F.at(dana, "created", in: F.file("users.csv", text)) == "2:1")
    }

    @Test func aMissingColumnIsAnErrorAtTheHeader() {
        let header = "userPrincipalName,displayName,mail,userTyp,accountEnabled"
        #expect(problems(header + "\n") == [
            "users.csv:1:1: the header has no column `id` or `objectId`, which every Entra ID users download has",
            "users.csv:1:1: the header has no column `userType`, which every Entra ID users download has (did you mean 'userTyp'?)",
        ])
        #expect(problems(Self.header + ",mail\n") == ["users.csv:1:373: the header names the column `mail` twice; which one to read is not clear"])
    }

    @Test func aRowOfAnotherLengthIsMalformedAndAnEmptyExportHasNoHeader() throws {
        #expect(problems(Self.users + "dana@acme.com,Dana\n") == [
            "users.csv:4:1: a malformed row: it has 2 cells and the header 29; every row has one cell per column",
        ])
        #expect(problems("") == [
            "users.csv:1:1: the export is empty: it has no header line; an Entra ID users download starts with the header `userPrincipalName,displayName,…`",
        ])
        #expect(try records(Self.header + "\n").isEmpty)
    }

    @Test func aBadValueIsAnErrorAtItsCell() {
        func problems(_ changes: [String: String]) -> [String] { self.problems(Self.header + "\n" + Self.row(Self.dana.merging(changes) { $1 }) + "\n") }
        #expect(problems(["userType": "External"]) == ["users.csv:2:77: `userType` must be Member or Guest; found 'External'"])
        #expect(problems(["accountEnabled": "Yes"]) == ["users.csv:2:86: `accountEnabled` must be true or false; found 'Yes'"])
        let expected = "`createdDateTime` must be a time such as 2026-10-27T14:05:11Z or 10/27/2026 2:05:11 PM (UTC), or nothing for none; found"
        #expect(problems(["createdDateTime": "27/10/2026 14:05"]) == ["users.csv:2:109: \(expected) '27/10/2026 14:05'"])
        #expect(problems(["createdDateTime": "2/30/2026 1:00:00 PM"]) == [
            "users.csv:2:109: \(expected) '2/30/2026 1:00:00 PM' (day 30 does not exist in February 2026, which has 28 days)",
        ])
        #expect(problems(["createdDateTime": "10/27/2026 13:05:11 PM"]) == ["users.csv:2:109: \(expected) '10/27/2026 13:05:11 PM' (hour 13 is out of range 1-12)"])
        #expect(problems(["id": ""]) == ["users.csv:2:40: `id` is empty; every row has the user's object id"])
        #expect(problems(["userPrincipalName": ""]) == ["users.csv:2:1: `userPrincipalName` is empty; every row has the user's sign-in name"])
        #expect(self.problems(Self.users + Self.row(Self.dana) + "\n") == [
            "users.csv:4:40: a second record with the id '6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a11'; each record of an export has its own",
        ])
    }

    @Test func theRegistrationFileMustCoverExactlyTheUsers() {
        let registration = """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails", "value": [
              {"id": "6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a11", "isMfaRegistered": true, "methodsRegistered": ["mobilePhone"]},
              {"userPrincipalName": "lee@acme.com", "isMfaRegistered": true, "methodsRegistered": []},
              {"id": "6E5A0C33-1B7A-4F0E-9D55-0A4C2E9B1A11", "isMfaRegistered": false, "methodsRegistered": []},
              {"isMfaRegistered": false, "methodsRegistered": []}]}
            """
        #expect(problems(Self.users, registration: registration) == [
            "mfa.json:3:25: registration details of 'lee@acme.com', who is not a user in 'users.csv'; export the files of one source together",
            "mfa.json:4:10: the registration details of '6E5A0C33-1B7A-4F0E-9D55-0A4C2E9B1A11' are listed twice",
            "mfa.json:5:3: registration 4 has no `id` or `userPrincipalName`",
        ])
        let one = #"[{"id": "6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a11", "isMfaRegistered": true, "methodsRegistered": ["mobilePhone"]}]"#
        #expect(problems(Self.users, registration: one) == [
            "users.csv:3:66: the user '6e5a0c33-1b7a-4f0e-9d55-0a4c2e9b1a12' has no row in the registration file 'mfa.json'; export the registration details of every user",
        ])
    }

    @Test func aMissingOrMistypedRegistrationFieldIsAnError() {
        let registration = """
            [{"userPrincipalName": "dana@acme.com", "methodsRegistered": []},
             {"userPrincipalName": "vendor#EXT#@acme.onmicrosoft.com", "isMfaRegistered": "false", "methodsRegistered": "email", "isAdmin": null}]
            """
        #expect(problems(Self.users, registration: registration) == [
            "mfa.json:1:2: registration 1 has no `isMfaRegistered`",
            "mfa.json:2:79: `isMfaRegistered` is a string; expected true or false",
            "mfa.json:2:109: `methodsRegistered` is a string; expected an array of strings",
        ])
        #expect(problems(Self.users, registration: #"{"00u1a": []}"#) == [
            "mfa.json:1:1: the registration file is an object with no `value`; expected a JSON array of userRegistrationDetails "
                + "(GET /reports/authenticationMethods/userRegistrationDetails), Graph's {\"value\": […]}, or an array of such pages",
        ])
        #expect(problems(Self.users, registration: "") == [
            "mfa.json: the export is empty; expected a JSON array of userRegistrationDetails (GET /reports/authenticationMethods/userRegistrationDetails), "
                + "Graph's {\"value\": […]}, or an array of such pages",
        ])
    }

    @Test func anotherFormatsExportSaysWhatItLooksLike() throws {
        let google = try F.sample("google-users.csv")
        #expect(F.problems(format, google) == [
            "google-users.csv:1:1: this looks like Google Workspace's \"Download users\" CSV (format google-workspace-users-csv) rather than the export "
                + "entra-users-csv reads: the header has no column `id` or `objectId`, `userPrincipalName`, `mail`, `userType` or `accountEnabled`",
        ])
        #expect(F.problems(format, try F.sample("people.csv")).first?.hasPrefix(
            "people.csv:1:1: this looks like an HR roster (format hris-roster) rather than the export entra-users-csv reads") == true)
    }

    @Test func theSampleLinksToTheTeamByEmail() throws {
        let loaded = try SampleTeam.load(format: "entra-users-csv", file: "Fixtures/exports/entra-users.csv", extras: ["mfa_registration": Self.registrationPath])
        let roots = loaded.documents.dropLast().map(\.root)
        #expect(roots.map { $0["person"]?.string ?? "-" } == [
            "marta.ruiz", "diego.hernandez", "lucia.ramirez", "ana.lopez", "jorge.castillo", "tomas.vega", "camila.reyes", "isabel.cruz", "-", "-", "-",
            "sofia.martinez", "emilio.navarro", "valeria.gutierrez", "ricardo.flores", "fernanda.ortiz", "andres.morales", "paola.sanchez", "mateo.silva",
            "luis.mendoza", "gabriela.rios", "alejandro.torres", "regina.salinas", "carlos.ibarra", "natalia.pena", "santiago.leon", "ximena.ortega",
        ])
        #expect(roots[0]["id"]?.string == "entra::3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e01")
        #expect(roots[0]["link"]?.location.description == CommandRunner.packageRoot.path + "/Fixtures/exports/entra-users.csv:2:56")
        #expect(roots[8]["guest"]?.bool == true)
        #expect(loaded.summary.links == ["linked": 24, "unlinked": 3])
        #expect(loaded.summary.extraFiles.count == 1)
        for document in loaded.documents.dropLast() {
            #expect(ShapeChecker(check: .all).problems(document.root, .object(ObservedShapes.account), name: "Account").map(\.description) == [])
        }
    }
}
