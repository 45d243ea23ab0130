import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Foundation
import Testing
@testable import ClearancePolicy

/// The `google-workspace-users-csv` format: the Admin console's "Download users" rows as Account records, every value at its cell.
@Suite("Google Workspace users CSV")
struct GoogleWorkspaceUsersCSVTests {
    static let entry = "format: google-workspace-users-csv\nfile: users.csv\ngenerated_at: 2026-11-19T06:00:00Z"
    static let header = "First Name [Required],Last Name [Required],Email Address [Required],Org Unit Path [Required],Status [READ ONLY],"
        + "Last Sign In [READ ONLY],Employee ID,Manager Email,Department,2sv Enrolled [READ ONLY],2sv Enforced [READ ONLY]"
    /// The two-record sample of EXPORTS.md (A4).
    static let sample = header + """

        Dana,Kim,dana@acme.com,/Engineering,Active,2026/10/01 08:00:12,E-1042,ops-lead@acme.com,Engineering,True,True
        Lee,Park,lee@acme.com,/Former,Suspended,2026/08/29 17:40:03,E-0977,ops-lead@acme.com,Sales,False,False

        """
    /// A row of `header`: Dana's, with the cells given by column name replaced.
    static func row(_ changes: [String: String] = [:]) -> String {
        var cells = ["Dana", "Kim", "dana@acme.com", "/Engineering", "Active", "2026/10/01 08:00:12", "E-1042", "ops-lead@acme.com", "Engineering", "True", "True"]
        let names = header.split(separator: ",").map(String.init)
        for (name, value) in changes { cells[names.firstIndex(of: name)!] = value }  // safe: the tests name columns of the header
        return cells.joined(separator: ",")
    }

    static func read(_ text: String) throws -> [RecordView] {
        try SourceFormatTesting.records(GoogleWorkspaceUsersCSVFormat(), text, entry: entry).map { RecordView($0, in: text, name: "users.csv") }
    }

    static func problems(_ text: String) throws -> [String]? {
        try SourceFormatTesting.problems(GoogleWorkspaceUsersCSVFormat(), text, entry: entry)?.map(\.description)
    }

