import ClearanceExpression
import Testing

/// `matches` with a pattern computed at run time is charged for compiling it, every time.
@Suite struct RegexCostTests {
    private func evaluate(_ source: String) throws -> Result<Value, EvaluationError> {
        try Program.compile(source, declarations: Declarations()).evaluate(Bindings(Declarations()))
    }

    static let hundred = "[" + (0..<100).map(String.init).joined(separator: ", ") + "]"

    @Test func patternsComputedAtRunTimeWork() throws {
        #expect(try evaluate("['^a', 'b$', 'x'].map(p, 'ab'.matches(p))").get().description == "[true, true, false]")
        let failed = try evaluate("['(a'].all(p, 'ab'.matches(p))")
        #expect(throws: EvaluationError.self) { try failed.get() }
        if case .failure(let error) = failed { #expect(error.message == "invalid regular expression \"(a\": missing closing )") }
    }

    @Test func compilingIsCharged() throws {
        // 10,000 distinct patterns of 2,000 instructions each: stopped long before the last.
        let source = "\(Self.hundred).all(i, \(Self.hundred).all(j, !'ab'.matches('(?i)\\\\pL{1,1000}' + string(i) + string(j))))"
        let result = try evaluate(source)
        if case .failure(let error) = result {
            #expect(error.message == "evaluation took more than 1000000 steps and was stopped")
        } else {
            Issue.record("evaluated to \(result)")
        }
    }

    @Test func failingToCompileIsCharged() throws {
        // A pattern that fails is not cached; each try is charged a fixed 200,000 steps.
        let source = "\(Self.hundred).all(i, 'ab'.matches('(' + string(i)) || i >= 0)"
        let result = try evaluate(source)
        if case .failure(let error) = result {
            #expect(error.message == "evaluation took more than 1000000 steps and was stopped")
        } else {
            Issue.record("evaluated to \(result)")
        }
    }

    @Test func constantMatchesStillFold() throws {
        #expect(try Program.compile("'ab'.matches('^a')", declarations: Declarations()).constantValue?.description == "true")
    }
}
