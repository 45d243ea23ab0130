@testable import ClearanceServer
import ClearanceCore
import ClearanceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

/// Kept clearance answers given on the connection's own thread (``KeptAnswerHandler``): the same answer as the router's,
/// and every request it cannot answer at once passed on untouched and in order.
struct KeptAnswerTests {
    static let auth: HTTPFields = [.authorization: "Bearer t"]

    /// The accepted token's header and one more.
    static func auth(_ name: HTTPField.Name, _ value: String) -> HTTPFields {
        var fields = auth
        fields[name] = value
        return fields
    }

    /// A server over the test project with one accepted token (`t`, caller `hris`) and a decision log in the project.
    static func server(_ project: ServerTestProject) throws -> (ServerApplication, logPath: String) {
        let logPath = project.directory.path + "/decisions.jsonl"
        let log = try DecisionLog(path: logPath, clock: { ServerTestProject.now })
        let tokens = try AccessTokens(text: "hris:\(AccessTests.hash("t"))\n", file: "tokens")
        return (ServerApplication(store: try project.store(), options: ServerTestProject.options { $0.tokens = tokens; $0.decisionLog = log }), logPath)
    }

    /// A channel with the handler in front, as `clearance serve` has it; what it passes on is read with `readInbound`.
    static func channel(_ server: ServerApplication) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(KeptAnswerHandler(server: server))
        return channel
    }

    static func get(_ path: String, _ headers: HTTPFields = auth) -> HTTPRequestPart {
        .head(HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path, headerFields: headers))
    }

    /// The parts written out: one answer's head and body, and whether it ended.
    static func answer(_ channel: EmbeddedChannel) throws -> (head: HTTPResponse, body: String, ended: Bool)? {
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        var body = "", ended = false
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
            switch part {
            case .body(let buffer): body += String(buffer: buffer)
            case .end: ended = true
            case .head: Issue.record("a second head before the end")
            }
            if ended { break }
        }
        return (head, body, ended)
    }

    @Test func aKeptAnswerIsGivenAtOnceAndAnyOtherRequestGoesToTheRouter() async throws {
        let project = ServerTestProject()
        let (server, logPath) = try Self.server(project)
        let channel = try Self.channel(server)
        // Not kept yet: passed on, and nothing is written.
        try channel.writeInbound(Self.get("/v1/people/ben.ortiz/clearance"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.get("/v1/people/ben.ortiz/clearance"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        try channel.writeOutbound(HTTPResponsePart.end(nil))  // the router's answer to it ends
        _ = try channel.readOutbound(as: HTTPResponsePart.self)

        // Once the answer is kept (as the router keeps the answers it evaluates): answered here, its end not passed on.
        let snapshot = try #require(server.store.current)
        let kept = try snapshot.answers.answer(try #require(snapshot.member("ben.ortiz")), in: snapshot, at: ServerTestProject.now)
        try channel.writeInbound(Self.get("/v1/people/ben.ortiz/clearance?verbose=1"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        let answer = try #require(try Self.answer(channel))
        #expect(answer.head.status == .ok)
        #expect(answer.ended)
        #expect(answer.body == String(buffer: kept.body))
        #expect(answer.head.headerFields[.eTag] == kept.entityTag)
        #expect(answer.head.headerFields[.contentLength] == String(kept.body.readableBytes))
        #expect(answer.head.headerFields[.server] == "clearance")
        #expect(answer.head.headerFields[.date]?.hasSuffix(" GMT") == true)
        let notModified = try #require(try {
            try channel.writeInbound(Self.get("/v1/people/ben.ortiz/clearance", Self.auth(.ifNoneMatch, kept.entityTag)))
            return try Self.answer(channel)
        }())
        #expect(notModified.head.status == .notModified)
        #expect(notModified.body == "")

        // Never at once: a wrong or missing token, another method or path, an escaped id, Connection: close, an unknown person.
        let passedOn: [HTTPRequestPart] = [
            Self.get("/v1/people/ben.ortiz/clearance", [.authorization: "Bearer wrong"]),
            Self.get("/v1/people/ben.ortiz/clearance", [:]),
            .head(HTTPRequest(method: .head, scheme: "http", authority: "localhost", path: "/v1/people/ben.ortiz/clearance", headerFields: Self.auth)),
            Self.get("/v1/people/ben.ortiz/clearance/"),
            Self.get("/v1/people/ben%2Eortiz/clearance"),
            Self.get("/v1/people/ben.ortiz/clearance", Self.auth(.connection, "close")),
            Self.get("/v1/people/nobody/clearance"),
            Self.get("/people/ben.ortiz"),
        ]
        for request in passedOn {
            try channel.writeInbound(request)
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == request)
            #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
            try channel.writeOutbound(HTTPResponsePart.end(nil))
            _ = try channel.readOutbound(as: HTTPResponsePart.self)
        }

        // Each answer given here is a decision like the router's.
        let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
        let entries = try lines.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0["route"] == .string("GET /v1/people/{id}/clearance") && $0["subject"] == .string("ben.ortiz")
            && $0["result"] == .string("blocked") && $0["caller"] == .string("hris") })
        _ = try channel.finish()
    }

    @Test func whileARequestPassedOnIsUnansweredNothingIsAnsweredAheadOfIt() async throws {
        let project = ServerTestProject()
        let (server, _) = try Self.server(project)
        let snapshot = try #require(server.store.current)
        _ = try snapshot.answers.answer(try #require(snapshot.member("ana.lopez")), in: snapshot, at: ServerTestProject.now)
        let channel = try Self.channel(server)
        // A pipelined status request, then a kept answer: the second waits for the router's answer to the first.
        try channel.writeInbound(Self.get("/v1/status"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeInbound(Self.get("/v1/people/ana.lopez/clearance"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.get("/v1/status"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.get("/v1/people/ana.lopez/clearance"))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        // Once the router has answered both, the next kept answer is given at once again.
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try channel.writeInbound(Self.get("/v1/people/ana.lopez/clearance"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        #expect(try Self.answer(channel)?.head.status == .ok)
        _ = try channel.finish()
    }

    @Test func overTheNetworkAKeptAnswerIsTheRoutersAnswerWithTheDateAndServer() async throws {
        let project = ServerTestProject()
        let (server, _) = try Self.server(project)
        let app = Application(router: server.router(), server: server.httpServer(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: ServerApplication.serverName))
        let routed = try await withServer(server) { client in
            try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get, headers: Self.auth)
        }
        try await app.test(.live) { client in
            let kept = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get, headers: Self.auth)
            #expect(kept.status == routed.status)
            #expect(kept.body == routed.body)
            var headers = kept.headers, routedHeaders = routed.headers
            for name in [HTTPField.Name.date, .server] {
                headers[name] = nil
                routedHeaders[name] = nil
            }
            #expect(headers == routedHeaders)
            #expect(kept.headers[.server] == "clearance")
            let denied = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get, headers: [.authorization: "Bearer wrong"])
            #expect(denied.status == .unauthorized)
            #expect(denied.headers[.contentType] == "application/problem+json")
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: Self.auth)
            #expect(String(buffer: metrics.body).contains(#"clearance_requests_total{route="/v1/people/{id}/clearance",method="GET",status="200"} 2"#))
        }
    }
}
