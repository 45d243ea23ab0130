import ClearanceDocument
import ClearanceExpression
import Testing

/// `matches` with a pattern computed at run time is charged for compiling it, every time.
@Suite struct RegexCostTests {
    private func evaluate(_ source: String) throws -> Result<Value, EvaluationError> {
        try Program.compile(source, declarations: Declarations(symbols: SymbolTable())).evaluate(Bindings(Declarations(symbols: SymbolTable())))
    }

    static let hundred = "[" + (0..<100).map(String.init).joined(separator: ", ") + "]"

    @Test func patternsComputedAtRunTimeWork() throws {
        #expect(try evaluate("['^a', 'b$', 'x'].map(p, 'ab'.matches(p))").get().description == "[true, true, false]")
        let failed = try evaluate("['(a'].all(p, 'ab'.matches(p))")
        #expect(throws: EvaluationError.self) { try failed.get() }
        if case .failure(let error) = failed { #expect(error.message == "invalid regular expression \"(a\": missing closing )") }
    }

    /// Expects `source` to stop on the step budget.
    private func expectBudgetStop(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try evaluate(source)
        guard case .failure(let error) = result else { Issue.record("evaluated to \(result)", sourceLocation: sourceLocation); return }
        #expect(error.message == "evaluation took more than 1000000 steps and was stopped", sourceLocation: sourceLocation)
    }

    @Test func compilingIsCharged() throws {
        // 10,000 distinct patterns of 2,000 instructions each: stopped long before the last.
        try expectBudgetStop("\(Self.hundred).all(i, \(Self.hundred).all(j, !'ab'.matches('(?i)\\\\pL{1,1000}' + string(i) + string(j))))")
    }

    @Test func failingToCompileIsCharged() throws {
        // A pattern that fails is not cached; each try is charged a fixed 200,000 steps.
        try expectBudgetStop("\(Self.hundred).all(i, 'ab'.matches('(' + string(i)) || i >= 0)")
    }

    @Test func constantMatchesStillFold() throws {
        #expect(try Program.compile("'ab'.matches('^a')", declarations: Declarations(symbols: SymbolTable())).constantValue?.description == "true")
    }
}