    @Test func readsTheDocumentedSample() throws {
        let records = try Self.read(Self.sample)
        try #require(records.count == 2)
        let dana = records[0], lee = records[1]
        #expect(dana.record.nativeID == "dana@acme.com")
        #expect(dana.record.position == 2)
        #expect(dana.record.fields.map(\.name) == ["native_id", "login", "email", "display_name", "status", "interactive", "privileged", "root", "guest",
                                                   "mfa", "created", "last_seen", "never_seen", "credentials"])
        #expect(dana["native_id"] == "'dana@acme.com'")
        #expect(dana.at("native_id") == "2:10")
        #expect(dana["login"] == "'dana@acme.com'")
        #expect(dana["email"] == "'dana@acme.com'")
        #expect(dana["display_name"] == "'Dana Kim'")
        #expect(dana.at("display_name") == "2:1")
        #expect(dana["status"] == "'active'")
        #expect(dana.at("status") == "2:37")
        #expect(dana["interactive"] == "true")
        #expect(dana["privileged"] == "null")   // the download lists no administrator roles
        #expect(dana["root"] == "false")
        #expect(dana["guest"] == "false")
        #expect(dana["mfa"] == "{enabled: true, methods: [], phishing_resistant: null}")
        #expect(dana.at("mfa.enabled") == "2:101")
        #expect(dana["created"] == "null")
        // The export does not name its zone: the time is read as UTC.
        #expect(dana["last_seen"] == "2026-10-01T08:00:12Z")
        #expect(dana.at("last_seen") == "2:44")
        #expect(dana["never_seen"] == "false")
        #expect(dana["credentials"] == "[]")
        #expect(lee["status"] == "'suspended'")
        #expect(lee.at("status") == "3:31")
        #expect(lee["last_seen"] == "2026-08-29T17:40:03Z")
        #expect(lee["mfa.enabled"] == "false")
    }

    @Test func neverLoggedInHasNeverSignedIn() throws {
        let mateo = try #require(try Self.read(Self.header + "\n" + Self.row(["Last Sign In [READ ONLY]": "Never logged in"]) + "\n").first)
        #expect(mateo["last_seen"] == "null")
        #expect(mateo["never_seen"] == "true")
        #expect(mateo.at("never_seen") == "2:44")
    }

    @Test func theNativeIDIsTheEmailInLowercaseAndTheLoginAsWritten() throws {
        let text = Self.header + "\n" + Self.row(["Email Address [Required]": "Dana.Kim@Acme.com", "Status [READ ONLY]": "SUSPENDED"]) + "\n"
        let dana = try #require(try Self.read(text).first)
        #expect(dana.record.nativeID == "dana.kim@acme.com")
        #expect(dana["login"] == "'Dana.Kim@Acme.com'")
        #expect(dana["email"] == "'Dana.Kim@Acme.com'")
        #expect(dana["status"] == "'suspended'")
        // Two rows whose addresses differ only in case are one user listed twice.
        let twice = try #require(try SourceFormatTesting.problems(GoogleWorkspaceUsersCSVFormat(), Self.sample + Self.row(["Email Address [Required]": "DANA@acme.com"]) + "\n",
                                                                  entry: Self.entry))
        #expect(twice.map(\.description) == ["users.csv:4:10: a second record with the id 'dana@acme.com'; each record of an export has its own"])
        #expect(twice[0].notes.map { "\($0.location): \($0.message)" } == ["users.csv:2:10: first on line 2"])
    }

    @Test func columnsAreFoundByNameAndOthersIgnored() throws {
        // The download's full header with the newer columns, in the console's order; cells that look like formulas are text.
        let text = try String(contentsOfFile: CommandRunner.packageRoot.path + "/Fixtures/exports/google-users.csv", encoding: .utf8)
        let header = String(text.prefix { $0 != "\n" })
        let minimal = "2sv Enrolled [READ ONLY],Last Sign In [READ ONLY],Status [READ ONLY],Email Address [Required],Note\n"
            + "False,2026/11/02 10:00:00,Active,=1+3@acme.com,=HYPERLINK(\"x\")\n"
        let odd = try #require(try Self.read(minimal).first)
        #expect(odd["native_id"] == "'=1+3@acme.com'")
        #expect(odd["display_name"] == "null")   // no name columns
        #expect(odd.at("display_name") == "2:1")
        #expect(odd["mfa.enabled"] == "false")
        #expect(header.hasSuffix(",Advanced Protection Program enrollment"))
    }

    @Test func aMissingColumnIsAnErrorAtTheHeader() throws {
        let header = Self.header.replacingOccurrences(of: "2sv Enrolled [READ ONLY]", with: "2sv Enroled [READ ONLY]")
            .replacingOccurrences(of: "Last Sign In [READ ONLY],", with: "")
        #expect(try Self.problems(header + "\n") == [
            "users.csv:1:1: the header has no column `2sv Enrolled [READ ONLY]`, which every Google Workspace users download has (did you mean '2sv Enroled [READ ONLY]'?)",
            "users.csv:1:1: the header has no column `Last Sign In [READ ONLY]`, which every Google Workspace users download has",
        ])
        #expect(try Self.problems(Self.header + ",Status [READ ONLY]\n") == [
            "users.csv:1:225: the header names the column `Status [READ ONLY]` twice; which one to read is not clear",
        ])
    }

    @Test func aRowOfAnotherLengthIsMalformed() throws {
        #expect(try Self.problems(Self.sample + "Kim,Lee,kim@acme.com,/,Active\n") == [
            "users.csv:4:1: a malformed row: it has 5 cells and the header 11; every row has one cell per column",
        ])
        let many = Self.header + "\n" + String(repeating: "x,y\n", count: 25)
        #expect(try Self.problems(many)?.count == 20)
    }

    @Test func anEmptyExportHasNoHeaderAndAHeaderAloneNoRecords() throws {
        #expect(try Self.problems("") == [
            "users.csv:1:1: the export is empty: it has no header line; a Google Workspace users download starts with the header "
                + "`First Name [Required],Last Name [Required],Email Address [Required],…`",
        ])
        #expect(try Self.read(Self.header + "\n").isEmpty)
    }

    @Test func aBadStatusTimeOrBooleanIsAnErrorAtItsCell() throws {
        func problems(_ changes: [String: String]) throws -> [String]? { try Self.problems(Self.header + "\n" + Self.row(changes) + "\n") }
        #expect(try problems(["Status [READ ONLY]": "Archived"]) == ["users.csv:2:37: `Status [READ ONLY]` must be Active or Suspended; found 'Archived'"])
        #expect(try problems(["Last Sign In [READ ONLY]": "2026-10-01T08:00:12Z"]) == [
            "users.csv:2:44: `Last Sign In [READ ONLY]` must be a time such as 2026/08/27 15:15:08 (UTC), or Never logged in; found '2026-10-01T08:00:12Z'",
        ])
        #expect(try problems(["Last Sign In [READ ONLY]": "2026/02/30 08:00:12"]) == [
            "users.csv:2:44: `Last Sign In [READ ONLY]` must be a time such as 2026/08/27 15:15:08 (UTC), or Never logged in; found '2026/02/30 08:00:12' "
                + "(day 30 does not exist in February 2026, which has 28 days)",
        ])
        #expect(try problems(["Last Sign In [READ ONLY]": ""]) == [
            "users.csv:2:44: `Last Sign In [READ ONLY]` must be a time such as 2026/08/27 15:15:08 (UTC), or Never logged in; found ''",
        ])
        #expect(try problems(["2sv Enrolled [READ ONLY]": "Yes"]) == ["users.csv:2:101: `2sv Enrolled [READ ONLY]` must be true or false; found 'Yes'"])
        #expect(try problems(["Email Address [Required]": ""]) == [
            "users.csv:2:10: `Email Address [Required]` is empty; every row has the user's email address",
        ])
        // What the export says is escaped before it is printed.
        #expect(try problems(["Status [READ ONLY]": "\"\u{1B}[2J\""]) == ["users.csv:2:37: `Status [READ ONLY]` must be Active or Suspended; found '\\u{1B}[2J'"])
    }

    @Test func anotherFormatsExportSaysWhatItLooksLike() throws {
        let entra = "userPrincipalName,displayName,mail,id,userType,accountEnabled\ndana@acme.com,Dana Kim,dana@acme.com,7f1e,Member,True\n"
        #expect(try Self.problems(entra) == [
            "users.csv:1:1: this looks like Microsoft Entra ID's \"Download users\" CSV (format entra-users-csv) rather than the export "
                + "google-workspace-users-csv reads: the header has no column `Email Address [Required]`, `Status [READ ONLY]`, "
                + "`Last Sign In [READ ONLY]` or `2sv Enrolled [READ ONLY]`",
        ])
        let okta = try String(contentsOfFile: CommandRunner.packageRoot.path + "/Fixtures/exports/okta-users.json", encoding: .utf8)
        #expect(try Self.problems(okta)?.first?.hasPrefix("users.csv:1:1: this looks like a JSON file rather than the export google-workspace-users-csv reads") == true)
    }

    @Test func theSampleProjectsDownloadLinksToTheTeamByEmail() throws {
        let root = CommandRunner.packageRoot.path
        let loaded = try SampleTeam.load(format: "google-workspace-users-csv", file: "Fixtures/exports/google-users.csv")
        let roots = loaded.documents.dropLast().map(\.root)
        #expect(roots.map { $0["native_id"]?.string ?? "" } == [
            "marta.ruiz@example.com", "diego.hernandez@example.com", "lucia.ramirez@example.com", "ana.lopez@example.com", "jorge.castillo@example.com",
            "tomas.vega@example.com", "camila.reyes@example.com", "mateo.silva@example.com", "roberto.diaz@example.com",
        ])
        // Marta's address is written in capitals: it links all the same.
        #expect(roots[0]["login"]?.string == "Marta.Ruiz@example.com")
        #expect(roots.map { $0["person"]?.string ?? "-" } == [
            "marta.ruiz", "diego.hernandez", "lucia.ramirez", "ana.lopez", "jorge.castillo", "tomas.vega", "camila.reyes", "mateo.silva", "-",
        ])
        #expect(roots[8]["link"]?.string == "unlinked")
        // A link is located at the address that made it; an unlinked user at its row.
        #expect(roots[0]["link"]?.location.description == root + "/Fixtures/exports/google-users.csv:2:20")
        #expect(roots[8]["link"]?.location.description == root + "/Fixtures/exports/google-users.csv:10:1")
        #expect(roots[6]["status"]?.string == "suspended")
        #expect(roots[7]["never_seen"]?.bool == true)
        #expect(roots[4]["mfa"]?["enabled"]?.bool == false)
        #expect(roots[5]["last_seen"]?.location.description == root + "/Fixtures/exports/google-users.csv:7:72")
        #expect(loaded.summary.links == ["linked": 8, "unlinked": 1])
        for document in loaded.documents.dropLast() {
            #expect(ShapeChecker(check: .all).problems(document.root, .object(ObservedShapes.account), name: "Account").map(\.description) == [])
        }
    }
}
