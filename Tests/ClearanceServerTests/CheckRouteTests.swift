import ClearanceServer
import ClearanceTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /v1/check`: documents from the body evaluated in the context of the loaded organisation, and each way a body is refused.
struct CheckRouteTests {
    let contract = try! OpenAPIContractChecker()

    /// A candidate as the HR system sends it.
    static func candidate(_ id: String = "new.hire", owner: String = "ana.lopez", background: String = "passed", grants: Int = 1) -> String {
        let access = (0..<grants).map { "{\"system\": \"github\", \"resource\": \"acme/r\($0)\", \"role\": \"read\", \"environment\": \"development\"}" }.joined(separator: ", ")
        return """
            {"kind": "TeamMember", "id": "\(id)", "name": "New Hire", "status": "candidate", "security_owner": "\(owner)",
             "checks": {"background": {"status": "\(background)"}, "security_training": {"completed": "2026-11-01", "expires": "2027-11-01"}},
             "access": [\(access)]}
            """
    }

    private func check(_ text: String, _ project: ServerTestProject = ServerTestProject(),
                       options: ServerApplication.Options = ServerTestProject.options()) async throws -> TestResponse {
        let server = ServerApplication(store: try project.store(), options: options)
        return try await withServer(server) { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"], body: body(text))
        }
    }

    @Test func aCandidateIsEvaluatedAgainstTheLoadedOrganisation() async throws {
        let passing = try await check(Self.candidate())
        #expect(passing.status == .ok)
        #expect(contract.problems(passing, method: "POST", path: "/v1/check") == [])
        let json = try passing.json
        #expect(json["result"] == .string("pass"))
        #expect(json["documents"] == .array([.object(["kind": .string("TeamMember"), "id": .string("new.hire")])]))
        #expect(json["summary"]?["pass"] == .number(4))
        #expect(json["findings"] == .array([]))
        #expect(json["evaluatedAt"] == .string("2026-11-19T00:00:00Z"))

        // The owner is looked up among the loaded members: one who is not there fails OW-01 at the body's line.
        let failing = try await check(Self.candidate(owner: "someone.else", background: "pending"))
        let findings = try failing.json["findings"]?.array ?? []
        #expect(try failing.json["result"] == .string("fail"))
        #expect(findings.map { "\($0["rule"]!) \($0["status"]!) \($0["message"]!)" } == [
            "\"OW-01\" \"fail\" \"new.hire: security owner someone.else is not a member\"",
            "\"PC-01\" \"fail\" \"new.hire has no passed background check\"",  // a grant already: not pending
        ])
        #expect(findings.first?["location"]?["file"] == .string("request.json"))
        #expect(contract.problems(failing, method: "POST", path: "/v1/check") == [])
    }

    @Test func anArrayOfDocumentsIsEvaluatedTogether() async throws {
        let response = try await check("[" + Self.candidate("one.hire") + ", " + Self.candidate("two.hire", owner: "one.hire") + "]")
        #expect(response.status == .ok)
        let json = try response.json
        #expect(json["documents"]?.array?.map { $0["id"] } == [.string("one.hire"), .string("two.hire")])
        // The documents are evaluated against the snapshot, not against each other: one.hire is not a member yet.
        #expect(json["findings"]?.array?.map { $0["subject"] } == [.string("two.hire")])
    }

    @Test func malformedJSONIsA400WithItsPlace() async throws {
        let response = try await check("{\"kind\": \"TeamMember\",\n \"id\": }")
        #expect(response.status == .badRequest)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(contract.problems(response, method: "POST", path: "/v1/check") == [])
        #expect(try response.json["errors"] == .array([.object([
            "code": .string("input.json"), "message": .string("the body is not JSON: Invalid value around character 30."),
            "line": .number(2), "column": .number(8),
        ])]))
        #expect(try response.json["detail"] == .string("request.json:2:8: the body is not JSON: Invalid value around character 30."))
    }

    @Test func yamlThatIsNotJSONIsA400() async throws {
        let response = try await check("kind: TeamMember\nid: x\nname: X\nstatus: active\n")
        #expect(response.status == .badRequest)
        #expect(try response.json["detail"] == .string("request.json:1:1: the body is not JSON: Invalid value around character 0."))
    }

    @Test func aDocumentThatFailsItsShapeIsA400NamingTheField() async throws {
        let response = try await check("{\"kind\": \"TeamMember\", \"id\": \"x.y\", \"name\": \"X\", \"status\": \"hired\"}")
        #expect(response.status == .badRequest)
        #expect(contract.problems(response, method: "POST", path: "/v1/check") == [])
        let errors = try response.json["errors"]?.array ?? []
        #expect(errors.count == 1)
        #expect(errors.first?["message"]?.string?.contains("status") == true)
        #expect(errors.first?["message"]?.string?.contains("'hired'") == true)
        #expect(errors.first?["column"] == .number(60))
    }

    @Test func aWaiverAnObservedKindAnEmptyArrayAndAnUnknownKindAreRefused() async throws {
        let waiver = try await check("{\"kind\": \"Waiver\", \"id\": \"W-1\"}")
        #expect(waiver.status == .badRequest)
        #expect(try waiver.json["errors"]?.array?.first?["message"] == .string("a Waiver cannot be checked: waivers apply from the loaded organisation"))
        let account = try await check("{\"kind\": \"Account\", \"id\": \"a\"}")
        #expect(account.status == .badRequest)
        #expect(try account.json["errors"]?.array?.first?["code"] == .string("input.observed-kind"))
        let empty = try await check("[]")
        #expect(empty.status == .badRequest)
        #expect(try empty.json["detail"] == .string("the body is an empty array: send at least one document"))
        let unknown = try await check("{\"kind\": \"Spaceship\", \"id\": \"a\"}")
        #expect(unknown.status == .badRequest)
        #expect(try unknown.json["errors"]?.array?.first?["code"] == .string("input.unknown-kind"))
    }

    @Test func aKindNoLoadedPolicyChecksIs422() async throws {
        let response = try await check("{\"kind\": \"Repository\", \"id\": \"acme/api\"}")
        #expect(contract.problems(response, method: "POST", path: "/v1/check") == [])
        #expect(response.status == .unprocessableContent)
        #expect(try response.json["type"] == .string("urn:clearance:problem:nothing-checked"))
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        let options = ServerTestProject.options { $0.maximumBody = 200 }
        let response = try await check(Self.candidate(), options: options)
        #expect(response.status == .contentTooLarge)
        #expect(contract.problems(response, method: "POST", path: "/v1/check") == [])
        #expect(try response.json["detail"] == .string("the body is over the limit of 200 bytes (--max-body)"))
    }

    @Test func anEvaluationOverItsStepBudgetIs422NamingTheRule() async throws {
        // PC-03 loops three deep over the grants: 150 of them take more than the budget of a million steps.
        let response = try await check(Self.candidate(grants: 150))
        #expect(response.status == .unprocessableContent)
        #expect(contract.problems(response, method: "POST", path: "/v1/check") == [])
        let json = try response.json
        #expect(json["type"] == .string("urn:clearance:problem:step-budget"))
        #expect(json["detail"] == .string("rule PC-03 could not be evaluated within the step budget"))
        #expect(json["findings"]?.array?.first?["status"] == .string("error"))
    }
}
