import Foundation
import Testing
import ClearanceCore
import ClearanceTestSupport
import ClearanceDocument
@testable import ClearancePolicy

/// The loader and the shipped JSON Schemas judge input documents alike: each mutation of a
/// sample member, vendor, manifest, repository, system and AI workflow is accepted by both or rejected by both.
@Suite("JSON Schemas and the loader agree")
struct ShapeAgreementTests {
    /// One changed document and whether it is valid.
    struct Mutation: Sendable, CustomTestStringConvertible {
        enum Base: String, Sendable { case member, vendor, manifest, repository, system, workflow }

        let name: String
        let base: Base
        let old: String
        let new: String
        let valid: Bool

        var testDescription: String { name }
    }

    static let root = CommandRunner.packageRoot.path

    /// The sample documents the mutations start from.
    static func baseText(_ base: Mutation.Base) -> String {
        switch base {
        case .member: read("Fixtures/team/valeria.gutierrez.yaml")
        case .vendor: firstDocument("Fixtures/vendors.yaml")
        case .manifest: read("Fixtures/access/github-acme.yaml")
        case .repository: firstDocument("Fixtures/repositories.yaml")
        case .system: firstDocument("Fixtures/systems.yaml")
        case .workflow: firstDocument("Fixtures/ai-workflows.yaml")
        }
    }

    /// The first document of a file that holds several.
    static func firstDocument(_ file: String) -> String { String(read(file).components(separatedBy: "\n---\n")[0]) + "\n" }

    static func read(_ file: String) -> String { (try? String(contentsOfFile: root + "/" + file, encoding: .utf8)) ?? "" }

