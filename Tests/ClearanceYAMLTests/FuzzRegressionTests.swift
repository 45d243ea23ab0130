import ClearanceFuzzTargets
import Foundation
import Testing

/// Every input the `fuzz-yaml` target once failed on loads or is rejected, quickly.
@Suite("Fuzz regressions: YAML")
struct FuzzRegressionTests {
    static let inputs = FuzzInput.all(in: Bundle.module.url(forResource: "Resources/fuzz-regressions/fuzz-yaml", withExtension: nil))

    @Test(arguments: inputs) func endsInDocumentsOrADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.yaml(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }
}
