import ClearanceFuzzTargets
import Foundation
import Testing

/// Every input the `fuzz-yaml` and `fuzz-csv` targets once failed on loads or is rejected, quickly.
@Suite("Fuzz regressions: YAML and CSV")
struct FuzzRegressionTests {
    static let inputs = FuzzInput.all(in: Bundle.module.url(forResource: "Resources/fuzz-regressions/fuzz-yaml", withExtension: nil))
    static let csvInputs = FuzzInput.all(in: Bundle.module.url(forResource: "Resources/fuzz-regressions/fuzz-csv", withExtension: nil))

    @Test(arguments: inputs) func endsInDocumentsOrADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.yaml(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }

    @Test(arguments: csvInputs) func readsATableOrGivesADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.csv(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }
}
