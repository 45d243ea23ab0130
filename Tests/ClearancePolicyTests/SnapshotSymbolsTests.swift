import ClearanceDocument
import Foundation
import Testing
import ClearanceCore
import ClearanceEngine
import ClearanceTestSupport
@testable import ClearancePolicy

/// Policies and the documents they check share one symbol table per snapshot; documents read
/// against a prepared snapshot without interning check and evaluate the same, and leave it alone.
@Suite("Snapshot symbols")
struct SnapshotSymbolsTests {
    let directory = TemporaryDirectory()

    static let policy = """
        kind: Policy
        id: demo
        title: Demo
        target: TeamMember
        rules:
          - id: D-01
            title: Single sign-on
            severity: high
            require: member.identity.sso == true

        """

    static func member(_ id: String, sso: Bool, extra: String = "") -> String {
        "kind: TeamMember\nid: \(id)\nname: Someone\nstatus: active\nidentity:\n  sso: \(sso)\n  last_login: 2027-01-01\n\(extra)"
    }

    /// The findings of a run as `RULE subject status`, in report order.
    static func findings(_ policies: PolicySet, _ documents: DocumentSet) throws -> [String] {
        let now = try #require(Timestamp(seconds: 1_795_132_800))  // 2026-11-20T00:00:00Z
        let report = Engine(policies: policies, documents: documents, now: now).run()
        return Finding.sortedForReports(report.findings).map { "\($0.rule.id) \($0.subject) \($0.status.rawValue)" }
    }

    @Test func requestsReadWithoutInterningCheckAndEvaluateAsTheSnapshotDoes() throws {
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(bytes: Array(Self.policy.utf8), name: "policy.yaml")
        let snapshot = try InputLoader(symbols: symbols).load(paths: [directory.write("team/ana.yaml", Self.member("ana", sso: true))], policies: policies)
        #expect(try Self.findings(policies, snapshot) == ["D-01 ana pass", "CLR-FUTURE-EVIDENCE ana fail"])
        let known = symbols.count
        let requests = InputLoader(symbols: symbols, keys: .lookUpOnly)
        for index in 0..<200 {
            let path = directory.write("request/m\(index).yaml", Self.member("m\(index)", sso: index % 2 == 0))
            let documents = try requests.load(paths: [path], policies: policies, digests: false)
            #expect(try Self.findings(policies, documents) == [
                "D-01 m\(index) \(index % 2 == 0 ? "pass" : "fail")", "CLR-FUTURE-EVIDENCE m\(index) fail",
            ])
            let key = "k_\(UUID().uuidString.prefix(8).lowercased())"
            let unknown = directory.write("request/u\(index).yaml", Self.member("u\(index)", sso: true, extra: "\(key): 1\n"))
            do {
                _ = try requests.load(paths: [unknown], policies: policies, digests: false)
                Issue.record("a TeamMember with an unknown key loaded")
            } catch {
                #expect(error.items.map(\.message) == ["unknown key `\(key)` in TeamMember"])
                #expect(error.items.first?.sourceLine == "\(key): 1")
            }
        }
        #expect(symbols.count == known)
    }

    @Test func documentsOfAnotherTableCheckAndEvaluateByName() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "policy.yaml")
        let paths = [directory.write("team/ana.yaml", Self.member("ana", sso: true)), directory.write("team/luis.yaml", Self.member("luis", sso: false))]
        let documents = try InputLoader(symbols: SymbolTable()).load(paths: paths, policies: policies)
        #expect(try Self.findings(policies, documents) == [
            "D-01 ana pass", "CLR-FUTURE-EVIDENCE ana fail", "D-01 luis fail", "CLR-FUTURE-EVIDENCE luis fail",
        ])
    }

    @Test func snippetsOfALoadedDocumentOutliveItsFile() throws {
        let path = directory.write("team/ana.yaml", Self.member("ana", sso: true, extra: "title: Engineer\n"))
        let root = try #require(try YAMLLoader(symbols: SymbolTable()).load(file: path).first).root
        try FileManager.default.removeItem(atPath: path)
        let title = try #require(root["title"])
        #expect(ShapeChecker.diagnostic(title, code: "input.test", "a title").rendered == """
            \(path):8:8: a title
            title: Engineer
                   ^
            """)
    }
}
