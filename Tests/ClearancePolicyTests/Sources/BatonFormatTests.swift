import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Foundation
import Testing
@testable import ClearancePolicy

/// The baton formats, `baton-grants` (`baton grants -o json`) and `baton-csv` (`baton export csv`), over a Slack connector's
/// sync written from baton's output types (EXPORTS.md A9): user principals as Accounts, privilege from the entry's list.
@Suite("baton formats")
struct BatonFormatTests {
    static let folder = "Tests/ClearancePolicyTests/Resources/exports/"
    static let grantsEntry = "format: baton-grants\nfile: grants.json\nsystem: slack\nscope: acme\ngenerated_at: 2026-11-19T06:00:00Z"
    static let csvEntry = "format: baton-csv\nfile: export.csv\nsystem: slack\nscope: acme\ngenerated_at: 2026-11-19T06:00:00Z"

    static func text(_ name: String) throws -> String {
        try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(folder + name), encoding: .utf8)
    }

    static func grants(_ text: String, privileged: String? = "{entitlements: [\"workspace_role:owner:assigned\"]}") throws -> [RecordView] {
        let entry = grantsEntry + (privileged.map { "\nprivileged: \($0)" } ?? "")
        return try SourceFormatTesting.records(BatonGrantsFormat(), text, entry: entry).map { RecordView($0, in: text, name: "grants.json") }
    }

    static func grantProblems(_ text: String, entry: String = grantsEntry) throws -> [String]? {
        try SourceFormatTesting.problems(BatonGrantsFormat(), text, entry: entry)?.map(\.description)
    }

    static func csv(_ text: String, privileged: String? = "{slugs: [Assigned]}") throws -> [RecordView] {
        let entry = csvEntry + (privileged.map { "\nprivileged: \($0)" } ?? "")
        return try SourceFormatTesting.records(BatonCSVFormat(), text, entry: entry).map { RecordView($0, in: text, name: "export.csv") }
    }

    static func csvProblems(_ text: String, entry: String = csvEntry) throws -> [String]? {
        try SourceFormatTesting.problems(BatonCSVFormat(), text, entry: entry)?.map(\.description)
    }

    // MARK: baton-grants

    @Test func eachUserPrincipalIsOneAccountAndGroupsAreLeftOut() throws {
        let records = try Self.grants(try Self.text("baton-grants.json"))
        #expect(records.map(\.record.nativeID) == ["U01DANAKIM", "U02LEEPARK", "B03DEPLOYBOT"])
        let dana = records[0], lee = records[1], bot = records[2]
        #expect(dana["login"] == "'dana'")
        #expect(dana["email"] == "'dana@acme.com'")
        #expect(dana["display_name"] == "'Dana Kim'")
        #expect(dana["status"] == "'active'")
        #expect(dana["interactive"] == "true")
        #expect(dana["mfa"] == "{enabled: true, methods: [], phishing_resistant: null}")
        #expect(dana["last_seen"] == "2026-11-18T09:12:44Z")
        #expect(dana["created"] == "2024-01-03T15:00:00Z")
        // privileged by the second grant, on the owner role the entry names, and located at that entitlement's id
        #expect(dana["privileged"] == "true")
        #expect(dana.at("privileged") == "3:"+"\(Self.column(of: "\"id\":\"workspace_role:owner:assigned\",\"displayName\"", line: 3, in: try Self.text("baton-grants.json")))")
        // the primary email, not the first; no login, so the email signs in; an empty mfaStatus is MFA off (JSON leaves false out)
        #expect(lee["email"] == "'lee@acme.com'")
        #expect(lee["login"] == "'lee@acme.com'")
        #expect(lee["status"] == "'suspended'")
        #expect(lee["mfa.enabled"] == "false")
        #expect(lee["last_seen"] == "null")
        #expect(lee["privileged"] == "false")
        #expect(bot["interactive"] == "false")
        #expect(bot["email"] == "null")
        #expect(bot["mfa.enabled"] == "null")
        #expect(bot["status"] == "'active'")  // no resource status: the trait's
    }

    /// The column (from 1) where `needle` starts on a line of `text`.
    static func column(of needle: String, line: Int, in text: String) -> Int {
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        return lineText.distance(from: lineText.startIndex, to: lineText.range(of: needle)!.lowerBound) + 1 + "\"id\":".count
    }

    @Test func privilegeComesFromPurposesSlugsOrEntitlementsAndIsUnknownWithoutTheOption() throws {
        let text = try Self.text("baton-grants.json")
        #expect(try Self.grants(text, privileged: nil).map { $0["privileged"] } == ["null", "null", "null"])
        #expect(try Self.grants(text, privileged: "{slugs: [ASSIGNED]}").map { $0["privileged"] } == ["true", "false", "false"])
        // every member of the workspace holds an assignment
        #expect(try Self.grants(text, privileged: "{purposes: [assignment]}").map { $0["privileged"] } == ["true", "true", "true"])
        #expect(try Self.grants(text, privileged: "{purposes: [ownership]}").map { $0["privileged"] } == ["false", "false", "false"])
    }

    /// One grant to one user, with `principal` fields written in.
    static func grant(principal: String, entitlement: String = #"{"id":"app:a:admin","purpose":"PURPOSE_VALUE_PERMISSION","slug":"admin"}"#) -> String {
        #"{"grants":[{"grant":{"id":"g1"},"entitlement":\#(entitlement),"principal":{"id":{"resourceType":"user","resource":"U9"},"#
            + #""annotations":[{"@type":"type.googleapis.com/c1.connector.v2.UserTrait",\#(principal)}]}}]}"#
    }

    @Test func statusesAndAccountTypesAreReadAndAnUnknownValueIsAnError() throws {
        #expect(try Self.grants(Self.grant(principal: #""status":{"status":"STATUS_DELETED"}"#))[0]["status"] == "'deprovisioned'")
        #expect(try Self.grants(Self.grant(principal: #""accountType":"ACCOUNT_TYPE_SYSTEM""#))[0]["interactive"] == "false")
        #expect(try Self.grants(Self.grant(principal: #""login":"u9""#))[0]["status"] == "'active'")  // no status at all
        let badStatus = Self.grant(principal: #""status":{"status":"STATUS_GONE"}"#)
        #expect(try Self.grantProblems(badStatus)?.first?.hasPrefix("grants.json:1:") == true)
        #expect(try Self.grantProblems(badStatus)?.first?.contains("unknown baton user status 'STATUS_GONE'; expected one of STATUS_DELETED,") == true)
        let badPurpose = Self.grant(principal: #""login":"u9""#, entitlement: #"{"id":"app:a:admin","purpose":"PURPOSE_VALUE_OWNER"}"#)
        #expect(try Self.grantProblems(badPurpose)?.first?.contains("unknown entitlement purpose 'PURPOSE_VALUE_OWNER'") == true)
        let notABool = Self.grant(principal: #""mfaStatus":{"mfaEnabled":"yes"}"#)
        #expect(try Self.grantProblems(notABool)?.first?.contains("`mfaStatus.mfaEnabled` is a string; expected true or false") == true)
    }

    @Test func aMissingFieldAnEmptyExportAndAnotherFormatAreErrors() throws {
        let noID = #"{"grants":[{"grant":{},"entitlement":{"id":"e"},"principal":{"id":{"resourceType":"user"},"annotations":[{"@type":"type.googleapis.com/c1.connector.v2.UserTrait"}]}}]}"#
        #expect(try Self.grantProblems(noID) == ["grants.json:1:61: grant 1 has no `id.resource`"])
        let noEntitlement = #"{"grants":[{"grant":{},"principal":{"id":{"resource":"U1"},"annotations":[{"@type":"type.googleapis.com/c1.connector.v2.UserTrait"}]}}]}"#
        #expect(try Self.grantProblems(noEntitlement) == ["grants.json:1:12: grant 1 has no `entitlement.id`"])
        #expect(try Self.grantProblems("") == ["grants.json: the export is empty; expected the JSON of `baton grants -o json`: {\"grants\": [{\"grant\": …, \"entitlement\": …, \"principal\": …}, …]}"])
        let okta = #"[{"id":"00u1","status":"ACTIVE","profile":{"login":"dana@acme.com"}}]"#
        #expect(try Self.grantProblems(okta) == [
            "grants.json:1:2: this looks like an Okta users list (format okta-users) rather than the grant list baton-grants reads: grant 1 has no `grant`, `entitlement` or `principal`",
        ])
        let csv = "Type,Last Name,First Name,User ID,User Status,Email Address,Entitlement Display Name,Entitlement,Resource Type,Resource Name,Entitlement Description,Entitlement Slug\n"
        #expect(try Self.grantProblems(csv)?.first?.contains("the export is text that looks like the CSV of `baton export csv` (format baton-csv), not JSON") == true)
    }

    @Test func anEntryNamesItsSystemAndKnownPurposes() throws {
        #expect(try SourceFormatTesting.entryProblems("format: baton-grants\nfile: g.json\ngenerated_at: 2026-11-19") == [
            "clearance.yaml:2:5: a baton-grants source needs `system:`: the format reads exports of many systems, so name this one's (such as salesforce)",
        ])
        #expect(try SourceFormatTesting.entryProblems(Self.grantsEntry + "\nprivileged: {purposes: [owner]}") == [
            "clearance.yaml:7:29: unknown entitlement purpose 'owner'; baton's are assignment, ownership, permission",
        ])
        #expect(try SourceFormatTesting.entryProblems(Self.grantsEntry + "\nprivileged: {slugs: []}") == [
            "clearance.yaml:7:17: `privileged` names no purpose, slug or entitlement; leave it out when the export says nothing of privilege",
        ])
        #expect(try SourceFormatTesting.entryProblems(Self.csvEntry + "\nprivileged: {purposes: [ownership]}") == [
            "clearance.yaml:7:29: baton-csv does not carry entitlements' purposes (baton export csv leaves them out); name slugs or entitlements",
        ])
    }

    // MARK: baton-csv

    @Test func eachIdentityRowIsOneAccountAndGrantsMarkPrivilege() throws {
        let records = try Self.csv(try Self.text("baton-export.csv"))
        #expect(records.map(\.record.nativeID) == ["U01DANAKIM", "U02LEEPARK", "ops@acme.com"])
        let dana = records[0], lee = records[1], ops = records[2]
        #expect(dana["login"] == "'dana@acme.com'")
        #expect(dana["display_name"] == "'Dana Kim'")
        #expect(dana["status"] == "'active'")
        #expect(dana["privileged"] == "true")
        #expect(dana.at("privileged") == "8:72")  // the owner role's grant row, at its entitlement
        #expect(dana["mfa.enabled"] == "null")
        #expect(dana["last_seen"] == "null")
        #expect(lee["status"] == "'suspended'")
        #expect(lee["privileged"] == "false")
        // no user id: keyed by email; Unknown is active (the account exists)
        #expect(ops["status"] == "'active'")
        #expect(ops.at("native_id") == "4:21")
        #expect(try Self.csv(try Self.text("baton-export.csv"), privileged: nil).map { $0["privileged"] } == ["null", "null", "null"])
    }

    static let header = "Type,Last Name,First Name,User ID,User Status,Email Address,Entitlement Display Name,Entitlement,Resource Type,Resource Name,Entitlement Description,Entitlement Slug"

    @Test func aBadRowAGrantWithoutItsIdentityAMissingColumnAndAnotherFormatAreErrors() throws {
        #expect(try Self.csvProblems(Self.header + "\nIdentity,Kim,Dana,U1,Retired,dana@acme.com,,,,,,\n") == [
            "export.csv:2:22: `User Status` must be Enabled, Disabled, Deleted or Unknown; found 'Retired'",
        ])
        #expect(try Self.csvProblems(Self.header + "\nRole,,,U1,,,,,,,,\n") == ["export.csv:2:1: `Type` must be Identity, Entitlement or Grant; found 'Role'"])
        #expect(try Self.csvProblems(Self.header + "\nIdentity,,,,Enabled,,,,,,,\n") == [
            "export.csv:2:12: `User ID` and `Email Address` are both empty; a row names its user by one of them",
        ])
        #expect(try Self.csvProblems(Self.header + "\nIdentity,Kim,Dana,U1,Enabled,dana@acme.com,,,,,,\nGrant,,,U2,,,Admin,app:a:admin,app,A,,admin\n") == [
            "export.csv:3:9: a grant to 'U2', who has no Identity row; export the whole sync with baton export csv",
        ])
        #expect(try Self.csvProblems("Type,User ID,User Status,Email Address,Entitlement\nIdentity,U1,Enabled,a@acme.com,\n") == [
            "export.csv:1:1: the header has no column `Entitlement Slug`, which every `baton export csv` file has",
        ])
        #expect(try Self.csvProblems("") == [
            "export.csv:1:1: the export is empty: it has no header line; `baton export csv` starts with the header `Type,Last Name,First Name,User ID,User Status,…`",
        ])
        #expect(try Self.csvProblems("User id,User name,email,User status\n712020:1,Dana,dana@acme.com,Active\n") == [
            "export.csv:1:1: this looks like admin.atlassian.com's \"Export users\" CSV (format atlassian-users-csv) rather than the export baton-csv reads: "
                + "the header has no column `Type`, `User ID`, `User Status`, `Email Address`, `Entitlement` or `Entitlement Slug`",
        ])
    }
}
