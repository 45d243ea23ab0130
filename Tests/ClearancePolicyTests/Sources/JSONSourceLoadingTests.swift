import ClearanceCore
import ClearanceDocument
import Foundation
import Testing
import ClearanceTestSupport
@testable import ClearancePolicy

/// The JSON formats read through the source loader and linked to declared members: the Account documents policies see.
@Suite("JSON sources loaded and linked")
struct JSONSourceLoadingTests {
    /// A linker over members written as YAML, one document each.
    func linker(_ members: [String]) throws -> IdentityLinker {
        let loader = YAMLLoader(symbols: SymbolTable())
        let documents = try members.enumerated().map { index, text in
            let root = try loader.load(text: text, name: "member\(index).yaml")[0].root
            return InputDocument(kind: .teamMember, id: root["id"]?.string ?? "", root: root)
        }
        return IdentityLinker(documents)
    }

    func declaration(format: String, folder: String, file: String, scope: String?, extras: [String: String] = [:]) throws -> SourceDeclaration {
        let node = try YAMLLoader(symbols: SymbolTable()).load(text: "format: \(format)\nfile: \(file)\ngenerated_at: 2026-11-19T06:00:00Z\n", name: "clearance.yaml")[0].root
        return SourceDeclaration(format: format, file: file, path: folder + "/" + file, system: format == "okta-users" ? "okta" : "github", scope: scope,
                                 generatedAt: node["generated_at"]?.timestamp, extraFiles: extras.mapValues { ($0, folder + "/" + $0) }, node: node)
    }

    @Test func anOktaUserLinksToTheMemberWithItsEmail() throws {
        let folder = TemporaryDirectory()
        folder.write("okta-users.json", """
            [{"id": "00u1a", "status": "ACTIVE", "lastLogin": "2026-10-01T08:00:00.000Z",
              "profile": {"login": "dana@acme.com", "email": "Dana@Acme.com", "firstName": "Dana", "lastName": "Kim"}},
             {"id": "00u9z", "status": "DEPROVISIONED", "profile": {"login": "lee@acme.com", "email": "lee@acme.com"}}]
            """)
        folder.write("okta-factors.json", #"{"00u1a": [{"factorType": "webauthn", "status": "ACTIVE"}], "00u9z": []}"#)
        let source = try declaration(format: "okta-users", folder: folder.path, file: "okta-users.json", scope: nil, extras: ["factors": "okta-factors.json"])
        let loaded = try SourceLoader(symbols: SymbolTable()).load(source, linker: linker(["kind: TeamMember\nid: dana\nemail: dana@acme.com\n"]))
        #expect(loaded.documents.count == 3)
        let dana = loaded.documents[0].root
        #expect(dana["kind"]?.string == "Account")
        #expect(dana["id"]?.string == "okta::00u1a")
        #expect(dana["link"]?.string == "linked")
        #expect(dana["person"]?.string == "dana")
        #expect(dana["linked_by"]?.string == "email")
        #expect(dana["display_name"]?.string == "Dana Kim")
        #expect(dana["mfa"]?["phishing_resistant"]?.bool == true)
        #expect(dana["link"]?.location.description == folder.path + "/okta-users.json:2:50")
        #expect(dana["last_seen"]?.location.description == folder.path + "/okta-users.json:1:51")
        let lee = loaded.documents[1].root
        #expect(lee["link"]?.string == "unlinked")
        #expect(lee["status"]?.string == "deprovisioned")
        #expect(loaded.summary.links == ["linked": 1, "unlinked": 1])
        #expect(loaded.summary.extraFiles.count == 1)
    }

    @Test func aGitHubLoginLinksByAccountsAndACollaboratorIsLocatedInItsOwnFile() throws {
        let folder = TemporaryDirectory()
        folder.write("members.json", #"[{"login":"dana-k","id":4411,"type":"User"},{"login":"old-contractor","id":9902,"type":"User"}]"#)
        folder.write("admins.json", #"[{"login":"dana-k","id":4411}]"#)
        folder.write("outside.json", "[\n  {\"login\":\"ext-dev\",\"id\":7001,\"type\":\"User\"}\n]\n")
        let source = try declaration(format: "github-org-members", folder: folder.path, file: "members.json", scope: "acme",
                                     extras: ["admins": "admins.json", "outside_collaborators": "outside.json"])
        let members = ["kind: TeamMember\nid: dana\nemail: dana@acme.com\naccounts: {github: Dana-K}\n",
                       "kind: TeamMember\nid: ext\nemail: ext@partner.example\naccounts: {github: [ext-dev]}\n"]
        let loaded = try SourceLoader(symbols: SymbolTable()).load(source, linker: linker(members))
        let roots = loaded.documents.map(\.root)
        #expect(roots.map { $0["id"]?.string } == ["github:acme:4411", "github:acme:9902", "github:acme:7001", "members.json"])
        #expect(roots.map { $0["link"]?.string } == ["linked", "unlinked", "linked", nil])
        #expect(roots.map { $0["person"]?.string } == ["dana", nil, "ext", nil])
        #expect(roots[0]["linked_by"]?.string == "accounts")
        #expect(roots[0]["privileged"]?.bool == true)
        #expect(roots[0]["link"]?.location.description == folder.path + "/members.json:1:11")
        #expect(roots[2]["link"]?.location.description == folder.path + "/outside.json:2:12")
        #expect(roots[2]["source"]?["record"]?.int == 1)
    }

    @Test func theSampleExportsGiveDocumentsOfTheirShapes() throws {
        let folder = JSONSourceFixture.exports.dropLast().description
        let sources = [
            try declaration(format: "okta-users", folder: folder, file: "okta-users.json", scope: nil, extras: ["factors": "okta-factors.json"]),
            try declaration(format: "github-org-members", folder: folder, file: "github-members.json", scope: "acme",
                            extras: ["admins": "github-admins.json", "two_factor_disabled": "github-2fa-disabled.json"]),
        ]
        let loaded = try SourceLoader(symbols: SymbolTable()).load(sources, linker: linker([]))
        #expect(loaded.map(\.documents.count) == [27, 21])
        for source in loaded {
            for document in source.documents.dropLast() {
                #expect(ShapeChecker.all(document.root, .object(ObservedShapes.account), name: "account").map(\.description) == [])
            }
            #expect(ShapeChecker.all(source.documents.last!.root, .object(ObservedShapes.source), name: "source").map(\.description) == [])  // safe: a Source document ends every source
        }
    }
}
