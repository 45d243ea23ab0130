import ClearanceServer
import ClearanceTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /v1/findings`, `GET /v1/status`, `/openapi.yaml`, unknown routes and methods, and reloads.
struct FindingsAndStatusRouteTests {
    let contract = try! OpenAPIContractChecker()

    @Test func findingsAreFilteredAndPaged() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let all = try await client.execute(uri: "/v1/findings", method: .get)
            #expect(all.status == .ok)
            #expect(contract.problems(all, method: "GET", path: "/v1/findings") == [])
            // ben.ortiz fails PC-01, dev.rao errors on PC-03; everyone's owner ana.lopez is a member.
            let json = try all.json
            #expect(json["total"] == .number(2))
            #expect(json["nextOffset"] == .null)
            #expect(json["findings"]?.array?.map { "\($0["rule"]!.string!) \($0["subject"]!.string!) \($0["status"]!.string!)" } == [
                "PC-01 ben.ortiz fail", "PC-03 dev.rao error",
            ])
            let errors = try await client.execute(uri: "/v1/findings?status=error", method: .get).json
            #expect(errors["findings"]?.array?.map { $0["subject"] } == [.string("dev.rao")])
            let critical = try await client.execute(uri: "/v1/findings?severity=critical&subject=ben.ortiz&rule=PC-01", method: .get).json
            #expect(critical["total"] == .number(1))
            let first = try await client.execute(uri: "/v1/findings?limit=1", method: .get).json
            #expect(first["findings"]?.array?.count == 1)
            #expect(first["nextOffset"] == .number(1))
            let second = try await client.execute(uri: "/v1/findings?limit=1&offset=1", method: .get).json
            #expect(second["findings"]?.array?.first?["subject"] == .string("dev.rao"))
            #expect(second["nextOffset"] == .null)
        }
    }

    @Test func aBadFilterOrAnUnknownParameterIsA400NamingIt() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let status = try await client.execute(uri: "/v1/findings?status=pass", method: .get)
            #expect(status.status == .badRequest)
            #expect(contract.problems(status, method: "GET", path: "/v1/findings") == [])
            #expect(try status.json["detail"] == .string("query parameter `status` must be one of fail, error, waived, pending; got pass"))
            #expect(try status.json["parameter"] == .string("status"))
            let limit = try await client.execute(uri: "/v1/findings?limit=0", method: .get)
            #expect(try limit.json["parameter"] == .string("limit"))
            let unknown = try await client.execute(uri: "/v1/findings?colour=red", method: .get)
            #expect(unknown.status == .badRequest)
            #expect(try unknown.json["parameter"] == .string("colour"))
        }
    }

    @Test func statusShowsTheSnapshotAndAFailedReloadKeepsItServing() async throws {
        let project = ServerTestProject()
        let store = try project.store()
        let revision = store.current!.revision
        try await withServer(ServerApplication(store: store, options: ServerTestProject.options())) { client in
            let before = try await client.execute(uri: "/v1/status", method: .get)
            #expect(contract.problems(before, method: "GET", path: "/v1/status") == [])
            #expect(try before.json["revision"] == .string(revision))
            #expect(try before.json["documents"] == .number(4))
            #expect(try before.json["lastReloadError"] == .null)

            project.write("ben.ortiz", "kind: TeamMember\nid: ben.ortiz\nname: Ben\nstatus: hired\n")
            #expect(throws: (any Error).self) { try store.reload() }
            let after = try await client.execute(uri: "/v1/status", method: .get)
            #expect(contract.problems(after, method: "GET", path: "/v1/status") == [])
            let json = try after.json
            #expect(json["revision"] == .string(revision))
            #expect(json["reloadFailures"] == .number(1))
            let message = json["lastReloadError"]?["message"]?.string ?? ""
            #expect(message.hasPrefix(project.directory.path + "/team/ben.ortiz.yaml:4:9: "))
            // The old snapshot still answers.
            let ben = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get)
            #expect(try ben.json["state"] == .string("blocked"))
            #expect(try ben.json["revision"] == .string(revision))
        }
    }

    @Test func aReloadAfterAMemberFileChangesChangesTheNextAnswer() async throws {
        let project = ServerTestProject()
        let store = try project.store()
        let revision = store.current!.revision
        try await withServer(ServerApplication(store: store, options: ServerTestProject.options())) { client in
            let blocked = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get)
            #expect(try blocked.json["state"] == .string("blocked"))
            let tag = try #require(blocked.headers[.eTag])
            project.write("ben.ortiz", ServerTestProject.member("ben.ortiz"))
            try store.reload()
            #expect(store.current!.revision != revision)
            let cleared = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get, headers: [.ifNoneMatch: tag])
            #expect(cleared.status == .ok)
            #expect(try cleared.json["state"] == .string("cleared"))
            #expect(try cleared.json["revision"] == .string(store.current!.revision))
            #expect(try await client.execute(uri: "/v1/status", method: .get).json["lastReloadError"] == .null)
        }
    }

    @Test func requestsDuringAReloadEachSeeOneWholeSnapshotAndNoneFails() async throws {
        let project = ServerTestProject()
        let store = try project.store()
        let old = store.current!.revision
        project.write("ben.ortiz", ServerTestProject.member("ben.ortiz"))
        let answers = try await withServer(ServerApplication(store: store, options: ServerTestProject.options())) { client in
            try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    try store.reload()
                    return []
                }
                for _ in 0..<4 {
                    group.addTask {
                        var seen: [String] = []
                        for _ in 0..<25 {
                            let response = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get)
                            let json = try response.json
                            seen.append("\(response.status.code) \(json["revision"]?.string ?? "") \(json["state"]?.string ?? "")")
                        }
                        return seen
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        let new = store.current!.revision
        #expect(new != old)
        // Each answer is the old snapshot's (blocked) or the new one's (cleared), never a mix, and every one is a 200.
        #expect(answers.count == 100)
        #expect(answers.allSatisfy { $0 == "200 \(old) blocked" || $0 == "200 \(new) cleared" })
    }

    @Test func theContractIsServedAndUnknownRoutesAndMethodsAreProblems() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let contractResponse = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(contractResponse.status == .ok)
            #expect(contractResponse.headers[.contentType] == "application/yaml")
            #expect(contractResponse.text.hasPrefix("openapi: 3.1.0\n"))
            #expect(contract.problems(contractResponse, method: "GET", path: "/openapi.yaml") == [])

            let unknown = try await client.execute(uri: "/v2/nothing", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
            #expect(try unknown.json["type"] == .string("urn:clearance:problem:not-found"))
            let wrong = try await client.execute(uri: "/v1/check", method: .get)
            #expect(wrong.status == .methodNotAllowed)
            #expect(wrong.headers[.allow] == "POST")
            #expect(try wrong.json["detail"] == .string("GET is not allowed here; allowed: POST"))
            let person = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .delete)
            #expect(person.status == .methodNotAllowed)
            #expect(person.headers[.allow] == "GET")
        }
    }
}

/// `GET /metrics`: what a Prometheus scrape sees after some requests.
struct MetricsRouteTests {
    let contract = try! OpenAPIContractChecker()

    @Test func requestsLatencySnapshotAgeAndReloadFailuresAreCounted() async throws {
        let project = ServerTestProject()
        let store = try project.store()
        try await withServer(ServerApplication(store: store, options: ServerTestProject.options())) { client in
            _ = try await client.execute(uri: "/v1/people/ana.lopez/clearance", method: .get)
            _ = try await client.execute(uri: "/v1/people/ben.ortiz/clearance", method: .get)
            _ = try await client.execute(uri: "/v1/people/nobody/clearance", method: .get)
            _ = try await client.execute(uri: "/nowhere", method: .get)
            project.write("ben.ortiz", "kind: TeamMember\n")
            #expect(throws: (any Error).self) { try store.reload() }
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(contract.problems(response, method: "GET", path: "/metrics") == [])
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"clearance_requests_total{route="/v1/people/{id}/clearance",method="GET",status="200"} 2"#))
            #expect(lines.contains(#"clearance_requests_total{route="/v1/people/{id}/clearance",method="GET",status="404"} 1"#))
            #expect(lines.contains(#"clearance_requests_total{route="NotFound",method="GET",status="404"} 1"#))
            #expect(lines.contains(#"clearance_request_duration_seconds_count{route="/v1/people/{id}/clearance",method="GET"} 3"#))
            #expect(lines.contains(#"clearance_request_duration_seconds_bucket{route="/v1/people/{id}/clearance",method="GET",le="+Inf"} 3"#))
            #expect(lines.contains("clearance_reload_failures_total 1"))
            #expect(lines.contains("clearance_snapshot_loaded 1.0"))
            #expect(lines.contains { $0.hasPrefix("clearance_snapshot_age_seconds ") })
        }
    }

    @Test func inventedMethodsShareOneSeriesSoNoClientCanGrowTheMetrics() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            for name in ["BREW", "WHEN", "X-1", "X-2"] {
                let response = try await client.execute(uri: "/v1/findings", method: try #require(HTTPRequest.Method(name)))
                #expect(response.status == .methodNotAllowed)
            }
            let lines = try await client.execute(uri: "/metrics", method: .get).text.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"clearance_requests_total{route="NotFound",method="other",status="405"} 4"#))
            #expect(!lines.contains { $0.contains("BREW") || $0.contains("X-1") })
        }
    }
}

/// `GET /` and `GET /people/{id}`: the HTML report's templates over the snapshot and over one person now.
struct ReportPageTests {
    let contract = try! OpenAPIContractChecker()

    @Test func theAuditReportAndAPersonsChecklistPageAreServed() async throws {
        let project = ServerTestProject()
        try await withServer(ServerApplication(store: try project.store(), options: ServerTestProject.options())) { client in
            let report = try await client.execute(uri: "/", method: .get)
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "text/html; charset=utf-8")
            #expect(contract.problems(report, method: "GET", path: "/") == [])
            for id in ["ana.lopez", "ben.ortiz", "cara.diaz", "dev.rao"] { #expect(report.text.contains("id=\"subject-teammember-\(id)\"")) }
            #expect(report.text.contains("ben.ortiz has no passed background check"))

            let page = try await client.execute(uri: "/people/ben.ortiz", method: .get)
            #expect(page.status == .ok)
            #expect(contract.problems(page, method: "GET", path: "/people/{id}") == [])
            #expect(page.text.contains("id=\"subject-teammember-ben.ortiz\""))
            #expect(!page.text.contains("subject-teammember-ana.lopez"))
            #expect(page.text.contains("ben.ortiz has no passed background check"))

            let unknown = try await client.execute(uri: "/people/nobody", method: .get)
            #expect(unknown.status == .notFound)
            #expect(contract.problems(unknown, method: "GET", path: "/people/{id}") == [])
        }
    }
}
