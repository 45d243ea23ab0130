import ClearanceCore
import ClearanceDocument
import Foundation
import Testing
import ClearanceTestSupport
@testable import ClearancePolicy

/// The `okta-users` format over the sample export and over small exports with one special value each.
@Suite("Okta users format")
struct OktaUsersFormatTests {
    typealias F = JSONSourceFixture
    let format = OktaUsersFormat()

    func sample() throws -> (users: SourceFile, records: [ObservedRecord]) {
        let users = try F.sample("okta-users.json")
        return (users, try F.records(format, users, extras: ["factors": try F.sample("okta-factors.json")]))
    }

    func record(_ id: String, in records: [ObservedRecord]) throws -> ObservedRecord {
        try #require(records.first { $0.nativeID == id })
    }

    @Test func theSampleExportGivesEveryUserInOrder() throws {
        let (_, records) = try sample()
        #expect(records.count == 26)
        #expect(records.map(\.position) == Array(1...26))
        #expect(records.first?.nativeID == "00utX3YsiH09FRdfjEhD")
        #expect(records.last?.nativeID == "00u4rD1azQ7wQmn2KhTs")
        let statuses = Dictionary(grouping: records) { F.text(F.value($0, "status")!) }.mapValues(\.count)  // safe: every record has a status
        #expect(statuses == ["\"active\"": 23, "\"suspended\"": 1, "\"deprovisioned\"": 1, "\"pending\"": 1])
    }

