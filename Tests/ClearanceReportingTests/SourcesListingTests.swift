import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting
import ClearanceTestSupport
import Foundation
import Testing

/// What `clearance sources` shows, from a team and an export of a format of this test alone: each source with its digest and
/// link counts, every unlinked or ambiguous record at its line with the YAML that links it, as text and as JSON; and the
/// accounts a person's checklist shows.
struct SourcesListingTests {
    /// One account per line, `native,login,email,status[,mfa,last_seen]`.
    struct LinesFormat: SourceFormat {
        var name: String { "test-lines" }
        var summary: String { "accounts, one per line" }
        var recordKind: DocumentKind { .account }
        var defaultSystem: String { "test" }

        func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
            var records: [ObservedRecord] = [], offset = 0, line = 0
            for text in String(decoding: export.file.text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                line += 1
                defer { offset += text.utf8.count + 1 }
                guard !text.isEmpty else { continue }
                let cells = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                var starts: [Int] = [], at = offset
                for cell in cells { starts.append(at); at += cell.utf8.count + 1 }
                let mfa: Bool? = cells.count > 4 ? cells[4] == "on" : nil
                let lastSeen = cells.count > 5 ? EvaluationTimeParsing.timestamp(cells[5]) : nil
                records.append(ObservedRecord(nativeID: cells[0], position: line, offset: offset, fields: [
                    ObservedField("native_id", .string(cells[0], at: starts[0])), ObservedField("login", .string(cells[1], at: starts[1])),
                    ObservedField("email", .string(cells[2].isEmpty ? nil : cells[2], at: starts[2])),
                    ObservedField("status", .string(cells[3], at: starts[3])), ObservedField("interactive", .bool(true, at: offset)),
                    ObservedField("root", .bool(cells[0] == "<root_account>", at: offset)),
                    ObservedField("guest", .bool(false, at: offset)),
                    ObservedField("mfa", .mapping([ObservedField("enabled", .bool(mfa, at: offset)),
                                                   ObservedField("methods", .list(mfa == true ? [.string("webauthn", at: offset)] : [], at: offset))], at: offset)),
                    ObservedField("last_seen", .time(lastSeen, at: offset)),
                    ObservedField("never_seen", .bool(false, at: offset)), ObservedField("credentials", .list([], at: offset)),
                ]))
            }
            return records
        }
    }

    /// One HR record per line, `employee_id,email,status,display_name`.
    struct RosterFormat: SourceFormat {
        var name: String { "test-roster" }
        var summary: String { "people, one per line" }
        var recordKind: DocumentKind { .employment }
        var defaultSystem: String { "hris" }

        func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
            var records: [ObservedRecord] = [], offset = 0, line = 0
            for text in String(decoding: export.file.text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                line += 1
                defer { offset += text.utf8.count + 1 }
                guard !text.isEmpty else { continue }
                let cells = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                records.append(ObservedRecord(nativeID: cells[0], position: line, offset: offset, fields: [
                    ObservedField("employee_id", .string(cells[0], at: offset)), ObservedField("email", .string(cells[1], at: offset)),
                    ObservedField("display_name", .string(cells[3], at: offset)), ObservedField("status", .string(cells[2], at: offset)),
                ]))
            }
            return records
        }
    }

    /// Dates in the export.
    enum EvaluationTimeParsing {
        static func timestamp(_ text: String) -> Timestamp? {
            if case .timestamp(let value) = TimestampSyntax.parse(text) { return value }
            return nil
        }
    }

    static let team = """
        kind: TeamMember
        id: ana
        name: Ana
        status: active
        email: Ana@Acme.com
        accounts: {test: [ana-admin, shared]}
        ---
        kind: TeamMember
        id: bo
        name: Bo
        status: offboarded
        email: bo@acme.com
        accounts: {test: shared}
        ---
        kind: TeamMember
        id: cy
        name: Cy
        status: active
        email: cyrus@acme.com
        accounts: {test: deploy}
        ---
        kind: ServiceAccount
        id: deploy-bot
        system: test
        native_id: deploy
        owner: ana
        purpose: deploys
        """

    static let export = """
        u1,ana,ana@acme.com,active,on,2026-11-18T09:00:00Z
        u2,ana-admin,,active,off
        u3,shared,,active
        deploy,deploy,,active
        u9,stranger,x@other.com,suspended
        u10,cyrus2,cyrus@acme.io,active
        u11,true,,active
        <root_account>,<root_account>,,active

        """

    /// The team and the export loaded as a project would be, the export named `exports/accounts.txt` in clearance.yaml.
    static func load(export: String = export) throws -> (DocumentSet, PolicySet, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        folder.write("inputs/team.yaml", team)
        folder.write("exports/accounts.txt", export)
        folder.write("policies/p.yaml", """
            kind: Policy
            id: people
            title: People
            target: TeamMember
            rules:
              - id: P-01
                title: Active
                severity: low
                require: member.status == 'active'
            """)
        folder.write("clearance.yaml", "sources:\n  - format: test-lines\n    file: exports/accounts.txt\n    scope: acme\n    generated_at: 2026-11-19T06:00:00Z\n")
        let entry = try YAMLLoader(symbols: SymbolTable()).load(file: folder.path + "/clearance.yaml")[0].root["sources"]!.elements[0]
        let declaration = SourceDeclaration(format: "test-lines", file: "exports/accounts.txt", path: folder.path + "/exports/accounts.txt", system: "test",
                                            scope: "acme", generatedAt: Timestamp(seconds: 1_795_500_000), node: entry)
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(paths: [folder.path + "/policies"])
        let documents = try InputLoader(symbols: symbols).load(paths: [folder.path + "/inputs"], sources: [declaration],
                                                               formats: SourceFormats([LinesFormat()]), policies: policies)
        return (documents, policies, folder)
    }

    @Test func listsEachSourceAndEveryRecordNoOneHolds() throws {
        let (documents, _, folder) = try Self.load()
        let listing = SourcesListing(documents, formats: SourceFormats([LinesFormat()]))
        #expect(listing.sources.map { "\($0.summary.file) \($0.recordKind?.rawValue ?? "-") \($0.summary.records) \($0.states)" }
                == ["exports/accounts.txt Account 8 [\"linked\", \"service\", \"unlinked\", \"ambiguous\"]"])
        #expect(listing.sources.first.map { source in SourcesListing.linkStates.map { source.count($0) } } == [2, 0, 4, 2])
        let records = listing.records.map { record in
            [record.id, record.link, "\(record.location.line):\(record.location.column)", record.claims.map { "\($0.member)/\($0.by)" }.joined(separator: "+"),
             record.serviceAccount ?? "-", record.closestMember ?? "-", record.memberYAML ?? "-"].joined(separator: " ")
        }
        #expect(records == [
            "test:acme:u3 ambiguous 3:1 ana/accounts+bo/accounts - - -",
            "test:acme:deploy ambiguous 4:1 cy/accounts deploy-bot - -",
            "test:acme:u9 unlinked 5:1  - - accounts: {test: stranger}",  // nobody's email or id is near x@other.com or stranger
            "test:acme:u10 unlinked 6:1  - cy accounts: {test: [deploy, cyrus2]}",  // cy's email differs only in its domain; cy holds deploy already
            "test:acme:u11 unlinked 7:1  - - accounts: {test: \"true\"}",  // quoted, or YAML would read a boolean
            "test:acme:<root_account> unlinked 8:1  - - -",  // no one's
        ])
        #expect(listing.records.allSatisfy { $0.location.file == folder.path + "/exports/accounts.txt" && $0.source == "exports/accounts.txt" })
        #expect(listing.records[0].advice
                == "claimed by ana (by accounts), bo (by accounts): one member only may claim it; remove it from the `accounts.test` of the others")
        #expect(listing.records[1].advice
                == "ServiceAccount deploy-bot declares it and cy (by accounts) claims it: a person's account is not a service account; remove it from deploy-bot or the member's claim")
        #expect(listing.records[3].closestMemberFile == folder.path + "/inputs/team.yaml")
        #expect(listing.records[2].serviceAccountYAML == """
            kind: ServiceAccount
            id: stranger
            system: test
            scope: acme
            native_id: u9
            owner: <member id>
            purpose: <what it is for>
            """)
    }

    @Test func theTextListingShowsWhereAndHowToLink() throws {
        let (documents, _, folder) = try Self.load()
        let text = SourcesListingText(SourcesListing(documents, formats: SourceFormats([LinesFormat()]))).text
            .replacingOccurrences(of: folder.path + "/", with: "")
        let digest = documents.sources[0].sha256
        #expect(text == """
            exports/accounts.txt · test-lines · test acme
              generated 2026-11-24T06:00:00Z · 8 records: 2 linked, 0 service, 4 unlinked, 2 ambiguous
              sha256 \(digest)

            6 records not linked to one member or service account

            exports/accounts.txt:3:1  ambiguous  test:acme:u3 · login shared · active
                claimed by ana (by accounts), bo (by accounts): one member only may claim it; remove it from the `accounts.test` of the others

            exports/accounts.txt:4:1  ambiguous  test:acme:deploy · login deploy · active
                ServiceAccount deploy-bot declares it and cy (by accounts) claims it: a person's account is not a service account; remove it from deploy-bot or the member's claim

            exports/accounts.txt:5:1  unlinked  test:acme:u9 · login stranger · x@other.com · suspended
                add to the TeamMember who holds it:
                  accounts: {test: stranger}
                or, for an account no person signs in with, declare it in a team file:
                  kind: ServiceAccount
                  id: stranger
                  system: test
                  scope: acme
                  native_id: u9
                  owner: <member id>
                  purpose: <what it is for>

            exports/accounts.txt:6:1  unlinked  test:acme:u10 · login cyrus2 · cyrus@acme.io · active
                add to TeamMember cy (inputs/team.yaml), whose name is closest, or to the TeamMember who holds it:
                  accounts: {test: [deploy, cyrus2]}
                or, for an account no person signs in with, declare it in a team file:
                  kind: ServiceAccount
                  id: cyrus2
                  system: test
                  scope: acme
                  native_id: u10
                  owner: <member id>
                  purpose: <what it is for>

            exports/accounts.txt:7:1  unlinked  test:acme:u11 · login true · active
                add to the TeamMember who holds it:
                  accounts: {test: "true"}
                or, for an account no person signs in with, declare it in a team file:
                  kind: ServiceAccount
                  id: "true"
                  system: test
                  scope: acme
                  native_id: u11
                  owner: <member id>
                  purpose: <what it is for>

            exports/accounts.txt:8:1  unlinked  test:acme:<root_account> · login <root_account> · active
                the system's root account: it is no one's and links to no one; guard it with MFA and no access keys

            1 source, 8 records: 2 linked, 0 service, 4 unlinked, 2 ambiguous.

            """)
    }

    @Test func anHRRecordIsLinkedByEmployeeIDAndItsListingSaysWhichMemberToGiveIt() throws {
        let folder = TemporaryDirectory()
        folder.write("inputs/team.yaml", """
            kind: TeamMember
            id: ana
            name: Ana
            status: active
            email: ana@acme.com
            employee_id: "1001"
            ---
            kind: TeamMember
            id: bo
            name: Bo
            status: active
            email: bo@acme.com
            ---
            kind: TeamMember
            id: cy
            name: Cy
            status: active
            employee_id: "1002"
            ---
            kind: TeamMember
            id: dora.diaz
            name: Dora Díaz
            status: active
            email: dora.diaz@acme.com
            """)
        folder.write("exports/people.txt", "1001,ana@acme.com,active,Ana\n1002,bo@acme.com,active,Bo\n1042,dora.diaz@acme.io,inactive,Dora Díaz\n")
        folder.write("policies/p.yaml", "kind: Policy\nid: people\ntitle: People\ntarget: TeamMember\nrules:\n  - {id: P-01, title: Active, severity: low, require: \"true\"}\n")
        folder.write("clearance.yaml", "sources:\n  - format: test-roster\n    file: exports/people.txt\n    generated_at: 2026-11-19T06:00:00Z\n")
        let entry = try YAMLLoader(symbols: SymbolTable()).load(file: folder.path + "/clearance.yaml")[0].root["sources"]!.elements[0]
        let declaration = SourceDeclaration(format: "test-roster", file: "exports/people.txt", path: folder.path + "/exports/people.txt", system: "hris",
                                            generatedAt: Timestamp(seconds: 1_795_500_000), node: entry)
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(paths: [folder.path + "/policies"])
        let formats = SourceFormats([RosterFormat()])
        let documents = try InputLoader(symbols: symbols).load(paths: [folder.path + "/inputs"], sources: [declaration], formats: formats, policies: policies)
        let text = SourcesListingText(SourcesListing(documents, formats: formats)).text.replacingOccurrences(of: folder.path + "/", with: "")
        #expect(text == """
            exports/people.txt · test-roster · hris
              generated 2026-11-24T06:00:00Z · 3 records: 1 linked, 1 unlinked, 1 ambiguous
              sha256 \(documents.sources[0].sha256)

            2 records not linked to one member or service account

            exports/people.txt:2:1  ambiguous  hris::1002 · bo@acme.com · Bo · active
                claimed by bo (by email), cy (by employee_id): one member only may claim it; remove it from the `employee_id` of the others (an email claims it too: bo has the record's email)

            exports/people.txt:3:1  unlinked  hris::1042 · dora.diaz@acme.io · Dora Díaz · inactive
                add to TeamMember dora.diaz (inputs/team.yaml), whose name is closest, or to the TeamMember who is this person:
                  employee_id: "1042"

            1 source, 3 records: 1 linked, 0 service, 1 unlinked, 1 ambiguous.

            """)
    }

    @Test func theJSONListingNamesEverySourceAndRecord() throws {
        let (documents, _, _) = try Self.load()
        let rendered = SourcesListingJSON.render(SourcesListing(documents, formats: SourceFormats([LinesFormat()])))
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(rendered.utf8))
        let source: JSONValue? = json["sources"]?.array?.first
        #expect(source?["file"] == .string("exports/accounts.txt"))
        #expect(source?["format"] == .string("test-lines"))
        #expect(source?["scope"] == .string("acme"))
        #expect(source?["generatedAt"] == .string("2026-11-24T06:00:00Z"))
        #expect(source?["records"] == .number(8))
        #expect(source?["sha256"] == .string(documents.sources[0].sha256))
        let links: [JSONValue?] = ["linked", "service", "unlinked", "ambiguous"].map { source?["links"]?[$0] }
        #expect(links == [JSONValue.number(2), JSONValue.number(0), JSONValue.number(4), JSONValue.number(2)])
        let records = json["records"]?.array ?? []
        #expect(records.map { $0["id"]?.string ?? "" } == ["test:acme:u3", "test:acme:deploy", "test:acme:u9", "test:acme:u10", "test:acme:u11", "test:acme:<root_account>"])
        #expect(records.first?["claimants"]?.array?.map { "\($0["member"]?.string ?? "")/\($0["by"]?.string ?? "")" } == ["ana/accounts", "bo/accounts"])
        #expect(records.first?["memberYaml"] == .null)
        #expect(records.count == 6)
        #expect(records[5]["memberYaml"] == .null)
        #expect(records[5]["serviceAccountYaml"] == .null)
        #expect(records[3]["location"]?["line"] == .number(6))
        #expect(records[3]["closestMember"] == .string("cy"))
        #expect(records[3]["memberYaml"] == .string("accounts: {test: [deploy, cyrus2]}"))
    }

    @Test func controlCharactersFromAnExportAreEscapedInTheText() throws {
        let (documents, _, _) = try Self.load(export: "u1,\u{1B}]8;;x\u{7},\u{1B}[31m@x.com,active\n")
        let text = SourcesListingText(SourcesListing(documents, formats: SourceFormats([LinesFormat()]))).text
        #expect(!text.unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" })
        #expect(text.contains("test:acme:u1 · login \\u{1B}]8;;x\\u{07} · \\u{1B}[31m@x.com · active"))
        #expect(text.contains("accounts: {test: \"\\u001b]8;;x\\u0007\"}"))
    }

    @Test func aPersonsChecklistListsTheAccountsObservedForThem() throws {
        let (documents, policies, _) = try Self.load()
        let report = Engine(policies: policies, documents: documents, now: Timestamp(seconds: 1_795_600_000)!).run()
        #expect(report.sources.map(\.file) == ["exports/accounts.txt"])
        let ana = try #require(report.subjects.first { $0.id == "ana" })
        let accounts = Checklist(subject: ana, in: report).accounts
        #expect(accounts.map { "\($0.system) \($0.scope ?? "-") \($0.name) \($0.status) MFA \($0.mfaText) last seen \($0.lastSeenText) line \($0.location.line)" } == [
            "test acme ana (u1) active MFA on (webauthn) last seen 2026-11-18T09:00:00Z line 1",
            "test acme ana-admin (u2) active MFA off last seen not reported line 2",
        ])
        #expect(ObservedAccountsText.lines(accounts) == [
            "Accounts observed in the sources",
            "  test acme",
            "    ana (u1)         active · MFA on (webauthn) · last seen 2026-11-18T09:00:00Z",
            "      \(accounts[0].location.file):1:1",
            "    ana-admin (u2)   active · MFA off · last seen not reported",
            "      \(accounts[0].location.file):2:1",
        ])
        #expect(Checklist.all(report, subjects: report.subjects.filter { $0.kind == .teamMember }).map { "\($0.subject.id) \($0.accounts.count)" } == ["ana 2", "bo 0", "cy 0"])
    }
}
