import ClearanceFuzzTargets
import Foundation
import Testing

/// Every input the expression fuzz targets once failed on compiles, evaluates or is rejected, quickly.
@Suite("Fuzz regressions: expressions")
struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [FuzzInput] {
        FuzzInput.all(in: Bundle.module.url(forResource: "Resources/fuzz-regressions/\(target)", withExtension: nil))
    }

    @Test(arguments: inputs("fuzz-expression-compile")) func compilesOrGivesADiagnostic(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.expressionCompile(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }

    @Test(arguments: inputs("fuzz-expression-eval")) func evaluatesToAValueOrAnError(_ input: FuzzInput) {
        var outcomes: [FuzzOutcome] = []
        let elapsed = ContinuousClock().measure { for _ in 0..<2 { outcomes.append(FuzzEntry.expressionEval(input.bytes)) } }
        #expect(outcomes[0] == outcomes[1])
        #expect(elapsed < .seconds(10))
    }
}
