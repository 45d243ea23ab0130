import Testing
import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// The one checklist model the `checklist` command and the HTML report render: which items, in which sections,
/// with which status, and where the pre-credentials gate stands.
@Suite("Checklist model")
struct ChecklistTests {
    /// Each section as its heading (the policy id, or `gate`) and its items as `rule=status`.
    static func outline(_ checklist: Checklist) -> [String] {
        checklist.sections.map { section in
            (section.policy?.id ?? "gate") + ": " + section.items.map { "\($0.rule.id)=\($0.status?.rawValue ?? "none")" }.joined(separator: " ")
        }
    }

    static func checklists() throws -> [String: Checklist] {
        let report = try SmallReport.make()
        return Dictionary(uniqueKeysWithValues: Checklist.all(report, subjects: report.subjects).map { ($0.subject.id, $0) })
    }

    @Test func aPersonWhoseGateItemsAreMetIsClearedAndTheGateComesFirst() throws {
        let ana = try #require(try Self.checklists()["ana.lopez"])
        #expect(ana.gate?.state == .cleared)
        #expect(ana.gate?.reason == "1 of 1 item met")
        #expect(Self.outline(ana) == ["gate: PC-01=pass", "zero-trust-baseline: ZT-02=waived ZT-04=fail"])
        #expect(ana.items.first { $0.rule.id == "ZT-04" }?.findings.map(\.element) == ["devices[0]", "devices[1]"])
        #expect(ana.needsAttention)
    }

    @Test func aCandidateWithAPendingItemIsBlockedAndRulesThatSkippedDoNotApply() throws {
        let ben = try #require(try Self.checklists()["ben.okafor"])
        #expect(ben.gate?.state == .blocked)
        #expect(ben.gate?.reason == "1 of 1 item not met: PC-01")
        #expect(Self.outline(ben) == ["gate: PC-01=pending", "zero-trust-baseline: ZT-02=skip ZT-04=skip"])
        #expect(ben.items.map(\.isApplicable) == [true, false, false])
    }

    @Test func credentialsIssuedWhileAnItemWasOpenIsABreach() throws {
        let carla = try #require(try Self.checklists()["carla.diaz"])
        #expect(carla.gate?.state == .breached)
        #expect(carla.gate?.reason == "credentials issued 2026-03-02 09:00 UTC while PC-01 was open")
        #expect(Self.outline(carla) == ["gate: PC-01=fail", "zero-trust-baseline: ZT-02=error ZT-04=fail"])
    }

    /// Without a standing with credentials there is no gate: the gate's rule stays in its policy's section.
    @Test func withoutCredentialsTheGateRuleIsListedUnderItsPolicy() throws {
        let report = try SmallReport.make()
        let ana = report.subjects[0]
        let unknown = Subject(kind: ana.kind, id: ana.id, name: nil, status: nil, details: [], location: ana.location)
        let checklist = Checklist(subject: unknown, in: report)
        #expect(checklist.gate == nil)
        #expect(Self.outline(checklist) == ["onboarding: PC-01=pass", "zero-trust-baseline: ZT-02=waived ZT-04=fail"])
    }

    /// A subject's checklist reads only its own findings, and lists built-in rules' findings without an item.
    @Test func aChecklistReadsOnlyItsSubjectsFindings() throws {
        let report = try SmallReport.make()
        let checklist = Checklist(subject: report.subjects[2], in: report)
        #expect(Set(checklist.findings.map(\.subject)) == ["carla.diaz"])
        #expect(checklist.findings.count == 3)
        let waiver = Subject(kind: .waiver, id: "W-2026-002", name: nil, status: nil, details: [],
                             location: SourceLocation(file: "waivers/2026.yaml", line: 9, column: 1, offset: 0))
        let expired = Checklist(subject: waiver, in: report)
        #expect(expired.findings.map(\.rule.id) == ["waiver-expired"])
        #expect(expired.sections.isEmpty)
        #expect(expired.needsAttention)
    }

    /// A run for the HTML report alone counts passes and skips per subject and rule instead of keeping them: the
    /// checklists, their counts and the gates are the same as from every finding.
    @Test func passesAndSkipsCountedAsMarksGiveTheSameChecklists() throws {
        let report = try SmallReport.make()
        var counts: [SubjectKey: [PassMarks.Count]] = [:]
        for finding in report.findings where finding.status == .pass || finding.status == .skip {
            counts[SubjectKey(kind: finding.kind, id: finding.subject), default: []]
                .append(PassMarks.Count(rule: finding.rule, pass: finding.status == .pass ? 1 : 0, skip: finding.status == .skip ? 1 : 0))
        }
        #expect(counts.count >= 2)
        let marked = Report(asOf: report.asOf, findings: report.findings.filter { $0.status != .pass && $0.status != .skip }, summary: report.summary,
                            passMarks: counts.map { PassMarks(subject: $0.key, counts: $0.value) }, documentsChecked: report.documentsChecked,
                            catalogue: report.catalogue, inputFiles: report.inputFiles, waivers: report.waivers, subjects: report.subjects,
                            sources: report.sources, accounts: report.accounts)
        let whole = Checklist.all(report, subjects: report.subjects), fromMarks = Checklist.all(marked, subjects: marked.subjects)
        #expect(whole.map(Self.outline) == fromMarks.map(Self.outline))
        #expect(whole.map { $0.items.map(\.outcomeCount) } == fromMarks.map { $0.items.map(\.outcomeCount) })
        #expect(whole.map { $0.gate?.state } == fromMarks.map { $0.gate?.state })
        let ana = try #require(report.subjects.first { $0.id == "ana.lopez" })
        #expect(Self.outline(Checklist(subject: ana, in: marked)) == Self.outline(Checklist(subject: ana, in: report)))
    }
}