    @Test func aLeaverStillActiveAfterTheExitIsReadWithEveryFieldAtItsNode() throws {
        let (users, records) = try sample()
        let tomas = try record("00uQH1f4BCJUMdFkGdTj", in: records)
        #expect(F.text(tomas) == """
            native_id: "00uQH1f4BCJUMdFkGdTj", login: "tomas.vega@example.com", email: "tomas.vega@example.com", \
            display_name: "Tomás Vega Alcántara", status: "active", interactive: true, privileged: null, root: false, guest: false, \
            mfa: {enabled: true, methods: ["webauthn"], phishing_resistant: true}, created: 2026-01-21T15:00:00Z, \
            last_seen: 2026-11-13T22:02:00Z, never_seen: false, \
            credentials: [{kind: "password", slot: 1, active: true, last_rotated: 2026-07-26T15:11:00Z, last_used: null}]
            """)
        #expect(tomas.position == 15)
        #expect(users.location(offset: tomas.offset).line == 394)
        #expect(F.at(tomas, "native_id", in: users) == "395:11")
        #expect(F.at(tomas, "status", in: users) == "396:15")
        #expect(F.at(tomas, "created", in: users) == "397:16")
        #expect(F.at(tomas, "last_seen", in: users) == "400:18")
        #expect(F.at(tomas, "never_seen", in: users) == "400:18")
        #expect(F.at(tomas, "display_name", in: users) == "407:20")
        #expect(F.at(tomas, "login", in: users) == "411:16")
        #expect(F.at(tomas, "mfa.enabled", in: users) == "395:11")
        #expect(F.at(tomas, "credentials", in: users) == "415:19")
    }

    @Test func deprovisionedAndSuspendedLeavers() throws {
        let (users, records) = try sample()
        let hector = try record("00ubl6J3EvUjLa8jCePx", in: records)
        #expect(F.text(F.value(hector, "status")!) == "\"deprovisioned\"")  // safe: every record has a status
        #expect(F.at(hector, "status", in: users) == "340:15")
        #expect(F.text(F.value(hector, "mfa")!) == "{enabled: false, methods: [], phishing_resistant: false}")  // safe: every record has mfa
        // His password is no longer usable: a credential is active only while its account is.
        #expect(F.text(F.value(hector, "credentials")!) == "[{kind: \"password\", slot: 1, active: false, last_rotated: 2026-07-19T15:05:00Z, last_used: null}]")  // safe: as above
        let camila = try record("00urcgvG2NR5sqJJCsyg", in: records)
        #expect(F.text(F.value(camila, "status")!) == "\"suspended\"")  // safe: as above
        #expect(F.text(F.value(camila, "last_seen")!) == "2026-10-30T21:48:00Z")  // safe: every record has last_seen
    }

    @Test func aStagedUserWithoutLastLoginHasNeverSignedIn() throws {
        let (users, records) = try sample()
        let mateo = try record("00u7mt6hsXMalS08cvcC", in: records)
        #expect(F.text(mateo) == """
            native_id: "00u7mt6hsXMalS08cvcC", login: "mateo.silva@example.com", email: "mateo.silva@example.com", \
            display_name: "Mateo Silva Rentería", status: "pending", interactive: true, privileged: null, root: false, guest: false, \
            mfa: {enabled: false, methods: [], phishing_resistant: false}, created: 2026-11-18T17:00:00Z, \
            last_seen: null, never_seen: true, credentials: []
            """)
        #expect(F.at(mateo, "never_seen", in: users) == "450:3")
        #expect(F.at(mateo, "credentials", in: users) == "450:3")
    }

    @Test func onlyActiveFactorsCountAndEmailIsNotASecondFactor() throws {
        let (_, records) = try sample()
        func mfa(_ id: String) throws -> String { F.text(F.value(try record(id, in: records), "mfa")!) }  // safe: every record has mfa
        // Isabel: an active email factor, push and TOTP still PENDING_ACTIVATION.
        #expect(try mfa("00u6LtvlSoJbzt5hRFSU") == "{enabled: false, methods: [\"email\"], phishing_resistant: false}")
        // Jorge: SMS alone is a second factor, and not a phishing-resistant one.
        #expect(try mfa("00ug40UWDuBN9KnqgrEO") == "{enabled: true, methods: [\"sms\"], phishing_resistant: false}")
        // Ana: TOTP; her WebAuthn key is INACTIVE.
        #expect(try mfa("00uc99YgxXOZFV79ePMV") == "{enabled: true, methods: [\"token:software:totp\"], phishing_resistant: false}")
        // Lucía: a security key and Okta FastPass.
        #expect(try mfa("00u8bNyboYmmKdTQgdoS") == "{enabled: true, methods: [\"webauthn\", \"signed_nonce\"], phishing_resistant: true}")
        // The user no member claims: SMS and a security question.
        #expect(try mfa("00u4rD1azQ7wQmn2KhTs") == "{enabled: true, methods: [\"sms\", \"question\"], phishing_resistant: false}")
    }

    @Test func everyOktaStatusMapsToAnAccountStatus() throws {
        let statuses = ["ACTIVE", "RECOVERY", "PASSWORD_EXPIRED", "LOCKED_OUT", "SUSPENDED", "DEPROVISIONED", "STAGED", "PROVISIONED"]
        let users = statuses.enumerated().map { #"{"id": "00u\#($0.offset)", "status": "\#($0.element)", "profile": {"login": "u\#($0.offset)@acme.com"}}"# }
        let records = try F.records(format, F.file("users.json", "[" + users.joined(separator: ",\n") + "]"))
        #expect(records.map { F.text(F.value($0, "status")!) } == [  // safe: every record has a status
            "\"active\"", "\"active\"", "\"active\"", "\"active\"", "\"suspended\"", "\"deprovisioned\"", "\"pending\"", "\"pending\"",
        ])
    }

    @Test func withoutTheFactorsFileMFAIsUnknown() throws {
        let users = F.file("users.json", """
            [{"id": "00u1a", "status": "ACTIVE", "lastLogin": "2026-10-01T08:00:00.000Z", "statusChanged": "2025-02-03T10:00:00.000Z",
              "profile": {"login": "dana@acme.com", "email": "dana@acme.com", "firstName": "Dana"}},
             {"id": "00u9z", "status": "DEPROVISIONED", "lastLogin": null, "profile": {"login": "lee@acme.com", "lastName": "Park"}}]
            """)
        let records = try F.records(format, users)
        #expect(records.map(F.text) == [
            """
            native_id: "00u1a", login: "dana@acme.com", email: "dana@acme.com", display_name: "Dana", status: "active", \
            interactive: true, privileged: null, root: false, guest: false, mfa: {enabled: null, methods: [], phishing_resistant: null}, \
            created: null, last_seen: 2026-10-01T08:00:00Z, never_seen: false, credentials: []
            """,
            """
            native_id: "00u9z", login: "lee@acme.com", email: null, display_name: "Park", status: "deprovisioned", \
            interactive: true, privileged: null, root: false, guest: false, mfa: {enabled: null, methods: [], phishing_resistant: null}, \
            created: null, last_seen: null, never_seen: true, credentials: []
            """,
        ])
        #expect(F.at(records[1], "never_seen", in: users) == "3:58")
    }

    @Test func anUnknownStatusIsAnErrorAtTheStatus() {
        let users = F.file("users.json", """
            [{"id": "00u1a", "status": "ACTIVE", "profile": {"login": "dana@acme.com"}},
             {"id": "00u2b", "status": "ARCHIVED\\u001b[2J", "profile": {"login": "lee@acme.com"}}]
            """)
        #expect(F.problems(format, users) == [
            "users.json:2:28: unknown Okta status 'ARCHIVED\\u{1B}[2J'; expected one of ACTIVE, DEPROVISIONED, LOCKED_OUT, PASSWORD_EXPIRED, "
                + "PROVISIONED, RECOVERY, STAGED, SUSPENDED",
        ])
    }

    @Test func aMissingOrMistypedFieldIsAnErrorNamingIt() {
        let users = F.file("users.json", """
            [{"status": "ACTIVE", "profile": {"login": "dana@acme.com"}},
             {"id": "00u2b", "status": 3, "profile": {"email": "lee@acme.com"}},
             {"id": "00u3c", "status": "ACTIVE", "profile": "kim@acme.com"},
             {"id": "00u4d", "status": "ACTIVE", "profile": {"login": "kim@acme.com"}, "lastLogin": "yesterday"},
             {"id": "00u5e", "status": "ACTIVE", "profile": {"login": "max@acme.com"}, "created": "2026-02-30T10:00:00.000Z"}]
            """)
        #expect(F.problems(format, users) == [
            "users.json:1:2: user 1 has no `id`",
            "users.json:2:2: user 2 has no `profile.login`",
            "users.json:2:28: `status` is a number; expected a string",
            "users.json:3:49: `profile` is a string; expected an object",
            "users.json:4:89: `lastLogin` is 'yesterday', not an RFC 3339 date-time (2026-10-01T08:00:00.000Z)",
            "users.json:5:87: `created` is '2026-02-30T10:00:00.000Z', not a valid date-time: day 30 does not exist in February 2026, which has 28 days",
        ])
    }

    @Test func aRecordThatIsNotAnObjectIsAnError() {
        let users = F.file("users.json", """
            [{"id": "00u1a", "status": "ACTIVE", "profile": {"login": "dana@acme.com"}},
             "00u2b",
             [{"id": "00u3c", "status": "ACTIVE", "profile": {"login": "kim@acme.com"}}, null]]
            """)
        #expect(F.problems(format, users) == [
            "users.json:2:2: user 2 is a string; expected an object",
            "users.json:3:78: user 4 is null; expected an object",
        ])
    }

    @Test func anEmptyListHasNoUsersButAnEmptyFileIsAnError() throws {
        #expect(try F.records(format, F.file("users.json", "[]\n")).isEmpty)
        #expect(F.problems(format, F.file("users.json", "")) == [
            "users.json: the export is empty; expected a JSON array of users (GET /api/v1/users), or an array of such pages",
        ])
        #expect(F.problems(format, F.file("users.json", "  \n")) == [
            "users.json: the export is empty; expected a JSON array of users (GET /api/v1/users), or an array of such pages",
        ])
    }

    @Test func anExportThatIsNotAListOrNotJSONIsAnError() {
        #expect(F.problems(format, F.file("users.json", #"{"id": "00u1a", "status": "ACTIVE"}"#)) == [
            "users.json:1:1: the export is an object; expected a JSON array of users (GET /api/v1/users), or an array of such pages",
        ])
        #expect(F.problems(format, F.file("users.json", #"[{"id": "00u1a",, }]"#)) == [
            "users.json:1:17: syntax error: did not find expected node content while parsing a flow node",
        ])
        #expect(F.problems(format, F.file("users.json", #"[{"id": "00u1a", "id": "00u2b"}]"#)) == ["users.json:1:18: duplicate key 'id' in this mapping"])
        #expect(F.problems(format, F.file("users.json", "[]\n---\n[]\n")) == [
            "users.json:3:1: a second document in the export; expected one JSON value, a JSON array of users (GET /api/v1/users), or an array of such pages",
        ])
    }

    @Test func pagesAndTheDeprovisionedPullMayBeGivenAsAnArrayOfArrays() throws {
        let users = F.file("users.json", """
            [[{"id": "00u1a", "status": "ACTIVE", "profile": {"login": "dana@acme.com"}}],
             [{"id": "00u9z", "status": "DEPROVISIONED", "profile": {"login": "lee@acme.com"}}]]
            """)
        let records = try F.records(format, users)
        #expect(records.map(\.nativeID) == ["00u1a", "00u9z"])
        #expect(records.map(\.position) == [1, 2])
        #expect(F.at(records[1], "status", in: users) == "2:29")
    }

    @Test func aUserListedTwiceIsAnError() {
        let users = F.file("users.json", """
            [{"id": "00u1a", "status": "ACTIVE", "profile": {"login": "dana@acme.com"}},
             {"id": "00u1a", "status": "DEPROVISIONED", "profile": {"login": "dana@acme.com"}}]
            """)
        #expect(F.problems(format, users) == ["users.json:2:9: the user id '00u1a' is listed twice"])
    }

    @Test func theFactorsFileMustCoverExactlyTheUsers() {
        let users = F.file("users.json", """
            [{"id": "00u1a", "status": "ACTIVE", "profile": {"login": "dana@acme.com"}},
             {"id": "00u2b", "status": "ACTIVE", "profile": {"login": "lee@acme.com"}}]
            """)
        let factors = F.file("factors.json", """
            {"00u1a": [{"factorType": "push", "status": "ACTIVE"}, {"status": "ACTIVE"}],
             "00u7x": []}
            """)
        #expect(F.problems(format, users, extras: ["factors": factors]) == [
            "factors.json:1:56: factor 2 has no `factorType`",
            "factors.json:2:2: factors for '00u7x', who is not a user in 'users.json'; export the files of one source together",
            "users.json:2:9: the user '00u2b' has no entry in the factors file 'factors.json'; give every user an array, empty when it has no factor",
        ])
        let notAList = F.file("factors.json", #"{"00u1a": {"factorType": "push"}, "00u2b": []}"#)
        #expect(F.problems(format, users, extras: ["factors": notAList]) == [
            "factors.json:1:11: the factors of '00u1a' are an object; expected an array",
        ])
        #expect(F.problems(format, users, extras: ["factors": F.file("factors.json", "[]")]) == [
            "factors.json:1:1: the factors file is an array; expected a JSON object of Okta user id to that user's factors (GET /api/v1/users/{id}/factors)",
        ])
    }
}
