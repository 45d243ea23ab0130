import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Testing
@testable import ClearancePolicy

/// The `aws-iam-credential-report` format: the report's rows as Account records, every value at its cell.
@Suite("AWS credential report")
struct AWSCredentialReportTests {
    static let entry = "format: aws-iam-credential-report\nfile: report.csv\ngenerated_at: 2026-11-19T06:00:00Z"
    static let header = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated"
    /// The two-record sample of EXPORTS.md (A1).
    static let sample = header + """

        <root_account>,arn:aws:iam::111122223333:root,2021-03-01T10:00:00+00:00,not_supported,2026-09-30T08:12:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        dana,arn:aws:iam::111122223333:user/dana,2024-05-02T09:00:00+00:00,true,no_information,2024-05-02T09:01:00+00:00,N/A,false,true,2024-05-02T09:05:00+00:00,2026-10-01T14:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A

        """
    /// A user row of `sample`'s header with the cells given by column name replaced.
    static func row(_ user: String = "dana", _ changes: [String: String] = [:]) -> String {
        var cells = ["dana", "arn:aws:iam::111122223333:user/dana", "2024-05-02T09:00:00+00:00", "true", "no_information", "2024-05-02T09:01:00+00:00", "N/A",
                     "false", "true", "2024-05-02T09:05:00+00:00", "2026-10-01T14:00:00+00:00", "us-east-1", "s3", "false", "N/A", "N/A", "N/A", "N/A",
                     "false", "N/A", "false", "N/A"]
        cells[0] = user
        cells[1] = "arn:aws:iam::111122223333:user/\(user)"
        let names = header.split(separator: ",").map(String.init)
        for (name, value) in changes { cells[names.firstIndex(of: name)!] = value }  // safe: the tests name columns of the header
        return cells.joined(separator: ",")
    }

    static func read(_ text: String, entry: String = entry) throws -> [RecordView] {
        try SourceFormatTesting.records(AWSCredentialReportFormat(), text, entry: entry).map { RecordView($0, in: text, name: "report.csv") }
    }

    static func problems(_ text: String, entry: String = entry) throws -> [String]? {
        try SourceFormatTesting.problems(AWSCredentialReportFormat(), text, entry: entry)?.map(\.description)
    }

