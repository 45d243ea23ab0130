import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceTestSupport
import Foundation
import Testing

/// Sources through the input loader: each record of an export becomes an Account linked to the declared
/// people and service accounts, policies read the links both ways, and findings point into the export.
struct SourceLinkingTests {
    /// A format of this test alone: one account per line, `native,login,email,status`.
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
                records.append(ObservedRecord(nativeID: cells[0], position: line, offset: offset, fields: [
                    ObservedField("native_id", .string(cells[0], at: starts[0])), ObservedField("login", .string(cells[1], at: starts[1])),
                    ObservedField("email", .string(cells[2].isEmpty ? nil : cells[2], at: starts[2])),
                    ObservedField("status", .string(cells[3], at: starts[3])), ObservedField("interactive", .bool(true, at: offset)),
                    ObservedField("root", .bool(false, at: offset)),
                    ObservedField("guest", .bool(false, at: offset)),
                    ObservedField("mfa", .mapping([ObservedField("enabled", .bool(nil, at: offset)), ObservedField("methods", .list([], at: offset))], at: offset)),
                    ObservedField("never_seen", .bool(false, at: offset)), ObservedField("credentials", .list([], at: offset)),
                ]))
            }
            return records
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
        accounts: {test: deploy}
        ---
        kind: ServiceAccount
        id: ci-bot
        system: test
        native_id: ci
        owner: ana
        purpose: builds
        ---
        kind: ServiceAccount
        id: deploy-bot
        system: test
        native_id: deploy
        owner: ana
        purpose: deploys
        """

    static let export = "u1,ana,ana@acme.com,active\nu2,ana-admin,,active\nu3,shared,,active\nci,ci,,active\ndeploy,deploy,,active\nu9,stranger,x@other.com,suspended\nu10,bo,BO@acme.com,active\n"

    static let policy = """
        kind: Policy
        id: links
        title: Links
        target: TeamMember
        rules:
          - id: LK-01
            title: People have no accounts
            severity: low
            require: "!(member.id in accounts_of)"
            message: "{{member.id}} has {{size(accounts_of[member.id])}} accounts: {{accounts_of[member.id].map(a, a.login)}}"
        ---
        kind: Policy
        id: accounts
        title: Accounts
        target: Account
        rules:
          - id: LK-02
            title: Accounts are linked
            severity: high
            require: account.link == 'linked'
            message: "{{account.login}} is {{account.link}} {{account.claimants}}"
        """

    private func load(exportFile: String = "exports/accounts.txt", paths: [String] = ["inputs"]) throws -> (DocumentSet, PolicySet, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        folder.write("policies/links.yaml", Self.policy)
        folder.write("inputs/team.yaml", Self.team)
        folder.write("exports/accounts.txt", Self.export)
        folder.write("clearance.yaml", "sources:\n  - format: test-lines\n    file: \(exportFile)\n    generated_at: 2026-11-19T06:00:00Z\n")
        let entry = try YAMLLoader(symbols: SymbolTable()).load(file: folder.path + "/clearance.yaml")[0].root["sources"]!.elements[0]
        let declaration = SourceDeclaration(format: "test-lines", file: exportFile, path: folder.path + "/" + exportFile, system: "test",
                                            generatedAt: Timestamp(seconds: 1_795_500_000), node: entry)
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(paths: [folder.path + "/policies"])
        let documents = try InputLoader(symbols: symbols).load(paths: paths.map { folder.path + "/" + $0 }, sources: [declaration],
                                                               sourcesAreContext: paths != ["inputs"], formats: SourceFormats([LinesFormat()]),
                                                               policies: policies)
        return (documents, policies, folder)
    }

    @Test func accountsLinkToPeopleAndServiceAccounts() throws {
        let (documents, _, _) = try load()
        let links = documents.documents(of: .account).map { document -> String in
            let root = document.root
            let claimants = root["claimants"]?.elements.compactMap(\.string).joined(separator: "+") ?? ""
            return [document.id, root["link"]?.string ?? "-", root["person"]?.string ?? "-", root["linked_by"]?.string ?? "-", claimants,
                    root["service_account"]?.string ?? "-"].joined(separator: " ")
        }
        #expect(links == [
            "test::u1 linked ana email ana -",  // the email, in another case
            "test::u2 linked ana accounts ana -",  // named in ana's `accounts`
            "test::u3 ambiguous - - ana+bo -",  // two members claim it
            "test::ci service - service-account  ci-bot",
            "test::deploy ambiguous - - cy deploy-bot",  // a person's account declared as a service account
            "test::u9 unlinked - -  -",
            "test::u10 linked bo email bo -",
        ])
        let sources = documents.documents(of: .source)
        #expect(sources.map(\.id) == ["exports/accounts.txt"])
        #expect(sources.first?.root["records"]?.int == 7)
        #expect(documents.sources.map { "\($0.file) \($0.records) \($0.links.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })" }
                == ["exports/accounts.txt 7 [\"ambiguous=2\", \"linked=3\", \"service=1\", \"unlinked=1\"]"])
        #expect(documents.digests.last?.role == .source)
    }

    @Test func policiesReadLinksBothWaysAndFindingsPointIntoTheExport() throws {
        let (documents, policies, _) = try load()
        let report = Engine(policies: policies, documents: documents, now: Timestamp(seconds: 1_795_600_000)!).run()
        let failing = report.findings.filter { $0.status == .fail }
            .map { "\($0.rule.id) \($0.subject) \($0.location.file.split(separator: "/").last ?? "")@\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(failing.sorted() == [
            "LK-01 ana team.yaml@2:5 ana has 2 accounts: [\"ana\", \"ana-admin\"]",
            "LK-01 bo team.yaml@9:5 bo has 1 accounts: [\"bo\"]",
            "LK-02 test::ci accounts.txt@4:1 ci is service []",
            "LK-02 test::deploy accounts.txt@5:1 deploy is ambiguous [\"cy\"]",  // at the native id that decided
            "LK-02 test::u3 accounts.txt@3:4 shared is ambiguous [\"ana\", \"bo\"]",  // at the login that decided
            "LK-02 test::u9 accounts.txt@6:1 stranger is unlinked []",
        ])
    }

    @Test func aNarrowedRunReadsSourcesAsContext() throws {
        let (documents, _, _) = try load(paths: ["inputs/team.yaml"])
        #expect(documents.subjects.allSatisfy { $0.kind == .teamMember || $0.kind == .serviceAccount })
        #expect(documents.documents(of: .account).count == 7)
    }

    @Test func anObservedKindWrittenByHandIsRefused() throws {
        let folder = TemporaryDirectory()
        folder.write("inputs/fake.yaml", "kind: Account\nid: aws::dana\n")
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(paths: [CommandRunner.packageRoot.path + "/Policies"])
        #expect(throws: Diagnostics.self) { try InputLoader(symbols: symbols).load(paths: [folder.path + "/inputs"], policies: policies) }
        do {
            _ = try InputLoader(symbols: symbols).load(paths: [folder.path + "/inputs"], policies: policies)
        } catch {
            #expect(error.items.map(\.message) == [
                "a Account among the inputs; Account documents are read only from vendors' exports named under `sources` in clearance.yaml, never written by hand",
            ])
            #expect(error.items.first?.location.map { "\($0.line):\($0.column)" } == "1:7")
        }
    }

    @Test func anExportThatIsALinkIsNotFollowed() throws {
        let folder = TemporaryDirectory()
        folder.write("inputs/team.yaml", Self.team)
        folder.write("exports/.keep", "")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/exports/accounts.txt", withDestinationPath: "/etc/passwd")
        folder.write("clearance.yaml", "sources:\n  - format: test-lines\n    file: exports/accounts.txt\n    generated_at: 2026-11-19T06:00:00Z\n")
        let entry = try YAMLLoader(symbols: SymbolTable()).load(file: folder.path + "/clearance.yaml")[0].root["sources"]!.elements[0]
        let declaration = SourceDeclaration(format: "test-lines", file: "exports/accounts.txt", path: folder.path + "/exports/accounts.txt", system: "test",
                                            generatedAt: Timestamp(seconds: 1_795_500_000), node: entry)
        do {
            _ = try SourceLoader(formats: SourceFormats([LinesFormat()]), symbols: SymbolTable()).load(declaration, linker: IdentityLinker([]))
            Issue.record("a linked export was read")
        } catch {
            #expect(error.items.map(\.message) == ["exports/accounts.txt: a symbolic link; an export is read only from a regular file, never through a link"])
            #expect(error.items.first?.location.map { "\($0.line):\($0.column)" } == "3:11")
        }
    }

    /// The checked tree controls its folders: `exports` made a link to a folder of the machine is refused, while a link that stays
    /// in the project is followed, as it is for input folders.
    @Test func anExportReachedThroughALinkedFolderOutsideTheProjectIsNotRead() throws {
        let outside = TemporaryDirectory()
        outside.write("accounts.txt", "u1,stolen,,active\n")
        let folder = TemporaryDirectory()
        folder.write("store/accounts.txt", Self.export)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/exports", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/inside", withDestinationPath: "store")
        folder.write("clearance.yaml", "sources:\n  - format: test-lines\n    file: exports/accounts.txt\n    generated_at: 2026-11-19T06:00:00Z\n")
        let entry = try YAMLLoader(symbols: SymbolTable()).load(file: folder.path + "/clearance.yaml")[0].root["sources"]!.elements[0]
        func load(_ written: String) throws(Diagnostics) -> SourceLoader.Loaded {
            let declaration = SourceDeclaration(format: "test-lines", file: written, path: folder.path + "/" + written, system: "test",
                                                generatedAt: Timestamp(seconds: 1_795_500_000), node: entry)
            return try SourceLoader(formats: SourceFormats([LinesFormat()]), symbols: SymbolTable()).load(declaration, linker: IdentityLinker([]))
        }
        let error = #expect(throws: Diagnostics.self) { _ = try load("exports/accounts.txt") }
        #expect(error?.items.map(\.message) == ["exports/accounts.txt: exports is a symbolic link that leaves the project folder (it points to \(outside.path)); "
                                                + "an export is never read through it"])
        #expect(try load("inside/accounts.txt").documents.count > 1)
    }
}
