import ClearanceServer
import ClearanceTestSupport
import ClearanceCore
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// `GET /v1/people/{id}/clearance`, `/health` and `/ready`: every answer as a user sees it, and as openapi.yaml says it is.
struct ClearanceRouteTests {
    let contract = try! OpenAPIContractChecker()
    static let route = "/v1/people/{id}/clearance"

    @Test func readyIs503UntilTheFirstSnapshotAndHealthAnswersThroughout() async throws {
        let project = ServerTestProject()
        let store = try project.store(loaded: false)
        let server = ServerApplication(store: store, options: ServerTestProject.options())
        try await withServer(server) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(try health.json == .object(["status": .string("ok")]))
            #expect(contract.problems(health, method: "GET", path: "/health") == [])
            let notReady = try await client.execute(uri: "/ready", method: .get)
            #expect(notReady.status == .serviceUnavailable)
            #expect(notReady.headers[.contentType] == "application/problem+json")
            #expect(try notReady.json["type"] == .string("urn:clearance:problem:not-ready"))
            #expect(contract.problems(notReady, method: "GET", path: "/ready") == [])
            let person = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .get)
            #expect(person.status == .serviceUnavailable)
            #expect(contract.problems(person, method: "GET", path: Self.route) == [])
            let snapshot = try store.reload()
            let ready = try await client.execute(uri: "/ready", method: .get)
            #expect(ready.status == .ok)
            #expect(try ready.json == .object(["status": .string("ready"), "revision": .string(snapshot.revision)]))
            #expect(contract.problems(ready, method: "GET", path: "/ready") == [])
        }
    }

    @Test func aPersonWhoMeetsEveryItemIsClearedWithEachItemTheRevisionAndTheTime() async throws {
        let project = ServerTestProject()
        let store = try project.store()
        try await withServer(ServerApplication(store: store, options: ServerTestProject.options())) { client in
            let response = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .get)
            #expect(response.status == .ok)
            #expect(contract.problems(response, method: "GET", path: Self.route) == [])
            let json = try response.json
            #expect(json["state"] == .string("cleared"))
            #expect(json["reason"] == .string("all 3 items met"))
            #expect(json["person"] == .string("ana.lopez"))
            #expect(json["name"] == .string("Ana.Lopez"))
            #expect(json["revision"] == .string(store.current!.revision))
            #expect(json["evaluatedAt"] == .string("2026-11-19T00:00:00Z"))
            let items = json["items"]?.array ?? []
            #expect(items.map { $0["rule"] } == [.string("PC-01"), .string("PC-02"), .string("PC-03")])
            #expect(items.map { $0["status"] } == [.string("pass"), .string("pass"), .string("pass")])
            #expect(items.map { $0["location"] } == [.null, .null, .null])
            #expect(items[0]["message"] == .string("Background check passed"))
            #expect(response.headers[.eTag]?.hasPrefix("\"" + store.current!.revision + "-") == true)
        }
    }

    @Test func aBlockedPersonSeesTheOpenItemWithItsMessageAndPlace() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let response = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get)
            #expect(response.status == .ok)
            #expect(contract.problems(response, method: "GET", path: Self.route) == [])
            let json = try response.json
            #expect(json["state"] == .string("blocked"))
            #expect(json["reason"] == .string("1 of 3 items not met: PC-01"))
            let item = json["items"]?.array?.first
            #expect(item?["status"] == .string("fail"))
            #expect(item?["met"] == .bool(false))
            #expect(item?["message"] == .string("ben.ortiz has no passed background check"))
            #expect(item?["location"]?["file"] == .string(project.directory.path + "/team/ben.ortiz.yaml"))
            #expect(item?["location"]?["line"] == .number(7))
            #expect(item?["findings"]?.array?.first?["fingerprint"] != nil)
        }
    }

    @Test func anItemThatCouldNotBeEvaluatedIsNeverCleared() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            // dev.rao meets the background and training items; PC-03 cannot read an HR id of E-12 as a number.
            let json = try await client.execute(uri: "/v1/people/dev.rao/clearance", method: .get).json
            #expect(json["state"] == .string("blocked"))
            #expect(json["reason"] == .string("1 of 3 items not met: PC-03"))
            let item = json["items"]?.array?[2]
            #expect(item?["status"] == .string("error"))
            #expect(item?["message"]?.string?.hasPrefix("cannot evaluate require:") == true)
        }
    }

    @Test func aPersonWhoLeftIsNotApplicable() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let response = try await client.execute(uri: "/v1/people/cara.diaz/clearance", method: .get)
            #expect(contract.problems(response, method: "GET", path: Self.route) == [])
            #expect(try response.json["state"] == .string("not_applicable"))
            #expect(try response.json["reason"] == .string("offboarded: the person has left"))
        }
    }

    @Test func anUnknownPersonIsA404Problem() async throws {
        let project = ServerTestProject()
        let store = try project.store()
        try await withServer(ServerApplication(store: store, options: ServerTestProject.options())) { client in
            let response = try await client.execute(uri: "/v1/people/nobody/clearance", method: .get)
            #expect(response.status == .notFound)
            #expect(contract.problems(response, method: "GET", path: Self.route) == [])
            #expect(try response.json == .object([
                "type": .string("urn:clearance:problem:unknown-person"), "title": .string("No such person"), "status": .number(404),
                "detail": .string("no TeamMember with id nobody in snapshot \(store.current!.revision)"),
            ]))
        }
    }

    @Test func aMatchingEntityTagIs304AndAnotherIsAFullAnswer() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let first = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .get)
            let tag = try #require(first.headers[.eTag])
            let again = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .get, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.headers[.eTag] == tag)
            #expect(again.body.readableBytes == 0)
            #expect(contract.problems(again, method: "GET", path: Self.route) == [])
            let other = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get, headers: [.ifNoneMatch: tag])
            #expect(other.status == .ok)
            #expect(other.headers[.eTag] != tag)
        }
    }

    /// Answers are reused between requests (``AnswerCache``), but never past the time they change: eve.moss's training
    /// expires at 00:01:00, and each request as the clock moves gets the answer of its own time.
    @Test func aReusedAnswerNeverOutlivesTheTimeItChanges() async throws {
        let project = ServerTestProject()
        project.write("eve.moss", ServerTestProject.member("eve.moss", trainingExpires: "2026-11-19T00:01:00Z"))
        let clock = Mutex(ServerTestProject.now.seconds)
        let options = ServerTestProject.options { $0.clock = { Timestamp(seconds: clock.withLock { $0 })! } }
        try await withServer(ServerApplication(store: try project.store(), options: options)) { client in
            var tags: [String: Set<String>] = [:]
            // Seconds from 00:00:00, and the state each must see: 00:00:59 is the last second the training is current.
            for (offset, state) in [(-120, "cleared"), (-70, "cleared"), (-30, "cleared"), (59, "cleared"), (61, "blocked"), (62, "blocked"), (-10, "cleared")] {
                clock.withLock { $0 = ServerTestProject.now.seconds + Int64(offset) }
                let response = try await client.execute(uri: "/v1/people/eve.moss/clearance", method: .get)
                let json = try response.json
                #expect(json["state"] == .string(state), "at \(offset) s")
                #expect(json["evaluatedAt"] == .string(Timestamp(seconds: ServerTestProject.now.seconds + Int64(offset))!.rfc3339))
                #expect(contract.problems(response, method: "GET", path: Self.route) == [])
                tags[state, default: []].insert(try #require(response.headers[.eTag]))
            }
            #expect(tags["cleared"]?.count == 1)
            #expect(tags["blocked"]?.count == 1)
            #expect(tags["cleared"] != tags["blocked"])
        }
    }
}