    @Test func readsTheDocumentedSample() throws {
        let records = try Self.read(Self.sample)
        try #require(records.count == 2)
        let root = records[0], dana = records[1]

        #expect(root.record.nativeID == "root")
        #expect(root.record.scope == "111122223333")
        #expect(root.record.position == 2)
        #expect(root["login"] == "'<root_account>'")
        #expect(root["root"] == "true")
        #expect(root["privileged"] == "true")
        #expect(root["interactive"] == "true")   // not_supported: the root user can always sign in with its password
        #expect(root.at("interactive") == "2:73")
        #expect(root["mfa"] == "{enabled: true, methods: [], phishing_resistant: null}")
        #expect(root["created"] == "2021-03-01T10:00:00Z")
        #expect(root["last_seen"] == "2026-09-30T08:12:00Z")
        #expect(root.at("last_seen") == "2:87")
        #expect(root["never_seen"] == "false")
        #expect(root["credentials"] == "[{kind: 'password', slot: 1, active: true, last_rotated: null, last_used: 2026-09-30T08:12:00Z}]")

        #expect(dana.record.nativeID == "dana")
        #expect(dana.record.position == 3)
        #expect(dana.record.fields.map(\.name) == ["native_id", "login", "email", "display_name", "status", "interactive", "privileged", "root", "guest",
                                                   "mfa", "created", "last_seen", "never_seen", "credentials"])
        #expect(dana["native_id"] == "'dana'")
        #expect(dana.at("native_id") == "3:1")
        #expect(dana["email"] == "null")
        #expect(dana["display_name"] == "null")
        #expect(dana["status"] == "'active'")
        #expect(dana["privileged"] == "null")
        #expect(dana["root"] == "false")
        #expect(dana["interactive"] == "true")
        #expect(dana.at("interactive") == "3:68")
        #expect(dana["mfa.enabled"] == "false")
        #expect(dana.at("mfa.enabled") == "3:118")
        #expect(dana["created"] == "2024-05-02T09:00:00Z")
        #expect(dana.at("created") == "3:42")
        // The password was never used (no_information); the key was, on 2026-10-01: that cell decides last_seen.
        #expect(dana["last_seen"] == "2026-10-01T14:00:00Z")
        #expect(dana.at("last_seen") == "3:155")
        #expect(dana["never_seen"] == "false")
        #expect(dana["credentials"] == "[{kind: 'password', slot: 1, active: true, last_rotated: 2024-05-02T09:01:00Z, last_used: null}, "
                + "{kind: 'access-key', slot: 1, active: true, last_rotated: 2024-05-02T09:05:00Z, last_used: 2026-10-01T14:00:00Z}]")
        #expect(dana.at("credentials[0].last_used") == "3:73")
        #expect(dana.at("credentials[0].last_rotated") == "3:88")
        #expect(dana.at("credentials[1]") == "3:124")
        #expect(dana.at("credentials[1].last_rotated") == "3:129")
    }

    @Test(arguments: ["N/A", "not_supported", "no_information"])
    func everySpecialValueIsNoValue(_ special: String) throws {
        let times = ["user_creation_time", "password_last_used", "password_last_changed", "access_key_1_last_rotated", "access_key_1_last_used_date",
                     "access_key_2_last_rotated", "access_key_2_last_used_date", "cert_1_last_rotated", "cert_2_last_rotated"]
        let changes = Dictionary(uniqueKeysWithValues: times.map { ($0, special) }).merging(["password_enabled": "true", "access_key_1_active": "false"]) { $1 }
        let dana = try #require(try Self.read(Self.header + "\n" + Self.row("dana", changes) + "\n").first)
        #expect(dana["created"] == "null")
        #expect(dana["last_seen"] == "null")
        // No credential was ever used: the report says the account has never been used, at the password's cell.
        #expect(dana["never_seen"] == "true")
        #expect(dana.at("never_seen") == "2:\(48 + special.count)")
        #expect(dana["credentials"] == "[{kind: 'password', slot: 1, active: true, last_rotated: null, last_used: null}]")
    }

    @Test func aCredentialIsListedWhenActiveOrDated() throws {
        let text = Self.header + "\n" + Self.row("ci-bot", [
            "password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A",
            "access_key_1_active": "false", "access_key_1_last_rotated": "2025-01-10T08:00:00+00:00", "access_key_1_last_used_date": "2025-06-01T08:00:00+00:00",
            "access_key_2_active": "true", "access_key_2_last_rotated": "2026-09-01T08:00:00+00:00", "access_key_2_last_used_date": "N/A",
            "cert_1_active": "true", "cert_1_last_rotated": "2026-02-01T08:00:00+00:00",
        ]) + "\n"
        let bot = try #require(try Self.read(text).first)
        #expect(bot["interactive"] == "false")
        #expect(bot["credentials"] == "[{kind: 'access-key', slot: 1, active: false, last_rotated: 2025-01-10T08:00:00Z, last_used: 2025-06-01T08:00:00Z}, "
                + "{kind: 'access-key', slot: 2, active: true, last_rotated: 2026-09-01T08:00:00Z, last_used: null}, "
                + "{kind: 'certificate', slot: 1, active: true, last_rotated: 2026-02-01T08:00:00Z, last_used: null}]")
        // An inactive key's last use still counts as the account's.
        #expect(bot["last_seen"] == "2025-06-01T08:00:00Z")
        #expect(bot["never_seen"] == "false")
    }

    @Test func columnsAreFoundByNameInAnyOrder() throws {
        // The required columns backwards, an unknown column, and no cert_* columns at all.
        let names = AWSCredentialReportFormat.requiredColumns.reversed() + ["note"]
        let values = ["user": "dana", "arn": "arn:aws:iam::111122223333:user/dana", "user_creation_time": "2024-05-02T09:00:00+00:00",
                      "password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "true",
                      "access_key_1_active": "true", "access_key_1_last_rotated": "2026-10-01T00:00:00Z", "access_key_1_last_used_date": "N/A",
                      "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "note": "ignored"]
        let text = names.joined(separator: ",") + "\n" + names.map { values[$0]! }.joined(separator: ",") + "\n"  // safe: a value for every column
        let dana = try #require(try Self.read(text).first)
        #expect(dana["login"] == "'dana'")
        #expect(dana.at("login") == "2:\(text.split(separator: "\n")[1].count - "dana,ignored".count + 1)")
        #expect(dana["mfa.enabled"] == "true")
        #expect(dana["credentials"] == "[{kind: 'access-key', slot: 1, active: true, last_rotated: 2026-10-01T00:00:00Z, last_used: null}]")
        #expect(dana["never_seen"] == "true")
    }

    @Test func aMissingColumnIsAnErrorAtTheHeader() throws {
        let header = Self.header.replacingOccurrences(of: ",mfa_active,", with: ",mfa_activ,").replacingOccurrences(of: "user_creation_time,", with: "")
        #expect(try Self.problems(header + "\n") == [
            "report.csv:1:1: the header has no column `mfa_active`, which every credential report has (did you mean 'mfa_activ'?)",
            "report.csv:1:1: the header has no column `user_creation_time`, which every credential report has",
        ])
        #expect(try Self.problems(Self.header + ",user\n") == ["report.csv:1:459: the header names the column `user` twice; which one to read is not clear"])
    }

    @Test func aRowOfAnotherLengthIsMalformed() throws {
        let short = Self.row().split(separator: ",").dropLast().joined(separator: ",")
        #expect(try Self.problems(Self.header + "\n" + Self.row("lee") + "\n" + short + "\n" + Self.row() + ",extra\n") == [
            "report.csv:3:1: a malformed row: it has 21 cells and the header 22; every row has one cell per column",
            "report.csv:4:1: a malformed row: it has 23 cells and the header 22; every row has one cell per column",
        ])
        // Every problem is reported, up to 20; then reading stops.
        let many = Self.header + "\n" + String(repeating: short + "\n", count: 25)
        #expect(try Self.problems(many)?.count == 20)
        #expect(try Self.problems(many)?.last?.hasPrefix("report.csv:21:1: a malformed row") == true)
    }

    @Test func anEmptyExportHasNoHeaderAndAHeaderAloneNoRecords() throws {
        #expect(try Self.problems("") == ["report.csv:1:1: the export is empty: it has no header line; a credential report starts with the header `user,arn,user_creation_time,…`"])
        #expect(try Self.problems("\n\n") != nil)
        #expect(try Self.read(Self.header + "\n").isEmpty)
        #expect(try Self.problems("{\"Content\": \"dXNlcixhcm4=\", \"ReportFormat\": \"text/csv\"}\n")?.first?.hasPrefix("report.csv:1:1: this is JSON, not the report's CSV") == true)
    }

    @Test func aBadBooleanOrTimeIsAnErrorAtItsCell() throws {
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["mfa_active": "yes"]) + "\n") == ["report.csv:2:118: `mfa_active` must be true or false; found 'yes'"])
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["access_key_1_active": "N/A"]) + "\n") == ["report.csv:2:124: `access_key_1_active` must be true or false; found 'N/A'"])
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["password_last_used": "yesterday"]) + "\n") == [
            "report.csv:2:73: `password_last_used` must be an ISO 8601 time such as 2024-05-02T09:00:00+00:00, or N/A, not_supported or no_information for none; found 'yesterday'",
        ])
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["access_key_1_last_rotated": "2024-02-30T09:05:00+00:00"]) + "\n") == [
            "report.csv:2:129: `access_key_1_last_rotated` must be an ISO 8601 time such as 2024-05-02T09:00:00+00:00, or N/A, not_supported or no_information for none; "
                + "found '2024-02-30T09:05:00+00:00' (day 30 does not exist in February 2024, which has 29 days)",
        ])
        // Only the root user's password_enabled may be not_supported.
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["password_enabled": "not_supported"]) + "\n") == [
            "report.csv:2:68: `password_enabled` must be true or false; found 'not_supported'",
        ])
        // What the export says is escaped before it is printed.
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["mfa_active": "\"\u{1B}]8;;x\u{07}\""]) + "\n") == [
            "report.csv:2:118: `mfa_active` must be true or false; found '\\u{1B}]8;;x\\u{07}'",
        ])
    }

    @Test func theARNNamesTheUserAndTheAccountOfTheSource() throws {
        let scoped = Self.entry + "\nscope: \"444455556666\""
        let problems = try #require(try SourceFormatTesting.problems(AWSCredentialReportFormat(), Self.sample, entry: scoped))
        #expect(problems.map(\.description) == [
            "report.csv:2:16: the ARN names the AWS account 111122223333, but the source's `scope` is '444455556666': this report is of another account",
            "report.csv:3:6: the ARN names the AWS account 111122223333, but the source's `scope` is '444455556666': this report is of another account",
        ])
        #expect(problems[0].notes.map { "\($0.location): \($0.message)" } == ["clearance.yaml:5:12: the source's scope"])
        #expect(try Self.read(Self.sample, entry: Self.entry + "\nscope: \"111122223333\"").count == 2)
        let withPath = Self.row("dana", ["arn": "arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/dana"])
        #expect(try Self.read(Self.header + "\n" + withPath + "\n").first?.record.scope == "111122223333")
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["arn": "arn:aws:iam::111122223333:user/lee"]) + "\n") == [
            "report.csv:2:6: the ARN names 'user/lee', not this row's user 'dana'",
        ])
        #expect(try Self.problems(Self.header + "\n" + Self.row("dana", ["arn": "111122223333"]) + "\n") == [
            "report.csv:2:6: `arn` must be an IAM ARN such as arn:aws:iam::111122223333:user/dana; found '111122223333'",
        ])
    }

    @Test func aUserListedTwiceIsAnError() throws {
        let problems = try #require(try SourceFormatTesting.problems(AWSCredentialReportFormat(), Self.sample + Self.row() + "\n", entry: Self.entry))
        #expect(problems.map(\.description) == ["report.csv:4:1: a second record with the id 'dana'; each record of an export has its own"])
        #expect(problems[0].notes.map { "\($0.location): \($0.message)" } == ["report.csv:3:1: first on line 3"])
        #expect(try Self.problems(Self.header + "\n" + Self.row("") + "\n")?.first?.hasPrefix("report.csv:2:1: `user` is empty") == true)
    }

    @Test func theSampleProjectsReportReads() throws {
        let path = CommandRunner.packageRoot.path + "/Fixtures/exports/aws-prod-credential-report.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let records = try Self.read(text)
        #expect(records.map(\.record.nativeID) == ["root", "diego.hernandez", "fastlane-camila", "gabriela.rios", "jenkins-legacy", "jorge.castillo",
                                                   "ricardo-terraform", "tomas.vega"])
        #expect(Set(records.map(\.record.scope)) == ["111122223333"])
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.record.nativeID, $0) })
        #expect(byID["root"]?["mfa.enabled"] == "true")
        #expect(byID["fastlane-camila"]?["credentials"] == "[{kind: 'access-key', slot: 1, active: true, last_rotated: 2026-04-13T17:03:00Z, last_used: 2026-11-17T09:41:00Z}]")
        #expect(byID["gabriela.rios"]?["interactive"] == "true")
        #expect(byID["gabriela.rios"]?["mfa.enabled"] == "false")
        #expect(byID["jorge.castillo"]?["last_seen"] == "2026-05-28T19:02:00Z")
        #expect(byID["tomas.vega"]?["credentials[0].active"] == "true")
    }

    @Test func theLoaderLinksTheAccountsAndLocatesTheirFields() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("exports/report.csv", Self.sample)
        let symbols = SymbolTable()
        let member = try YAMLLoader(symbols: symbols).load(text: "kind: TeamMember\nid: dana.kim\nemail: dana.kim@example.com\naccounts: {aws: dana}\n",
                                                           name: "team/dana.kim.yaml")[0]
        let linker = IdentityLinker([InputDocument(kind: .teamMember, id: "dana.kim", root: member.root)])
        let entry = "sources:\n  - format: aws-iam-credential-report\n    file: exports/report.csv\n    generated_at: 2026-11-19T06:00:00Z\n"
        let config = try YAMLLoader(symbols: symbols).load(text: entry, name: "clearance.yaml")[0]
        let declaration = try SourceDeclaration.read(config.root["sources"], folder: folder.path + "/")[0]
        let loaded = try SourceLoader(symbols: symbols).load(declaration, linker: linker)
        try #require(loaded.documents.count == 3)
        let root = loaded.documents[0].root, dana = loaded.documents[1].root
        #expect(root["id"]?.string == "aws:111122223333:root")
        #expect(root["link"]?.string == "unlinked")
        #expect(dana["id"]?.string == "aws:111122223333:dana")
        #expect(dana["link"]?.string == "linked")
        #expect(dana["person"]?.string == "dana.kim")
        #expect(dana["linked_by"]?.string == "accounts")
        #expect(dana["mfa"]?["enabled"]?.bool == false)
        #expect(dana["mfa"]?["enabled"]?.location.description == "\(path):3:118")
        #expect(dana["source"]?["record"]?.int == 3)
        #expect(loaded.documents[2].root["records"]?.int == 2)
        #expect(loaded.summary.links == ["linked": 1, "unlinked": 1])
        // Each document has the Account shape: every field named as the kind names it.
        for document in loaded.documents.dropLast() {
            #expect(ShapeChecker(check: .all).problems(document.root, .object(ObservedShapes.account), name: "Account").map(\.description) == [])
        }
    }
}
