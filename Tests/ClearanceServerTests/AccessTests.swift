import ClearanceCore
import ClearanceServer
import ClearanceTestSupport
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Bearer tokens and the decision log.
struct AccessTests {
    let contract = try! OpenAPIContractChecker()

    static func hash(_ token: String) -> String { SHA256.hash(data: Array(token.utf8)).lowercaseHex }

    @Test func everyRouteButHealthAndReadyNeedsAnAcceptedToken() async throws {
        let project = ServerTestProject()
        let tokens = try AccessTokens(text: "# the HR system\nhris:\(Self.hash("s3cret-hris"))\n\n\(Self.hash("second"))\n", file: "tokens")
        let server = ServerApplication(store: try project.store(), options: ServerTestProject.options { $0.tokens = tokens })
        try await withServer(server) { client in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/ready", method: .get).status == .ok)
            for (path, method) in [("/v1/people/ana.lopez/clearance", HTTPRequest.Method.get), ("/v1/findings", .get), ("/v1/status", .get),
                                   ("/openapi.yaml", .get), ("/v1/check", .post)] {
                let none = try await client.execute(uri: path, method: method)
                #expect(none.status == .unauthorized, "\(path)")
                #expect(none.headers[.wwwAuthenticate] == "Bearer realm=\"clearance\"")
                #expect(try none.json["detail"] == .string("no Authorization header; send `Authorization: Bearer TOKEN`"))
                let template = path.hasPrefix("/v1/people/") ? "/v1/people/{id}/clearance" : path
                #expect(contract.problems(none, method: method.rawValue, path: template) == [])
                let wrong = try await client.execute(uri: path, method: method, headers: [.authorization: "Bearer s3cret-hrix"])
                #expect(wrong.status == .unauthorized)
                #expect(try wrong.json["detail"] == .string("the bearer token is not accepted"))
            }
            let basic = try await client.execute(uri: "/v1/status", method: .get, headers: [.authorization: "Basic czNjcmV0"])
            #expect(try basic.json["detail"] == .string("the Authorization header is not a bearer token"))
            for token in ["s3cret-hris", "second"] {
                let accepted = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(accepted.status == .ok)
            }
        }
    }

    @Test func aTokensFileWithALineThatIsNotAHashIsRefusedWithoutShowingIt() throws {
        #expect(throws: Diagnostic.self) { try AccessTokens(text: "\n", file: "tokens") }
        do {
            _ = try AccessTokens(text: "\(Self.hash("a"))\nhris:s3cret-pasted-by-mistake\n", file: "tokens")
            Issue.record("a token in place of its hash was accepted")
        } catch {
            #expect(error.description == "tokens:2:1: a tokens file holds one SHA-256 hash per line (64 hexadecimal digits), optionally after `ID:`; this line is not one (its content is not shown)")
            #expect(!error.rendered.contains("s3cret"))
        }
    }

    @Test func eachDecisionIsOneEscapedJSONLineWithTheCallerAndTheRevision() async throws {
        let project = ServerTestProject()
        let logPath = project.directory.path + "/decisions.jsonl"
        let log = try DecisionLog(path: logPath, clock: { ServerTestProject.now })
        let tokens = try AccessTokens(text: "hris:\(Self.hash("t"))\n", file: "tokens")
        let store = try project.store()
        let server = ServerApplication(store: store, options: ServerTestProject.options { $0.tokens = tokens; $0.decisionLog = log })
        let auth: HTTPFields = [.authorization: "Bearer t"]
        try await withServer(server) { client in
            _ = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get, headers: auth)
            _ = try await client.execute(uri: "/v1/people/x%0A%22y/clearance", method: .get, headers: auth)
            _ = try await client.execute(uri: "/v1/check", method: .post, headers: auth, body: body(CheckRouteTests.candidate()))
            _ = try await client.execute(uri: "/v1/status", method: .get, headers: auth)  // not a decision
        }
        let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.last == "")
        let revision = store.current!.revision
        let entries = try lines.dropLast().map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        #expect(entries.map { $0["route"] } == [.string("GET /v1/people/{id}/clearance"), .string("GET /v1/people/{id}/clearance"), .string("POST /v1/check")])
        #expect(entries.map { $0["subject"] } == [.string("ben.ortiz"), .string("x\n\"y"), .string("TeamMember new.hire")])
        #expect(entries.map { $0["result"] } == [.string("blocked"), .string("unknown-person"), .string("pass")])
        #expect(entries.allSatisfy { $0["revision"] == .string(revision) && $0["caller"] == .string("hris") && $0["time"] == .string("2026-11-19T00:00:00Z") })
        let ids = entries.compactMap { $0["decision"]?.string }
        #expect(Set(ids).count == 3)
        #expect(lines[1].contains("x\\n\\\"y"))
    }
}
