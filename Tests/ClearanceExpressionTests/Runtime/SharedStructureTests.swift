import ClearanceDocument
import ClearanceExpression
import Testing

/// Values that hold one list many times over: cheap to build, so comparing and printing them
/// must be charged or cut, never walked in full.
@Suite struct SharedStructureTests {
    /// 16^levels references to one list of 16 strings, built in a few thousand steps.
    static func shared(levels: Int) -> String {
        var source = "['" + String(repeating: "x", count: 100) + "']"
        for level in 0..<levels {
            let name = "v\(level)"
            source = "\(source).map(\(name), [" + Array(repeating: name, count: 16).joined(separator: ", ") + "])"
        }
        return source
    }

    private func evaluate(_ source: String) throws -> Result<Value, EvaluationError> {
        try Program.compile(source, declarations: Declarations(symbols: SymbolTable())).evaluate(Bindings(Declarations(symbols: SymbolTable())))
    }

    @Test func equalityIsChargedToTheBudget() throws {
        let big = Self.shared(levels: 6)
        let budget = EvaluationError(message: "evaluation took more than 1000000 steps and was stopped", offset: 0)
        for source in ["[\(big)].all(v, v == v)", "[\(big)].all(v, v != v)", "[\(big)].all(v, v in [1, v])"] {
            let result = try evaluate(source)
            #expect(throws: EvaluationError.self, "\(source.prefix(40))") { try result.get() }
            if case .failure(let error) = result { #expect(error.message == budget.message) }
        }
        #expect(try evaluate("[\(Self.shared(levels: 2))].all(v, v == v && v in [v] && !(v != v))").get().description == "true")
        #expect(try evaluate("[[1, [2, 3]], {'a': [1]}].all(v, v == v)").get().description == "true")
        #expect(try evaluate("[1, 2.0, 3u] == [1u, 2, 3.0] && {'a': [1]} != {'a': [2]}").get().description == "true")
        #expect(try evaluate("[{'a': 1, 'b': [2]}].all(m, m == {'b': [2], 'a': 1} && m != {'b': [2], 'c': 1})").get().description == "true")
    }

    @Test func constantComparisonsStillFold() throws {
        for source in ["[1, 'a'] == [1, 'a']", "'a' != 'b'", "{'k': [1u]} == {'k': [1]}"] {
            #expect(try Program.compile(source, declarations: Declarations(symbols: SymbolTable())).constantValue?.description == "true", "\(source)")
        }
    }

    @Test func printingIsCut() throws {
        let value = try evaluate(Self.shared(levels: 8)).get()
        let printed = value.description(maxLength: 1_000)
        #expect(printed.hasPrefix("[[[[[[[[[\"xxxx"))
        #expect(printed.hasSuffix("…"))
        #expect(printed.utf8.count == 1_000 + "…".utf8.count)
        #expect(try evaluate("[1, 'é']").get().description(maxLength: 7) == "[1, \"é…")
        #expect(try evaluate("[1, 'é']").get().description(maxLength: 6) == "[1, \"…")
        #expect(try evaluate("[1, 'é']").get().description(maxLength: 100) == "[1, \"é\"]")
    }
}
