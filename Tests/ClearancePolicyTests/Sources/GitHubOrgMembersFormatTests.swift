import ClearanceCore
import ClearanceDocument
import Foundation
import Testing
import ClearanceTestSupport
@testable import ClearancePolicy

/// The `github-org-members` format over the sample export and over small exports with one special value each.
@Suite("GitHub organisation members format")
struct GitHubOrgMembersFormatTests {
    typealias F = JSONSourceFixture
    let format = GitHubOrgMembersFormat()

    func sample() throws -> (members: SourceFile, records: [ObservedRecord]) {
        let members = try F.sample("github-members.json")
        let extras = ["admins": try F.sample("github-admins.json"), "two_factor_disabled": try F.sample("github-2fa-disabled.json")]
        return (members, try F.records(format, members, extras: extras, scope: "acme"))
    }

    func record(_ login: String, in records: [ObservedRecord]) throws -> ObservedRecord {
        try #require(records.first { $0.string("login") == login })
    }

    @Test func theSampleExportGivesEveryMemberInOrder() throws {
        let (_, records) = try sample()
        #expect(records.count == 20)
        #expect(records.map(\.position) == Array(1...20))
        #expect(records.first?.string("login") == "acme-release-bot")
        #expect(records.filter { F.text(F.value($0, "privileged")!) == "true" }.map { $0.string("login") } == ["dhernandez"])  // safe: every record has it
        #expect(records.filter { F.text(F.value($0, "mfa.enabled")!) == "false" }.map { $0.string("login") } == ["fer-ortiz-qa"])  // safe: as above
    }