    static let mutations: [Mutation] = [
        // Valid: unchanged, optional keys null or absent at each level.
        Mutation(name: "member unchanged", base: .member, old: "kind: TeamMember", new: "kind: TeamMember", valid: true),
        Mutation(name: "vendor unchanged", base: .vendor, old: "kind: Vendor", new: "kind: Vendor", valid: true),
        Mutation(name: "manifest unchanged", base: .manifest, old: "kind: AccessManifest", new: "kind: AccessManifest", valid: true),
        Mutation(name: "null optional at the top", base: .member, old: "email: valeria.gutierrez@example.com", new: "email: null", valid: true),
        Mutation(name: "absent optional at the top", base: .member, old: "title: Machine Learning Engineer\n", new: "", valid: true),
        Mutation(name: "null optional object", base: .member, old: "location: {city: Mexico City, country: MX}", new: "location: null", valid: true),
        Mutation(name: "null optional in an object", base: .member, old: "{city: Mexico City, country: MX}", new: "{city: null, country: MX}", valid: true),
        Mutation(name: "null optional timestamp", base: .member, old: "last_login: 2026-11-19T15:55:00Z", new: "last_login: null", valid: true),
        Mutation(name: "absent optional in a grant", base: .member, old: "    ticket: SEC-1262\n", new: "", valid: true),
        Mutation(name: "null optional in a grant", base: .member, old: "    ticket: SEC-1262", new: "    ticket: null", valid: true),
        Mutation(name: "null optional list", base: .member, old: "mfa: [webauthn, totp]", new: "mfa: null", valid: true),
        Mutation(name: "accounts as logins or lists", base: .member, old: "accounts: {github: vgutierrez-ml}", new: "accounts: {github: vg, aws: [vg, vg-admin]}", valid: true),
        Mutation(name: "an account as a number", base: .member, old: "accounts: {github: vgutierrez-ml}", new: "accounts: {github: 12}", valid: false),
        Mutation(name: "an account list holding a mapping", base: .member, old: "accounts: {github: vgutierrez-ml}", new: "accounts: {aws: [{user: vg}]}", valid: false),
        Mutation(name: "null optional in a device", base: .member, old: "    auto_updates: true", new: "    auto_updates: null", valid: true),
        Mutation(name: "null review reviewer", base: .member, old: "reviewer: marta.ruiz, decision: keep}", new: "reviewer: null, decision: keep}", valid: true),
        Mutation(name: "null optional in a vendor", base: .vendor, old: "last_security_audit: 2026-03-15", new: "last_security_audit: null", valid: true),
        Mutation(name: "absent optional in a manifest grant", base: .manifest, old: " expires: 2027-01-15}", new: "}", valid: true),
        Mutation(name: "date-time for a date", base: .member, old: "last_patched: 2026-11-17", new: "last_patched: 2026-11-17T08:00:00Z", valid: true),
        Mutation(name: "repository unchanged", base: .repository, old: "kind: Repository", new: "kind: Repository", valid: true),
        Mutation(name: "null protection setting", base: .repository, old: "  enforce_admins: true", new: "  enforce_admins: null", valid: true),
        Mutation(name: "absent repository grant team", base: .repository, old: "permission: write, via: backend}", new: "permission: write}", valid: true),
        Mutation(name: "system unchanged", base: .system, old: "kind: System", new: "kind: System", valid: true),
        Mutation(name: "null log verification", base: .system, old: "verified: 2026-11-02}", new: "verified: null}", valid: true),
        Mutation(name: "workflow unchanged", base: .workflow, old: "kind: AIWorkflow", new: "kind: AIWorkflow", valid: true),
        Mutation(name: "null model list", base: .workflow, old: "models: []", new: "models: null", valid: true),
        Mutation(name: "absent workflow provider", base: .workflow, old: "provider: azure-openai\n", new: "", valid: true),
        // Each enum violated.
        Mutation(name: "status terminated", base: .member, old: "status: active", new: "status: terminated", valid: false),
        Mutation(name: "status null", base: .member, old: "status: active", new: "status: null", valid: false),
        Mutation(name: "engagement model freelance", base: .member, old: "model: direct", new: "model: freelance", valid: false),
        Mutation(name: "mfa yubikey", base: .member, old: "mfa: [webauthn, totp]", new: "mfa: [yubikey]", valid: false),
        Mutation(name: "background status unknown", base: .member, old: "{status: passed,", new: "{status: cleared,", valid: false),
        Mutation(name: "grant environment prod", base: .member, old: "environment: development", new: "environment: prod", valid: false),
        Mutation(name: "grant credential token", base: .member, old: "credential: sso", new: "credential: token", valid: false),
        Mutation(name: "review decision Keep", base: .member, old: "decision: keep", new: "decision: Keep", valid: false),
        Mutation(name: "vendor type agency", base: .vendor, old: "type: employer-of-record", new: "type: agency", valid: false),
        Mutation(name: "vendor touches secrets", base: .vendor, old: "touches: [code, credentials]", new: "touches: [code, secrets]", valid: false),
        Mutation(name: "manifest environment prod", base: .manifest, old: "environment: production", new: "environment: prod", valid: false),
        Mutation(name: "member id with capitals", base: .member, old: "id: valeria.gutierrez", new: "id: Valeria.Gutierrez", valid: false),
        Mutation(name: "repository id without its owner", base: .repository, old: "id: acme/payments-api", new: "id: payments-api", valid: false),
        Mutation(name: "repository permission push", base: .repository, old: "permission: write, via: backend}", new: "permission: push, via: backend}", valid: false),
        Mutation(name: "secret scanning on", base: .repository, old: "{secret_scanning: enabled,", new: "{secret_scanning: active,", valid: false),
        Mutation(name: "system data pii", base: .system, old: "data: [production, personal, customer]", new: "data: [production, pii]", valid: false),
        Mutation(name: "dataset classification secret", base: .workflow, old: "classification: confidential", new: "classification: secret", valid: false),
        Mutation(name: "prompts carry passwords", base: .workflow, old: "contains: [personal-data]", new: "contains: [passwords]", valid: false),
        // Unknown keys at each level.
        Mutation(name: "unknown key at the top", base: .member, old: "title: Machine", new: "team: ml\ntitle: Machine", valid: false),
        Mutation(name: "unknown key identiy", base: .member, old: "identity:", new: "identiy:", valid: false),
        Mutation(name: "unknown key in a device", base: .member, old: "last_patched:", new: "last_patchd:", valid: false),
        Mutation(name: "unknown key in a grant", base: .member, old: "    approved_by: diego.hernandez", new: "    aproved_by: diego.hernandez", valid: false),
        Mutation(name: "unknown key in a review", base: .member, old: "decision: keep}", new: "decision: keep, notes: ok}", valid: false),
        Mutation(name: "unknown key in a clause", base: .member, old: "survives_termination: true}", new: "survives_termination: true, perpetual: true}", valid: false),
        Mutation(name: "unknown key in a vendor", base: .vendor, old: "ip_assignment_flowdown: true", new: "ip_assignment_flowdown: true\ncountry: MX", valid: false),
        Mutation(name: "unknown key in a branch protection", base: .repository, old: "  allow_deletions: false", new: "  allow_deletions: false\n  require_signatures: true", valid: false),
        Mutation(name: "unknown key in system logs", base: .system, old: "retention_days: 400,", new: "retention_days: 400, tier: hot,", valid: false),
        Mutation(name: "unknown key in a dataset", base: .workflow, old: "personal_data: true,", new: "personal_data: true, rows: 1200,", valid: false),
        Mutation(name: "unknown key in a manifest grant", base: .manifest, old: "ticket: SEC-1300,", new: "ticket: SEC-1300, reason: launch,", valid: false),
        // Wrong types.
        Mutation(name: "sso as text", base: .member, old: "sso: true", new: "sso: \"yes\"", valid: false),
        Mutation(name: "notice_days as text", base: .member, old: "notice_days: 30", new: "notice_days: \"30\"", valid: false),
        Mutation(name: "name as a number", base: .member, old: "name: Valeria Gutiérrez Rojas", new: "name: 42", valid: false),
        Mutation(name: "devices as a mapping", base: .member, old: "devices:\n", new: "devices: {}\nold_devices:\n", valid: false),
        Mutation(name: "timestamp as a number", base: .member, old: "last_patched: 2026-11-17", new: "last_patched: 20261117", valid: false),
        Mutation(name: "timestamp as words", base: .member, old: "last_patched: 2026-11-17", new: "last_patched: last week", valid: false),
        Mutation(name: "timestamp with month 13", base: .member, old: "last_patched: 2026-11-17", new: "last_patched: \"2026-13-17\"", valid: false),
        Mutation(name: "flag as a number", base: .vendor, old: "ip_assignment_flowdown: true", new: "ip_assignment_flowdown: 1", valid: false),
        Mutation(name: "review count as words", base: .repository, old: "required_approving_review_count: 2", new: "required_approving_review_count: two", valid: false),
        Mutation(name: "retention as words", base: .system, old: "retention_days: 400", new: "retention_days: a year", valid: false),
        Mutation(name: "training flag as text", base: .workflow, old: "provider_trains_on_data: false", new: "provider_trains_on_data: \"no\"", valid: false),
        // Missing required fields at each level.
        Mutation(name: "member without a name", base: .member, old: "name: Valeria Gutiérrez Rojas\n", new: "", valid: false),
        Mutation(name: "member without a status", base: .member, old: "status: active\n", new: "", valid: false),
        Mutation(name: "engagement without a model", base: .member, old: "  model: direct\n", new: "", valid: false),
        Mutation(name: "device without an id", base: .member, old: "  - id: LAP-0118  # MacBook Pro 16\" (2025, 48 GB), Intune-managed\n    serial:",
                 new: "  - serial:", valid: false),
        Mutation(name: "grant without a role", base: .member, old: "    role: write\n", new: "", valid: false),
        Mutation(name: "grant with a null resource", base: .member, old: "resource: acme/ml-platform", new: "resource: null", valid: false),
        Mutation(name: "review without a date", base: .member, old: "{date: 2026-10-01, ", new: "{", valid: false),
        Mutation(name: "background without a status", base: .member, old: "{status: passed, date: 2026-02-03}", new: "{date: 2026-02-03}", valid: false),
        Mutation(name: "vendor without a type", base: .vendor, old: "type: employer-of-record\n", new: "", valid: false),
        Mutation(name: "repository grant without a permission", base: .repository, old: "{member: andres.morales, permission: admin}", new: "{member: andres.morales}", valid: false),
        Mutation(name: "system without a name", base: .system, old: "name: AWS (acme-prod, acme-staging, acme-dev)\n", new: "", valid: false),
        Mutation(name: "dataset without an id", base: .workflow, old: "{id: support-tickets-2026, ", new: "{", valid: false),
        Mutation(name: "manifest without a system", base: .manifest, old: "system: github\n", new: "", valid: false),
        Mutation(name: "manifest grant without a member", base: .manifest, old: "{member: ana.lopez, resource: acme/payments-api, role: write, environment: production,",
                 new: "{resource: acme/payments-api, role: write, environment: production,", valid: false),
    ]

