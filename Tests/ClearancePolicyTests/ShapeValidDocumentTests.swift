import ClearanceCore
import ClearanceEngine
@testable import ClearancePolicy
import ClearanceTestSupport
import ClearanceDocument
import Foundation
import Testing

/// Every shipped rule has an answer for every document its shape allows: random shape-valid
/// teams (optional keys present, absent or null) give no `error` finding.
///
/// `CLEARANCE_SHAPE_TEAMS` (how many teams, default 30: about 400 documents) and
/// `CLEARANCE_SHAPE_SEED` (default 11) make longer runs; `Benchmarks/shape-valid.sh` runs one.
@Suite struct ShapeValidDocumentTests {
    static let now = Timestamp(seconds: 1_795_132_800)!  // 2026-11-20T00:00:00Z, the sample team's audit date

    @Test func shippedRulesNeverErrOnShapeValidDocuments() throws {
        let environment = ProcessInfo.processInfo.environment
        let teams = environment["CLEARANCE_SHAPE_TEAMS"].flatMap(Int.init) ?? 30
        let seed = environment["CLEARANCE_SHAPE_SEED"].flatMap(UInt64.init) ?? 11
        let policies = try PolicyLoader(symbols: SymbolTable()).load(paths: [CommandRunner.packageRoot.appendingPathComponent("Policies").path])
        var generator = ShapeValidTeamGenerator(seed: seed, now: Self.now)
        var documents = 0, findings = 0
        var errors: [String] = []
        for index in 0..<teams {
            let team = generator.team()
            let text = team.documents.map { "---\n" + $0 + "\n" }.joined()
            let roots = try YAMLLoader(symbols: policies.symbols).load(text: text, name: "team-\(index).yaml").map { $0.root }
            for root in roots { try Self.expectShapeValid(root) }
            let loaded = try InputLoader(symbols: policies.symbols).check(roots, policies: policies)
            let report = Engine(policies: policies, documents: loaded, now: Self.now).run()
            documents += roots.count
            findings += report.findings.count
            for finding in report.findings where finding.status == .error {
                errors.append("\(finding.rule.id) on \(finding.subject) \(finding.element ?? ""): \(finding.message)\n"
                              + "  in team \(index): \(team.documents.first { $0.contains("\", id: \"\(finding.subject)\"") } ?? "")")
            }
        }
        print("shape-valid documents: \(teams) teams, \(documents) documents, \(findings) findings, \(errors.count) errors (seed \(seed))")
        #expect(documents >= teams * 19)
        if !errors.isEmpty {
            Issue.record("\(errors.count) error findings; the first:\n\(errors.prefix(5).joined(separator: "\n"))")
        }
    }

    /// Fails unless `root` is valid for its kind's shape: the generator's own check.
    private static func expectShapeValid(_ root: Node) throws {
        let kind = try #require(root["kind"]?.string.map(DocumentKind.init(rawValue:)))
        let shape = Shape.object(try #require(DocumentKinds.standard.descriptor(kind)?.shape))
        let problems = ShapeChecker(check: .values).problems(root, shape, name: kind.rawValue)
            + ShapeChecker(check: .unknownKeys).problems(root, shape, name: kind.rawValue)
        #expect(problems.isEmpty, "generated \(kind.rawValue) is not shape-valid: \(problems.map(\.message))")
    }
}
