import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import Testing

/// Rules that open with the same `when` parts are decided from parts evaluated once per document (or element), and
/// every rule still decides exactly as its own `when` would alone: the same passes, skips, failures and errors.
struct SharedConditionTests {
    static let asOf = Timestamp(seconds: 1_795_046_400)!  // 2026-11-19T00:00:00Z

    static func rule(_ id: String, forEach: String? = nil, when: String, require: String = "true") -> String {
        """
          - id: \(id)
            title: \(id)
            severity: medium
        \(forEach.map { "    for_each: \($0)\n" } ?? "")    when: "\(when)"
            require: "\(require)"
            message: "\(id) fails"

        """
    }

    static func policy(_ id: String, params: String = "", rules: [String]) -> String {
        "kind: Policy\nid: \(id)\ntitle: \(id)\ntarget: TeamMember\n\(params)rules:\n" + rules.joined()
    }

    static let team = """
        kind: TeamMember
        id: ana
        name: Ana
        status: active
        security_owner: ana
        access:
          - {system: aws, resource: prod, role: admin, environment: production, ticket: IT-1, revoked: null}
          - {system: aws, resource: old, role: read, environment: staging, ticket: IT-2, revoked: 2026-01-05}
          - {system: github, resource: web, role: read, environment: staging, revoked: null}
        ---
        kind: TeamMember
        id: bo
        name: Bo
        status: offboarded
        security_owner: ghost
        access:
          - {system: aws, resource: prod, role: admin, environment: production, revoked: null}
        ---
        kind: TeamMember
        id: cy
        name: Cy
        status: active
        security_owner: ghost
        access: []

        """

    /// Every finding of a run, pass and skip included, one line each, sorted.
    private func lines(_ policyTexts: [String], team: String = Self.team, rules: Set<String>? = nil) throws -> [String] {
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(bytes: Array(policyTexts.joined(separator: "---\n").utf8), name: "rules.yaml")
        let roots = try YAMLLoader(symbols: policies.symbols).load(text: team, name: "team.yaml").map(\.root)
        let documents = try InputLoader(symbols: policies.symbols).check(roots, policies: policies)
        let report = Engine(policies: policies, documents: documents, now: Self.asOf).run(rules: rules)
        return report.findings.filter { $0.rule.id != "CLR-FUTURE-EVIDENCE" }.map { finding in
            "\(finding.rule.id) \(finding.subject)\(finding.element.map { " " + $0 } ?? "") \(finding.status)"
                + (finding.status == .error ? " " + finding.message : "")
        }.sorted()
    }

    /// A run of every rule together says, rule by rule, what a run of that rule alone says.
    private func expectSameAsAlone(_ policyTexts: [String], _ ids: [String]) throws -> [String] {
        let together = try lines(policyTexts)
        for id in ids {
            #expect(together.filter { $0.hasPrefix(id + " ") } == (try lines(policyTexts, rules: [id])), "rule \(id)")
        }
        return together
    }

    @Test func rulesOpeningWithTheSameGuardDecideAsEachAlone() throws {
        let guards = Self.policy("guards", rules: [
            Self.rule("G-01", forEach: "grant in member.access", when: "member.status == 'active' && grant.revoked == null",
                      require: "grant.ticket != null"),
            Self.rule("G-02", forEach: "grant in member.access",
                      when: "member.status == 'active' && grant.revoked == null && !(grant.environment == 'production')",
                      require: "grant.role == 'read'"),
            Self.rule("G-03", forEach: "grant in member.access",
                      when: "member.status == 'active' && grant.revoked == null && grant.environment == 'production'",
                      require: "grant.role == 'read'"),
            Self.rule("G-04", when: "member.status == 'active'", require: "member.access.size() > 0"),
            // The same part over another list: its element 0 is not the access list's element 0.
            Self.rule("G-05", forEach: "grant in member.access.filter(g, g.environment != 'production')", when: "grant.revoked == null"),
        ])
        let lines = try expectSameAsAlone([guards], ["G-01", "G-02", "G-03", "G-04", "G-05"])
        #expect(lines == [
            "G-01 ana access[0] pass", "G-01 ana access[1] skip", "G-01 ana access[2] fail", "G-01 bo access[0] skip",
            "G-02 ana access[0] skip", "G-02 ana access[1] skip", "G-02 ana access[2] pass", "G-02 bo access[0] skip",
            "G-03 ana access[0] fail", "G-03 ana access[1] skip", "G-03 ana access[2] skip", "G-03 bo access[0] skip",
            "G-04 ana pass", "G-04 bo skip", "G-04 cy fail",
            "G-05 ana [0] skip", "G-05 ana [1] pass",
        ])
    }

    @Test func aPartThatCannotBeEvaluatedLeavesTheDecisionToTheWholeCondition() throws {
        let errors = Self.policy("errors", rules: [
            Self.rule("E-01", when: "members[member.security_owner].status == 'active' && member.status == 'active'"),
            Self.rule("E-02", when: "member.status == 'active'"),
            Self.rule("E-03", when: "members[member.security_owner].status == 'active'"),
        ])
        let lines = try expectSameAsAlone([errors], ["E-01", "E-02", "E-03"])
        // Bo's unknown owner cannot be read, but his status decides E-01 (false wins over an error); Cy's cannot be read either.
        #expect(lines.filter { $0.contains(" bo") || $0.contains(" cy") }.map { $0.prefix(36) } == [
            "E-01 bo skip", "E-01 cy error cannot evaluate when: ", "E-02 bo skip", "E-02 cy pass",
            "E-03 bo error cannot evaluate when: ", "E-03 cy error cannot evaluate when: ",
        ])
    }

    @Test func partsThatReadParamsAreSharedOnlyWithinTheirPolicy() throws {
        let stayers = Self.policy("stayers", params: "params:\n  statuses: {type: list<string>, default: [active], description: Who stays.}\n",
                                  rules: [Self.rule("S-01", when: "member.status in params.statuses", require: "false")])
        let leavers = Self.policy("leavers", params: "params:\n  statuses: {type: list<string>, default: [offboarded], description: Who left.}\n",
                                  rules: [Self.rule("L-01", when: "member.status in params.statuses", require: "false")])
        let lines = try expectSameAsAlone([stayers, leavers], ["S-01", "L-01"])
        #expect(lines == ["L-01 ana skip", "L-01 bo fail", "L-01 cy skip", "S-01 ana fail", "S-01 bo skip", "S-01 cy fail"])
    }

    @Test func partsWithinTheBudgetAloneButNotTogetherExceedItAsTheWholeConditionDoes() throws {
        let budget = Self.policy("budget", rules: [
            Self.rule("B-01", when: "member.roles.all(r, r == 'x') && member.roles.all(r, r != 'y')"),
            Self.rule("B-02", when: "member.roles.all(r, r == 'x')"),
        ])
        let roles = Array(repeating: "x", count: 150_000).joined(separator: ", ")
        let member = "kind: TeamMember\nid: dee\nname: Dee\nstatus: active\nsecurity_owner: dee\nroles: [\(roles)]\n"
        let lines = try lines([budget], team: member)
        #expect(lines == ["B-01 dee error cannot evaluate when: evaluation took more than 1000000 steps and was stopped", "B-02 dee pass"])
    }
}
