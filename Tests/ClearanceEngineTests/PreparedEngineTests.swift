import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import Testing

/// An engine prepared once over a snapshot evaluates one document at a time, from many threads,
/// exactly as an audit of the whole snapshot does; a document outside the snapshot (a candidate
/// from the HR system) is evaluated against the snapshot's lookup maps.
struct PreparedEngineTests {
    static let policy = """
        kind: Policy
        id: people
        title: People
        target: TeamMember
        rules:
          - id: PE-01
            title: A security owner who is active
            severity: high
            require: member.security_owner in members && members[member.security_owner].status == 'active'
            message: "{{member.id}}: security owner {{member.security_owner}} is not an active member"
          - id: PE-02
            title: Signed in within 90 days
            severity: medium
            when: member.status == 'active'
            require: has(member.identity.last_login) && now - member.identity.last_login < duration('2160h')
            message: "{{member.id}} has not signed in for 90 days"
        """

    static func member(_ id: String, owner: String, status: String = "active", lastLogin: String = "2026-11-01") -> String {
        "kind: TeamMember\nid: \(id)\nname: \(id)\nstatus: \(status)\nsecurity_owner: \(owner)\nidentity: {last_login: \(lastLogin)}\n"
    }

    static let asOf = Timestamp(seconds: 1_795_046_400)!  // 2026-11-19T00:00:00Z

    /// Documents read from text with the policies' symbols: added to them (a snapshot) or only looked up (a request).
    private func documents(_ text: String, name: String, policies: PolicySet, keys: KeyInterning = .intern) throws -> DocumentSet {
        let roots = try YAMLLoader(symbols: policies.symbols, keys: keys).load(text: text, name: name).map(\.root)
        return try InputLoader(symbols: policies.symbols, keys: keys).check(roots, policies: policies)
    }

    private func described(_ findings: [Finding]) -> [String] {
        findings.filter { $0.status != .pass && $0.status != .skip }.map { "\($0.rule.id) \($0.subject) \($0.status) \($0.message)" }
    }

    @Test func evaluatingOneDocumentAtATimeFromManyThreadsAgreesWithTheAudit() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        let team = (0..<200).map { index in
            Self.member("p\(index)", owner: index % 7 == 0 ? "gone" : "p0", status: index == 0 ? "active" : (index % 11 == 0 ? "offboarded" : "active"),
                        lastLogin: index % 5 == 0 ? "2026-01-02" : "2026-11-01")
        }.joined(separator: "---\n") + "---\n" + Self.member("gone", owner: "p0", status: "offboarded")
        let snapshot = try documents(team, name: "team.yaml", policies: policies)
        let engine = Engine(policies: policies, documents: snapshot, now: Self.asOf, jobs: 2)
        let audit = engine.run()
        let subjects = engine.snapshot.subjects
        let perDocument = ParallelMap.map(subjects.count, jobs: 4) { index in
            described(engine.evaluate([subjects[index]], at: Self.asOf).findings)
        }
        #expect(described(audit.findings) == perDocument.flatMap { $0 })
        // PE-01: every 7th of 200 has an owner who left (29); PE-02: every 5th signed in last in January (40), less the 3 offboarded (55, 110, 165).
        #expect(audit.summary[.fail] == 29 + 37)
    }

    @Test func aCandidateOutsideTheSnapshotIsEvaluatedAgainstItsLookupMapsAndItsOwnTime() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        let snapshot = try documents(Self.member("lead", owner: "lead") + "---\n" + Self.member("left", owner: "lead", status: "offboarded"),
                                     name: "team.yaml", policies: policies)
        let engine = Engine(policies: policies, documents: snapshot, now: Self.asOf)
        let request = try documents(Self.member("new.hire", owner: "left", lastLogin: "2026-12-20") + "---\n" + Self.member("other", owner: "lead"),
                                    name: "request.json", policies: policies, keys: .lookUpOnly)
        let now = described(engine.evaluate(request.documents, at: Self.asOf).findings)
        #expect(now == [
            "PE-01 new.hire fail new.hire: security owner left is not an active member",
            "CLR-FUTURE-EVIDENCE new.hire fail identity.last_login is 2026-12-20, after the evaluation time 2026-11-19; evidence cannot be from the future",
            "PE-02 new.hire fail new.hire has not signed in for 90 days",  // the login from the future is set aside
        ])
        let later = Timestamp(seconds: Self.asOf.seconds + 40 * 86_400)!
        #expect(described(engine.evaluate(request.documents, at: later).findings) == [
            "PE-01 new.hire fail new.hire: security owner left is not an active member",
        ])
        #expect(engine.evaluate(request.documents, at: later).documentsChecked == 2)
    }
}
