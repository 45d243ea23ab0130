import ClearanceFuzzTargets
import Foundation
import Testing

/// Every input the `fuzz-policy` target once failed on loads and runs over the fixture team, or is rejected, quickly;
/// and every input the `fuzz-sources` target once failed on is read as a source or rejected at its place, quickly.
@Suite("Fuzz regressions: policies and sources")
struct FuzzRegressionTests {
    static let inputs = FuzzInput.all(in: Bundle.module.url(forResource: "Resources/fuzz-regressions/fuzz-policy", withExtension: nil))
    static let sourceInputs = FuzzInput.all(in: Bundle.module.url(forResource: "Resources/fuzz-regressions/fuzz-sources", withExtension: nil))

    @Test func theFuzzWorldLoads() {
        if let problems = FuzzWorld.shared.problems { Issue.record("the fuzz targets' fixtures do not load:\n\(problems.rendered)") }
    }

    @Test(arguments: inputs) func loadsAndRunsOrGivesADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.policy(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }

    /// The selector bytes of the later formats reach their format: each format test's export reads through the fuzz entry.
    @Test(arguments: [(128, "google-users.csv", 9), (129, "google-users.json", 11), (130, "entra-users.csv", 11), (131, "atlassian-users.csv", 3),
                      (132, "jamf-computers.json", 3), (133, "intune-devices.json", 3), (134, "baton-grants.json", 3), (135, "baton-export.csv", 3)])
    func eachLaterFormatReadsItsTestExport(selector: UInt8, file: String, records: Int) throws {
        let url = try #require(Bundle.module.url(forResource: "Resources/exports/" + file, withExtension: nil))
        let outcome = FuzzEntry.sources([selector] + Array(try Data(contentsOf: url)))
        guard case .value(let summary) = outcome else {
            Issue.record("\(file) did not read: \(outcome)")
            return
        }
        #expect(summary.hasPrefix("\(records) records ("))
    }

    @Test(arguments: sourceInputs) func readsASourceOrGivesADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.sources(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }
}