    @Test func anAdminIsReadWithEveryFieldAtItsNode() throws {
        let (members, records) = try sample()
        let diego = try record("dhernandez", in: records)
        #expect(diego.nativeID == "21877431")
        #expect(F.text(diego) == """
            native_id: "21877431", login: "dhernandez", email: null, display_name: null, status: "active", interactive: true, \
            privileged: true, root: false, guest: false, mfa: {enabled: true, methods: [], phishing_resistant: null}, created: null, \
            last_seen: null, never_seen: false, credentials: []
            """)
        #expect(members.location(offset: diego.offset).line == 62)
        #expect(F.at(diego, "native_id", in: members) == "64:11")
        #expect(F.at(diego, "login", in: members) == "63:14")
        #expect(F.at(diego, "privileged", in: members) == "63:14")
        #expect(F.at(diego, "mfa.enabled", in: members) == "63:14")
        #expect(F.at(diego, "status", in: members) == "62:3")
        #expect(F.at(diego, "interactive", in: members) == "70:13")
    }

    @Test func aMemberWithoutTwoFactorAndABotAndALoginNobodyClaims() throws {
        let (members, records) = try sample()
        let fernanda = try record("fer-ortiz-qa", in: records)
        #expect(F.text(F.value(fernanda, "mfa")!) == "{enabled: false, methods: [], phishing_resistant: null}")  // safe: every record has mfa
        #expect(F.at(fernanda, "mfa.enabled", in: members) == "87:14")
        let bot = try record("acme-release-bot", in: records)
        #expect(F.text(F.value(bot, "interactive")!) == "false")  // safe: every record has it
        #expect(F.at(bot, "interactive", in: members) == "10:13")
        let stranger = try record("mx-contractor-07", in: records)
        #expect(F.text(stranger) == """
            native_id: "102338476", login: "mx-contractor-07", email: null, display_name: null, status: "active", interactive: true, \
            privileged: false, root: false, guest: false, mfa: {enabled: true, methods: [], phishing_resistant: null}, created: null, \
            last_seen: null, never_seen: false, credentials: []
            """)
    }

    @Test func withoutTheFurtherFilesPrivilegeAndTwoFactorAreUnknown() throws {
        let members = F.file("members.json", """
            [{"login":"dana-k","id":4411,"type":"User","site_admin":false,"name":"Dana Kim"},
             {"login":"old-contractor","id":9902,"type":"User","site_admin":false}]
            """)
        let records = try F.records(format, members, scope: "acme")
        #expect(records.map(F.text) == [
            """
            native_id: "4411", login: "dana-k", email: null, display_name: "Dana Kim", status: "active", interactive: true, \
            privileged: null, root: false, guest: false, mfa: {enabled: null, methods: [], phishing_resistant: null}, created: null, \
            last_seen: null, never_seen: false, credentials: []
            """,
            """
            native_id: "9902", login: "old-contractor", email: null, display_name: null, status: "active", interactive: true, \
            privileged: null, root: false, guest: false, mfa: {enabled: null, methods: [], phishing_resistant: null}, created: null, \
            last_seen: null, never_seen: false, credentials: []
            """,
        ])
        #expect(F.at(records[1], "native_id", in: members) == "2:33")
    }

    @Test func pagesMayBeGivenAsAnArrayOfArrays() throws {
        let members = F.file("members.json", """
            [[{"login":"dana-k","id":4411,"type":"User"}],
             [{"login":"lee","id":9902,"type":"User"},{"login":"kim","id":9903,"type":"User"}]]
            """)
        let records = try F.records(format, members, scope: "acme")
        #expect(records.map(\.nativeID) == ["4411", "9902", "9903"])
        #expect(records.map(\.position) == [1, 2, 3])
        #expect(F.at(records[2], "login", in: members) == "2:52")
    }

    @Test func outsideCollaboratorsAreAccountsLocatedInTheirOwnFile() throws {
        let members = F.file("members.json", #"[{"login":"dana-k","id":4411,"type":"User"}]"#)
        let outside = F.file("outside.json", """
            [{"login":"ext-dev","id":7001,"type":"User"},
             {"login":"ext-qa","id":7002,"type":"User"}]
            """)
        let noTwoFactor = F.file("2fa.json", #"[{"login":"EXT-QA","id":7002}]"#)
        let records = try F.records(format, members, extras: ["outside_collaborators": outside, "two_factor_disabled": noTwoFactor], scope: "acme")
        #expect(records.map(\.nativeID) == ["4411", "7001", "7002"])
        #expect(records.map(\.position) == [1, 1, 2])
        #expect(records.map { $0.file?.path } == [nil, "outside.json", "outside.json"])
        #expect(records.map { F.text(F.value($0, "privileged")!) } == ["null", "false", "false"])  // safe: every record has it
        #expect(records.map { F.text(F.value($0, "guest")!) } == ["false", "true", "true"])  // safe: as above
        // The members' 2FA list covers members; a collaborator is known to lack 2FA only when listed there too.
        #expect(records.map { F.text(F.value($0, "mfa.enabled")!) } == ["true", "null", "false"])  // safe: as above
        #expect(F.at(records[2], "login", in: outside) == "2:11")
    }

    @Test func theOrganisationIsRequired() throws {
        let declaration = try F.declaration(format: format.name, file: "members.json", system: "github", scope: nil)
        #expect(format.problems(declaration).map(\.description) == [
            "clearance.yaml:1:1: source 'members.json' has no `scope`: github-org-members needs the organisation its members belong to (scope: acme)",
        ])
        #expect(F.problems(format, F.file("members.json", "[]")) == [
            "clearance.yaml:1:1: source 'members.json' has no `scope`: github-org-members needs the organisation its members belong to (scope: acme)",
        ])
    }

    @Test func aMissingOrMistypedFieldIsAnErrorNamingIt() {
        let members = F.file("members.json", """
            [{"id":4411,"type":"User"},
             {"login":"lee","id":"9902","type":"User"},
             {"login":["kim"],"id":9903},
             {"login":"max","type":"User"}]
            """)
        #expect(F.problems(format, members, scope: "acme") == [
            "members.json:1:2: member 1 has no `login`",
            "members.json:2:22: `id` is a string; expected an integer",
            "members.json:3:11: `login` is an array; expected a string",
            "members.json:4:2: member 4 has no `id`",
        ])
    }

    @Test func aRecordThatIsNotAnObjectIsAnError() {
        let members = F.file("members.json", #"[{"login":"dana-k","id":4411}, "lee", 7]"#)
        #expect(F.problems(format, members, scope: "acme") == [
            "members.json:1:32: member 2 is a string; expected an object",
            "members.json:1:39: member 3 is a number; expected an object",
        ])
    }

    @Test func anEmptyListHasNoMembersButAnEmptyFileIsAnError() throws {
        #expect(try F.records(format, F.file("members.json", "[]"), scope: "acme").isEmpty)
        #expect(F.problems(format, F.file("members.json", ""), scope: "acme") == [
            "members.json: the export is empty; expected a JSON array of simple-users (GET /orgs/{org}/members), or an array of such pages",
        ])
    }

    @Test func anExportThatIsNotAListIsAnError() {
        #expect(F.problems(format, F.file("members.json", #"{"login":"dana-k","id":4411}"#), scope: "acme") == [
            "members.json:1:1: the export is an object; expected a JSON array of simple-users (GET /orgs/{org}/members), or an array of such pages",
        ])
        #expect(F.problems(format, F.file("members.json", #""dana-k""#), scope: "acme") == [
            "members.json:1:1: the export is a string; expected a JSON array of simple-users (GET /orgs/{org}/members), or an array of such pages",
        ])
    }

    @Test func aLoginOrIdListedTwiceIsAnError() {
        let members = F.file("members.json", """
            [{"login":"dana-k","id":4411},
             {"login":"Dana-K","id":4412},
             {"login":"lee","id":4411}]
            """)
        let problems = F.problems(format, members, scope: "acme")
        #expect(problems == ["members.json:2:11: the login 'Dana-K' is listed twice", "members.json:3:22: the id 4411 is listed twice"])
    }

    @Test func aFurtherFileNamingSomeoneNotInTheMembersIsAnError() {
        let members = F.file("members.json", #"[{"login":"dana-k","id":4411}]"#)
        let admins = F.file("admins.json", #"[{"login":"dana-k","id":4411},{"login":"ghost\u001b","id":1}]"#)
        let noTwoFactor = F.file("2fa.json", #"[{"id":4411}]"#)
        #expect(F.problems(format, members, extras: ["admins": admins, "two_factor_disabled": noTwoFactor], scope: "acme") == [
            "2fa.json:1:2: member 1 has no `login`",
            "admins.json:1:40: 'ghost\\u{1B}' is not a member in 'members.json'; export the lists of one source together",
        ])
    }
}