    /// What each judge said about one mutation.
    struct Verdicts {
        var yamlLoader: [String: Bool] = [:]
        var jsonLoader: [String: Bool] = [:]
        var schema: [String: Bool] = [:]
    }

    /// Writes every mutation as YAML and as the JSON the schema validator sees, and runs the loader on both.
    static func judge(in directory: TemporaryDirectory) throws -> (Verdicts, jsonFiles: [Mutation.Base: [(Mutation, String)]]) {
        var verdicts = Verdicts()
        var jsonFiles: [Mutation.Base: [(Mutation, String)]] = [:]
        let policies = PolicySet(kinds: .standard, policies: [], digests: [], symbols: SymbolTable())
        for (index, mutation) in mutations.enumerated() {
            let text = baseText(mutation.base)
            #expect(text.contains(mutation.old), "\(mutation.name): the base has no \(mutation.old)")
            let changed = text.replacingOccurrences(of: mutation.old, with: mutation.new, options: [], range: text.range(of: mutation.old))
            let yaml = directory.write("m\(index).yaml", changed)
            verdicts.yamlLoader[mutation.name] = (try? InputLoader(symbols: policies.symbols).load(paths: [yaml], policies: policies)) != nil
            // The JSON the validator sees is the YAML as Clearance resolved it (as `clearance inspect` prints it).
            let json = try #require(try YAMLLoader(symbols: SymbolTable()).load(file: yaml).first).root.json()
            let jsonPath = directory.write("m\(index).json", json + "\n")
            verdicts.jsonLoader[mutation.name] = (try? InputLoader(symbols: policies.symbols).load(paths: [jsonPath], policies: policies)) != nil
            jsonFiles[mutation.base, default: []].append((mutation, jsonPath))
        }
        return (verdicts, jsonFiles)
    }

