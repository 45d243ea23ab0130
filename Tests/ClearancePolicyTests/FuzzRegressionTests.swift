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

    @Test(arguments: sourceInputs) func readsASourceOrGivesADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.sources(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }
}
