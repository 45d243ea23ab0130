import ClearanceDocument
import ClearanceExpression
import Testing

/// Every function is charged for the text it is given, and errors quote only the start of it.
@Suite struct TextCostTests {
    /// Evaluates `body` with `s` bound to a string of `size` bytes.
    private func evaluate(_ body: String, size: Int = 100_000, options: CompileOptions = CompileOptions()) throws -> Result<Value, EvaluationError> {
        var declarations = Declarations(symbols: SymbolTable())
        let slot = declarations.declare("s", as: .string)
        var bindings = Bindings(declarations)
        bindings[slot] = .string(String(repeating: "ab", count: size / 2))
        return try Program.compile(body, declarations: declarations, options: options).evaluate(bindings)
    }

    @Test func parsingHashingAndOrderingAreCharged() throws {
        var options = CompileOptions()
        options.stepBudget = 50_000
        // Each of these reads 100,000 bytes, ten times: 100,000 steps.
        for body in ["[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(i, int(s) > 0 || i > 0)",
                     "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(i, duration(s) > duration('1s') || i > 0)",
                     "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(i, {s: i}.size() == 1)",
                     "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(i, !(s in {'a': i}))",
                     "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(i, s < 'b' + string(i))"] {
            let result = try evaluate(body, options: options)
            #expect(throws: EvaluationError.self, "\(body)") { try result.get() }
            if case .failure(let error) = result { #expect(error.message == "evaluation took more than 50000 steps and was stopped", "\(body)") }
        }
        #expect(try evaluate("[1, 2].all(i, int(s) > 0 || i > 0)", options: options).get().description == "true")
    }

    @Test func errorsQuoteTheStartOfLongText() throws {
        let result = try evaluate("duration(s)")
        guard case .failure(let error) = result else { Issue.record("evaluated"); return }
        #expect(error.message.hasPrefix("invalid duration \"abab"))
        #expect(error.message.contains("…\": expected"))
        #expect(error.message.utf8.count < 400)
    }
}
