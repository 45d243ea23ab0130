import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceTestSupport
import Testing

/// A run that keeps no finding (``Engine/runKeepingFew(keepingAtMost:progress:)`` past its budget) counts what a run that
/// keeps them counts, and hands on, batch by batch, the very findings of that run in its order; a run within its budget,
/// or one that cannot promise that order, keeps its findings.
struct StreamedReportTests {
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
            severity: low
            when: member.status == 'active'
            require: has(member.identity.last_login) && now - member.identity.last_login < duration('2160h')
            message: "{{member.id}} has not signed in for 90 days"
          - id: PE-03
            title: Encrypted devices
            severity: medium
            for_each: device in member.devices
            require: device.encrypted == true
            message: "{{device.id}} is not encrypted"
        """

    /// The rule whose elements are another member's devices: its findings are placed in that member's file.
    static let ownersDevices = """
          - id: PE-04
            title: The owner's devices are encrypted
            severity: low
            for_each: device in members[member.security_owner].devices
            require: device.encrypted == true
            message: "the owner's {{device.id}} is not encrypted"
        """

    static func member(_ index: Int, owner: String = "p0", lastLogin: String = "2026-11-01", encrypted: Bool = true) -> String {
        """
        kind: TeamMember
        id: p\(index)
        name: Person \(index)
        status: active
        security_owner: \(owner)
        identity: {last_login: \(lastLogin)}
        devices: [{id: d\(index)a, encrypted: true}, {id: d\(index)b, encrypted: \(encrypted)}]

