import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting
import ClearanceServer
import ClearanceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting

/// A small project in a temporary folder (a gate pack and a team folder) served in process: the snapshot is loaded from
/// its files by the same library calls `clearance serve` makes, and requests go through the server's router.
final class ServerTestProject: Sendable {
    /// The evaluation time of every request: 2026-11-19T00:00:00Z.
    static let now = Timestamp(seconds: 1_795_046_400)!

    /// Three gate rules and one other: a passed background check, current training, a grant list the gate can read (its
    /// nested loops run over the step budget for a long list; an `employee_id` that is not a number is an error), and a
    /// security owner who is a member.
    static let pack = """
        kind: Policy
        id: gate
        title: Before credentials
        target: TeamMember
        rules:
          - id: PC-01
            title: Background check passed
            severity: critical
            gates: [pre-credentials]
            when: member.status in ['candidate', 'onboarding', 'active']
            require: member.checks.background.status == 'passed'
            message: "{{member.id}} has no passed background check"
          - id: PC-02
            title: Security training current
            severity: high
            gates: [pre-credentials]
            when: member.status in ['candidate', 'onboarding', 'active']
            require: member.checks.security_training.expires != null && member.checks.security_training.expires > now
            message: "{{member.id}}: security training is not current"
          - id: PC-03
            title: Grants and HR id readable
            severity: high
            gates: [pre-credentials]
            when: member.status in ['candidate', 'onboarding', 'active']
            require: >-
              (member.employee_id == null || int(member.employee_id) >= 0) &&
              member.access.all(a, member.access.all(b, member.access.all(c, a.role != '' || b.role != '' || c.role != '')))
            message: "{{member.id}}: grants or HR id unreadable"
          - id: OW-01
            title: A security owner who is a member
            severity: low
            require: member.security_owner != null && member.security_owner in members
            message: "{{member.id}}: security owner {{member.security_owner}} is not a member"
        """

    /// A TeamMember as YAML.
    static func member(_ id: String, status: String = "active", background: String = "passed", trainingExpires: String = "2027-06-01",
                       owner: String = "ana.lopez", extra: String = "") -> String {
        """
        kind: TeamMember
        id: \(id)
        name: \(id.capitalized)
        status: \(status)
        security_owner: \(owner)
        checks:
          background: {status: \(background)}
          security_training: {completed: 2026-01-10, expires: \(trainingExpires)}
        access:
          - {system: github, resource: acme/api, role: write, environment: development}
        \(extra)
        """
    }

    let directory = TemporaryDirectory()

    /// A project with the pack and a team: ana.lopez (cleared), ben.ortiz (background pending: blocked), cara.diaz (left),
    /// dev.rao (an HR id that is not a number: an error).
    init() {
        directory.write("policies/gate.yaml", Self.pack)
        write("ana.lopez", Self.member("ana.lopez"))
        write("ben.ortiz", Self.member("ben.ortiz", background: "pending", extra: "identity: {credentials_issued: null}"))
        write("cara.diaz", Self.member("cara.diaz", status: "offboarded"))
        write("dev.rao", Self.member("dev.rao", extra: "employee_id: E-12"))
    }

    /// Writes a member's file.
    func write(_ id: String, _ text: String) { directory.write("team/\(id).yaml", text) }

    /// Loads the project's files into a snapshot, as `clearance serve` does for its configured paths.
    var loader: SnapshotLoader {
        let root = directory.path
        return {
            let policies = try PolicyLoader(symbols: SymbolTable()).load(paths: [root + "/policies"])
            let documents = try InputLoader(symbols: policies.symbols).load(paths: [root + "/team"], policies: policies)
            let engine = Engine(policies: policies, documents: documents, now: Self.now)
            return ServerSnapshot(engine: engine, audit: engine.run(), projectFile: [], loadedAt: Self.now, context: ReportContext(toolVersion: "test"),
                                  watching: [root + "/policies", root + "/team"])
        }
    }

    /// A store over the project, loaded unless `loaded` is false.
    func store(loaded: Bool = true) throws -> SnapshotStore {
        let store = SnapshotStore(loader: loader, clock: { Self.now })
        if loaded { try store.reload() }
        return store
    }

    /// The server's options for a test: requests evaluated at ``now``.
    static func options(_ change: (inout ServerApplication.Options) -> Void = { _ in }) -> ServerApplication.Options {
        var options = ServerApplication.Options()
        options.clock = { Self.now }
        change(&options)
        return options
    }
}

/// Runs requests against a server's router in process.
func withServer<Value: Sendable>(_ server: ServerApplication, _ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
    let app = Application(router: server.router())
    return try await app.test(.router) { client in try await test(client) }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as JSON.
    var json: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }
}

/// A request body from text.
func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
