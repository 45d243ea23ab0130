import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Foundation
import Testing
@testable import ClearancePolicy

/// The `atlassian-users-csv` format: admin.atlassian.com's "Export users" rows as Account records, every value at its cell.
@Suite("Atlassian users CSV")
struct AtlassianUsersCSVTests {
    static let entry = "format: atlassian-users-csv\nfile: users.csv\ngenerated_at: 2026-11-19T06:00:00Z"
    static let header = "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Last seen in Confluence - acme"
    /// The two-record sample of EXPORTS.md (A8).
    static let sample = header + """

        712020:9785-aa,Dana Kim,dana@acme.com,Active,3 Jan 2024,,28 Sep 2026,12 Sep 2026
        712020:11c2-bb,Lee Park,lee@acme.com,Active,10 Jan 2022,,30 Aug 2026,Never accessed

        """

    static func read(_ text: String) throws -> [RecordView] {
        try SourceFormatTesting.records(AtlassianUsersCSVFormat(), text, entry: entry).map { RecordView($0, in: text, name: "users.csv") }
    }

    static func problems(_ text: String) throws -> [String]? {
        try SourceFormatTesting.problems(AtlassianUsersCSVFormat(), text, entry: entry)?.map(\.description)
    }

    @Test func readsTheDocumentedSample() throws {
        let records = try Self.read(Self.sample)
        try #require(records.count == 2)
        let dana = records[0], lee = records[1]
        #expect(dana.record.nativeID == "712020:9785-aa")
        #expect(dana["login"] == "'dana@acme.com'")
        #expect(dana["display_name"] == "'Dana Kim'")
        #expect(dana["status"] == "'active'")
        #expect(dana["privileged"] == "false")  // no org role
        #expect(dana["mfa"] == "{enabled: null, methods: [], phishing_resistant: null}")
        #expect(dana["created"] == "2024-01-03")
        #expect(dana.at("created") == "2:46")
        // the latest product's use, at its cell
        #expect(dana["last_seen"] == "2026-09-28")
        #expect(dana.at("last_seen") == "2:58")
        #expect(dana["never_seen"] == "false")
        #expect(lee["last_seen"] == "2026-08-30")
        #expect(lee.at("last_seen") == "3:58")
    }

    @Test func neverAccessedEverywhereIsNeverSeenAndNoLastSeenColumnIsNotReported() throws {
        let never = try Self.read(Self.header + "\n712020:1,Max Ruiz,max@acme.com,Active,1 Nov 2026,,Never accessed,Never accessed\n")
        #expect(never[0]["last_seen"] == "null")
        #expect(never[0]["never_seen"] == "true")
        let plain = try Self.read("User id,email,User status\n712020:2,kim@acme.com,Suspended\n712020:3,old@acme.com,deactivated\n")
        #expect(plain.map { $0["last_seen"] } == ["null", "null"])
        #expect(plain.map { $0["never_seen"] } == ["false", "false"])  // the export does not report use
        #expect(plain.map { $0["privileged"] } == ["null", "null"])    // nor roles
        #expect(plain.map { $0["status"] } == ["'suspended'", "'deprovisioned'"])
    }

    @Test func anOrgAdminIsPrivileged() throws {
        let records = try Self.read(Self.header + "\n712020:4,Ana Admin,ana@acme.com,Active,3 Jan 2024,Org admin,28 Sep 2026,Never accessed\n")
        #expect(records[0]["privileged"] == "true")
        #expect(records[0].at("privileged") == "2:51")
    }

    @Test func aMissingColumnOrABadCellIsAnErrorAtItsPlace() throws {
        #expect(try Self.problems("User id,User name,User status\n712020:1,Dana,Active\n")?.first?.hasPrefix("users.csv:1:1: the header has no column `email`") == true)
        #expect(try Self.problems(Self.header + "\n712020:5,Lee,lee@acme.com,Gone,3 Jan 2024,,28 Sep 2026,12 Sep 2026\n") == [
            "users.csv:2:27: `User status` must be Active, Suspended or Deactivated; found 'Gone'",
        ])
        #expect(try Self.problems(Self.header + "\n712020:6,Lee,lee@acme.com,Active,3 Jan 2024,,yesterday,12 Sep 2026\n") == [
            "users.csv:2:46: `Last seen in Jira - acme` must be a date such as 3 Jan 2024, or Never accessed; found 'yesterday'",
        ])
        #expect(try Self.problems(Self.header + "\n712020:7,Lee,lee@acme.com,Active,31 Feb 2024,,28 Sep 2026,12 Sep 2026\n")?.first?
            .hasPrefix("users.csv:2:34: `Added to org` is not a valid date: day 31 does not exist in February 2024") == true)
        #expect(try Self.problems(Self.header + "\n,Lee,lee@acme.com,Active,3 Jan 2024,,28 Sep 2026,12 Sep 2026\n") == [
            "users.csv:2:1: `User id` is empty; every row has the user's",
        ])
    }

    @Test func anEmptyExportHasNoHeaderAndAHeaderAloneNoRecords() throws {
        #expect(try Self.problems("")?.first?.contains("an Atlassian users export starts with the header") == true)
        #expect(try Self.read(Self.header + "\n").isEmpty)
    }
}
