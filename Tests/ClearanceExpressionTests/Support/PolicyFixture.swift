import ClearanceCore
import ClearanceExpression
import ClearanceDocument
import Foundation
import Testing

/// The environment the policy layer gives expressions, with a `TeamMember` shape from DESIGN.md.
enum PolicyFixture {
    static let device = ObjectType(name: "Device", fields: [
        "id": .string, "managed": .bool, "encrypted": .bool, "endpoint_protection": .bool,
        "auto_updates": .bool, "last_patched": .timestamp,
    ], isOpen: false)

    static let grant = ObjectType(name: "AccessGrant", fields: [
        "system": .string, "resource": .string, "role": .string, "environment": .string, "granted": .timestamp,
        "approved_by": .string, "ticket": .string, "credential": .string, "expires": .dyn, "revoked": .dyn,
        "last_review": .map(.string, .dyn),
    ], isOpen: false)

    static let identity = ObjectType(name: "Identity", fields: [
        "sso": .bool, "mfa": .list(.string), "last_login": .timestamp, "credentials_issued": .timestamp,
    ], isOpen: false)

    static let offboarding = ObjectType(name: "Offboarding", fields: [
        "exit": .timestamp, "access_revoked": .timestamp, "assets_returned": .bool, "devices_wiped": .bool,
    ], isOpen: false)

    static let teamMember = ObjectType(name: "TeamMember", fields: [
        "kind": .string, "id": .string, "name": .string, "email": .string, "status": .string, "title": .string,
        "roles": .list(.string), "location": .map(.string, .string), "engagement": .map(.string, .dyn),
        "security_owner": .string, "identity": .object(identity), "checks": .map(.string, .dyn),
        "devices": .list(.object(device)), "access": .list(.object(grant)), "contract": .map(.string, .dyn),
        "offboarding": .object(offboarding),
    ], isOpen: false)

    /// The table the fixture's expressions and documents share, as a run's policies and inputs do.
    static let symbols = SymbolTable()

    /// `member`, `params`, `now`, `members`, `vendors` and a `for_each` name, `device`.
    static var declarations: Declarations {
        var declarations = Declarations(symbols: symbols)
        declarations.declare("member", as: .object(teamMember))
        declarations.declare("params", as: .map(.string, .dyn))
        declarations.declare("now", as: .timestamp)
        declarations.declare("members", as: .map(.string, .object(teamMember)))
        declarations.declare("vendors", as: .map(.string, .dyn))
        declarations.declare("device", as: .object(device))
        return declarations
    }

    static func load(_ text: String, name: String = "test.yaml") throws -> Document {
        try #require(try YAMLLoader(symbols: symbols).load(text: text, name: name).first)
    }

    /// The Resources/team/ana.lopez.yaml document.
    static func ana() throws -> Document {
        let url = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
            .appendingPathComponent("team/ana.lopez.yaml")
        return try #require(try YAMLLoader(symbols: symbols).load(file: url.path).first)
    }

    /// Bindings for one member, as the policy layer builds them.
    static func bindings(member: Document, params: String = "phishing_resistant_mfa: [webauthn]") throws -> Bindings {
        let declarations = Self.declarations
        var bindings = Bindings(declarations)
        bindings[try #require(declarations.slot(of: "member"))] = Value(document: member)
        bindings[try #require(declarations.slot(of: "params"))] = Value(document: try load(params, name: "params.yaml"))
        let now = try #require(Timestamp(seconds: 1_795_132_800))  // 2026-11-20T00:00:00Z
        bindings[try #require(declarations.slot(of: "now"))] = .timestamp(now)
        let marta = try load("id: marta.ruiz\nroles: [security-owner]\n", name: "marta.yaml")
        let luis = try load("id: luis.ortega\nroles: []\n", name: "luis.yaml")
        bindings[try #require(declarations.slot(of: "members"))] = .map(ValueMap([
            "marta.ruiz": Value(document: marta), "luis.ortega": Value(document: luis), "ana.lopez": Value(document: member),
        ]))
        bindings[try #require(declarations.slot(of: "vendors"))] = .map(ValueMap(["talentbridge": .map(ValueMap(["id": .string("talentbridge")]))]))
        return bindings
    }

    /// Compiles against the policy declarations and evaluates over Ana's document.
    static func evaluate(_ source: String, member: Document? = nil, extra: (inout Bindings) -> Void = { _ in }) throws -> Result<Value, EvaluationError> {
        let program = try Program.compile(source, declarations: declarations)
        var bindings = try Self.bindings(member: member ?? ana())
        extra(&bindings)
        return program.evaluate(bindings)
    }

    /// The rendered compile error of an expression, or `nil` when it compiles.
    static func compileError(_ source: String) -> String? {
        do {
            _ = try Program.compile(source, declarations: declarations)
            return nil
        } catch {
            return error.rendered
        }
    }
}