    static let schemas: [Mutation.Base: String] = [
        .member: "Schemas/team-member.schema.json", .vendor: "Schemas/vendor.schema.json", .manifest: "Schemas/access-manifest.schema.json",
        .repository: "Schemas/repository.schema.json", .system: "Schemas/system.schema.json", .workflow: "Schemas/ai-workflow.schema.json",
    ]

    @Test func theLoaderJudgesEachMutationAsIntended() throws {
        let directory = TemporaryDirectory()
        let (verdicts, _) = try Self.judge(in: directory)
        for mutation in Self.mutations {
            #expect(verdicts.yamlLoader[mutation.name] == mutation.valid, "YAML: \(mutation.name)")
            #expect(verdicts.jsonLoader[mutation.name] == mutation.valid, "JSON: \(mutation.name)")
        }
    }

    @Test(.enabled(if: PythonTool.hasModule("jsonschema") || PythonTool.isCI, "needs Python's jsonschema (pip install jsonschema)"))
    func theSchemasJudgeEachMutationAsTheLoaderDoes() throws {
        let directory = TemporaryDirectory()
        let (verdicts, jsonFiles) = try Self.judge(in: directory)
        var schemaVerdicts: [String: Bool] = [:]
        for (base, files) in jsonFiles {
            let schema = try #require(Self.schemas[base])
            let result = try PythonTool.run([PythonTool.script("validate-json-schema.py"), Self.root + "/" + schema] + files.map(\.1))
            for (mutation, path) in files { schemaVerdicts[mutation.name] = !result.output.contains(path + ":") }
        }
        for mutation in Self.mutations {
            let schema: Bool = try #require(schemaVerdicts[mutation.name] as Bool?)
            #expect(schema == verdicts.yamlLoader[mutation.name], "\(mutation.name): schema says \(schema ? "valid" : "invalid"), YAML loader disagrees")
            #expect(schema == verdicts.jsonLoader[mutation.name], "\(mutation.name): schema says \(schema ? "valid" : "invalid"), JSON loader disagrees")
        }
    }

    /// A quoted date in YAML is text, which a JSON Schema cannot tell from a date: the JSON the
    /// validator sees holds the same string either way. The loader rejects the YAML; the JSON
    /// (where every date is a string) is valid for both.
    @Test(.enabled(if: PythonTool.hasModule("jsonschema") || PythonTool.isCI, "needs Python's jsonschema (pip install jsonschema)"))
    func aQuotedDateIsTextInYAMLAndADateInJSON() throws {
        let directory = TemporaryDirectory()
        let text = Self.baseText(.member).replacingOccurrences(of: "{date: 2026-10-01,", with: "{date: \"2026-10-01\",")
        let yaml = directory.write("quoted.yaml", text)
        let policies = PolicySet(kinds: .standard, policies: [], digests: [], symbols: SymbolTable())
        #expect(throws: Diagnostics.self) { try InputLoader(symbols: policies.symbols).load(paths: [yaml], policies: policies) }
        let json = directory.write("quoted.json", try #require(try YAMLLoader(symbols: SymbolTable()).load(file: yaml).first).root.json() + "\n")
        #expect(json.hasSuffix(".json"))
        let loaded = try InputLoader(symbols: policies.symbols).load(paths: [json], policies: policies)
        let date = try #require(loaded.documents.first?.root["access"]?[0]?["last_review"]?["date"])
        #expect(date.timestamp?.rfc3339 == "2026-10-01T00:00:00Z")
        let result = try PythonTool.run([PythonTool.script("validate-json-schema.py"), Self.root + "/Schemas/team-member.schema.json", json])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func everyOptionalPropertyOfAnInputMayBeNull() {
        var optionalNotNullable: [String] = []
        func visit(_ shape: ObjectShape) {
            for property in shape.properties {
                if !property.isRequired, case .nullable = property.shape {} else if !property.isRequired { optionalNotNullable.append("\(shape.name).\(property.name)") }
                var inner = property.shape.withoutNull
                while case .list(let element) = inner { inner = element.withoutNull }
                if case .object(let object) = inner { visit(object) }
            }
        }
        for descriptor in DocumentKinds.standard.descriptors { visit(descriptor.shape) }
        #expect(optionalNotNullable == [])
    }
}