        """
    }

    static let asOf = Timestamp(seconds: 1_795_046_400)!  // 2026-11-19T00:00:00Z

    /// Members `range` as one file of documents; every 7th has an owner who is not a member, every 5th signed in last in
    /// January, every 3rd has an unencrypted device, and member 100 signed in after the evaluation time.
    static func file(_ range: Range<Int>) -> String {
        range.map { index in
            member(index, owner: index % 7 == 3 ? "gone" : "p0", lastLogin: index == 100 ? "2027-01-05" : (index % 5 == 0 ? "2026-01-02" : "2026-11-01"),
                   encrypted: index % 3 != 0)
        }.joined(separator: "---\n")
    }

    /// The documents of several files, written to a folder and read from there in the order given, as `check` reads them.
    private func documents(_ files: [(name: String, text: String)], policies: PolicySet) throws -> DocumentSet {
        let folder = TemporaryDirectory()
        for file in files { folder.write(file.name, file.text) }
        return try InputLoader(symbols: policies.symbols).load(paths: files.map { folder.path + "/" + $0.name }, policies: policies, jobs: 2)
    }

    private func described(_ finding: Finding) -> String {
        "\(finding.location) \(finding.rule.id) \(finding.subject) \(finding.status) \(finding.element ?? "-") \(finding.elementIdentity ?? "-") "
            + "\(finding.message) \(finding.fingerprint)"
    }

    /// Every finding a stream hands on, in order, with the number of batches it came in.
    private func read(_ stream: FindingStream, jobs: Int) -> (findings: [Finding], batches: Int) {
        var findings: [Finding] = [], batches = 0
        stream.forEachBatch(jobs: jobs) { $0 } consume: { batch in
            findings += batch
            batches += 1
        }
        return (findings, batches)
    }

    @Test(arguments: [1, 2, 4])
    func aStreamedRunCountsAndHandsOnTheFindingsOfARunThatKeepsThem(jobs: Int) throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        // Three files, in the order of their paths, of 70, 90 and 60 members: batches of 64 cross the files.
        let snapshot = try documents([("team/a.yaml", Self.file(0..<70)), ("team/b.yaml", Self.file(70..<160)), ("team/c.yaml", Self.file(160..<220))],
                                     policies: policies)
        for keepsAll in [false, true] {
            let engine = Engine(policies: policies, documents: snapshot, now: Self.asOf, jobs: jobs, keepsAllFindings: keepsAll)
            let kept = engine.run()
            let streamed = engine.runKeepingFew(keepingAtMost: 0)
            let stream = try #require(streamed.streamed)
            #expect(streamed.findings.isEmpty)
            #expect(streamed.summary == kept.summary)
            #expect(streamed.ruleCounts == kept.ruleCounts)
            #expect(streamed.documentsChecked == kept.documentsChecked && kept.documentsChecked == 220)
            #expect(streamed.subjects.map(\.id) == kept.subjects.map(\.id))
            for threshold in Severity.allCases {
                #expect(streamed.hasFailing(at: threshold) == !kept.failing(at: threshold).isEmpty)
                #expect(kept.hasFailing(at: threshold) == !kept.failing(at: threshold).isEmpty)
            }
            // Read twice: each reading makes the findings again, the same ones in the same order.
            for _ in 0..<2 {
                let (findings, batches) = read(stream, jobs: jobs)
                #expect(batches == 4)
                #expect(findings.map(described) == kept.findings.map(described))
            }
            // The evidence from the future (member 100, in the second batch) is among them, where the order puts it.
            #expect(kept.findings.contains { $0.rule.id == RuleInfo.futureEvidence.id && $0.subject == "p100" })
            #expect(kept.findings.count == (keepsAll ? 220 * 4 + 1 : kept.summary.filter { $0.key != .pass && $0.key != .skip }.values.reduce(0, +)))
        }
    }

    @Test func aRunWhoseElementsAreAnotherSubjectsNodesIsNotStreamed() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array((Self.policy + "\n" + Self.ownersDevices).utf8), name: "people.yaml")
        let snapshot = try documents([("team/a.yaml", Self.file(0..<70)), ("team/b.yaml", Self.file(70..<100))], policies: policies)
        let engine = Engine(policies: policies, documents: snapshot, now: Self.asOf, jobs: 2)
        // PE-04's findings are placed at p0's devices, in team/a.yaml, whoever's they are: not in their subjects' order.
        #expect(engine.run().findings.contains { $0.rule.id == "PE-04" && $0.subject == "p90" && $0.location.file.hasSuffix("team/a.yaml") })
        let report = engine.runKeepingFew(keepingAtMost: 0)
        #expect(report.streamed == nil)
        #expect(report.findings.map(described) == engine.run().findings.map(described))
    }

    @Test func subjectsReadOutOfReportOrderAreStreamedInReportOrder() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        let snapshot = try documents([("team/c.yaml", Self.file(130..<200)), ("team/a.yaml", Self.file(0..<70)), ("team/b.yaml", Self.file(70..<130))],
                                     policies: policies)
        #expect(snapshot.subjects.first?.id == "p130")
        let engine = Engine(policies: policies, documents: snapshot, now: Self.asOf, jobs: 2)
        let stream = try #require(engine.runKeepingFew(keepingAtMost: 0).streamed)
        let kept = engine.run().findings
        #expect(kept.first?.location.file.hasSuffix("team/a.yaml") == true)
        #expect(read(stream, jobs: 2).findings.map(described) == kept.map(described))
    }

    @Test func documentsNotReadFromTextAreNotStreamed() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        // Documents checked as they were parsed, not compacted as `check` leaves them: their nodes' order is not promised.
        let roots = try YAMLLoader(symbols: policies.symbols).load(text: Self.file(0..<10), name: "team/a.yaml").map(\.root)
        let snapshot = try InputLoader(symbols: policies.symbols).check(roots, policies: policies)
        let report = Engine(policies: policies, documents: snapshot, now: Self.asOf).runKeepingFew(keepingAtMost: 0)
        #expect(report.streamed == nil && !report.findings.isEmpty)
    }

    @Test func anEngineThatMarksPassesOrWatchesSubjectsIsNotStreamed() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        let snapshot = try documents([("team/a.yaml", Self.file(0..<10))], policies: policies)
        let marking = Engine(policies: policies, documents: snapshot, now: Self.asOf, keepsAllFindings: false, keepsPassMarks: true)
        let watching = Engine(policies: policies, documents: snapshot, now: Self.asOf, keepsAllFindings: false, watching: ["PE-01": ["p1"]])
        #expect(marking.runKeepingFew(keepingAtMost: 0).streamed == nil && !marking.runKeepingFew(keepingAtMost: 0).passMarks.isEmpty)
        #expect(watching.runKeepingFew(keepingAtMost: 0).streamed == nil && !watching.runKeepingFew(keepingAtMost: 0).watchedFindings.isEmpty)
    }

    @Test func aRunKeepsItsFindingsWhileTheyAreWithinItsBudget() throws {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.policy.utf8), name: "people.yaml")
        let snapshot = try documents([("team/a.yaml", Self.file(0..<220))], policies: policies)
        let engine = Engine(policies: policies, documents: snapshot, now: Self.asOf, jobs: 2)
        let kept = engine.run()
        // The budget counts the findings of the rules (the evidence from the future, p100's, is not one of them).
        let count = kept.findings.count { $0.rule.id != RuleInfo.futureEvidence.id }
        #expect(count > 100 && count == kept.findings.count - 1)
        // Within the budget (the default: at least 10,000), the findings are kept, as `run` keeps them.
        for budget in [nil, count] {
            let report = engine.runKeepingFew(keepingAtMost: budget)
            #expect(report.streamed == nil)
            #expect(report.findings.map(described) == kept.findings.map(described))
            #expect(report.summary == kept.summary)
        }
        // One past it, none are kept: the report makes them again as it is read.
        let past = engine.runKeepingFew(keepingAtMost: count - 1)
        let stream = try #require(past.streamed)
        #expect(past.findings.isEmpty && past.summary == kept.summary)
        #expect(read(stream, jobs: 2).findings.map(described) == kept.findings.map(described))
    }
}
