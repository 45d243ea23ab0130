import ClearanceCore
import ClearanceExpression
import Foundation
import Testing
import ClearanceDocument

/// Evaluation guarantees: bounded work, thread safety, stack safety, and how values print.
@Suite struct EvaluationTests {
    private func evaluate(_ source: String, options: CompileOptions = CompileOptions()) throws -> Result<Value, EvaluationError> {
        try Program.compile(source, declarations: Declarations(symbols: SymbolTable()), options: options).evaluate(Bindings(Declarations(symbols: SymbolTable())))
    }

    @Test func stepBudgetStopsRunawayEvaluation() throws {
        // 2^40 iterations if nothing stopped it.
        let nested = (0..<40).map { "[0, 1].all(x\($0)," }.joined() + " x0 + x39 >= 0" + String(repeating: ")", count: 40)
        #expect(throws: EvaluationError(message: "evaluation took more than 1000000 steps and was stopped", offset: 7)) {
            try evaluate(nested).get()
        }
        var options = CompileOptions()
        options.stepBudget = 100
        #expect(throws: EvaluationError.self) { try evaluate("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(x, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(y, x * y))", options: options).get() }
        #expect(try evaluate("[1, 2, 3].map(x, x * 2)", options: options).get().description == "[2, 4, 6]")
    }

    @Test func stepsGrowWithTheSizeOfDataBuilt() throws {
        // Concatenating a 100,000-byte string costs 10,000 steps (one per ten bytes).
        var declarations = Declarations(symbols: SymbolTable())
        let slot = declarations.declare("s", as: .string)
        var bindings = Bindings(declarations)
        bindings[slot] = .string(String(repeating: "a", count: 100_000))
        let source = "[1, 2, 3, 4, 5, 6].map(x, s + string(x)).size()"
        #expect(try Program.compile(source, declarations: declarations).evaluate(bindings).get().description == "6")
        var options = CompileOptions()
        options.stepBudget = 50_000
        let limited = try Program.compile(source, declarations: declarations, options: options)
        #expect(throws: EvaluationError(message: "evaluation took more than 50000 steps and was stopped", offset: 28)) {
            try limited.evaluate(bindings).get()
        }
    }

    @Test func evaluatesConcurrently() async throws {
        let member = try PolicyFixture.ana()
        let program = try Program.compile(
            "member.access.filter(g, g.environment == 'production').map(g, g.system + ':' + g.role)",
            declarations: PolicyFixture.declarations)
        let bindings = try PolicyFixture.bindings(member: member)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last = ""
                    for _ in 0..<500 { last = (try? program.evaluate(bindings).get())?.description ?? "error" }
                    return last
                }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(results == ["[\"aws:read\", \"gcp:admin\"]"])
    }

    @Test func deepestAllowedExpressionRunsOnASmallStack() throws {
        // Expressions at the depth limit compile and evaluate from a thread with a 512 KiB stack,
        // the size of a typical secondary thread's.
        let sources = [
            String(repeating: "-(", count: 249) + "x" + String(repeating: ")", count: 249),
            String(repeating: "(x + ", count: 249) + "x" + String(repeating: ")", count: 249),
            (0..<124).map { "[1].all(x\($0), " }.joined() + "x > 0" + String(repeating: ")", count: 124),
            String(repeating: "[", count: 249) + String(repeating: "]", count: 249),
            String(repeating: "(", count: 249) + "x" + String(repeating: ")", count: 249),
        ]
        var declared = Declarations(symbols: SymbolTable())
        let slot = declared.declare("x", as: .int)
        var mutable = Bindings(declared)
        mutable[slot] = .int(1)
        let (declarations, bindings) = (declared, mutable)
        let outcome = OutcomeBox()
        let thread = Thread {
            for source in sources {
                let result = (try? Program.compile(source, declarations: declarations))?.evaluate(bindings)
                outcome.append((try? result?.get()).map { String(String(describing: $0).prefix(8)) } ?? "failed")
            }
            outcome.finish()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        #expect(outcome.wait() == ["-1", "250", "true", "[[[[[[[[", "1"])
    }

    @Test func runtimeErrorsAndAbsorption() throws {
        let cases: [(String, String)] = [
            ("{'a': 1}.b", "error: no such key: b"),
            ("dyn({'a': 1}.b) || true", "true"),
            ("false && dyn({'a': 1}.b)", "false"),
            ("dyn({'a': 1}.b) && true", "error: no such key: b"),
            ("[1, 2][5]", "error: index out of range: 5 (size 2)"),
            ("9223372036854775807 + 1", "error: integer overflow"),
            ("1 / 0", "error: division by zero"),
            ("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "error: timestamp out of range (0001-01-01 to 9999-12-31)"),
            ("duration('1y')", "error: invalid duration \"1y\": expected a form like \"1h30m\", \"90s\" or \"30d\", within about ±292 years"),
            ("int('12a')", "error: cannot convert \"12a\" to int"),
            ("{'a': 1, 'a': 2}", "error: repeated map key: \"a\""),
        ]
        for (source, expected) in cases {
            let shown: String
            switch try evaluate(source) {
            case .success(let value): shown = value.description
            case .failure(let error): shown = "error: " + error.message
            }
            #expect(shown == expected, "\(source)")
        }
    }

    @Test func uncheckedNamesFailAtRuntime() throws {
        var options = CompileOptions()
        options.checksTypes = false
        #expect(throws: EvaluationError(message: "undeclared reference to 'x'", offset: 0)) { try evaluate("x", options: options).get() }
        #expect(try evaluate("x || true", options: options).get().description == "true")
        #expect(throws: EvaluationError(message: "unknown function 'f'", offset: 0)) { try evaluate("f(1)", options: options).get() }
    }

    @Test func unboundVariableIsAnError() throws {
        var declarations = Declarations(symbols: SymbolTable())
        declarations.declare("x", as: .int)
        let program = try Program.compile("x + 1", declarations: declarations)
        #expect(throws: EvaluationError(message: "no value is bound to 'x'", offset: 0)) { try program.evaluate(Bindings(declarations)).get() }
    }

    @Test func qualifiedNamesPreferTheLongestDeclaration() throws {
        var declarations = Declarations(symbols: SymbolTable())
        let abc = declarations.declare("a.b.c", as: .string)
        let ab = declarations.declare("a.b", as: .map(.string, .string))
        var bindings = Bindings(declarations)
        bindings[abc] = .string("yeah")
        bindings[ab] = .map(ValueMap(["c": .string("oops"), "d": .string("dee")]))
        #expect(try Program.compile("a.b.c", declarations: declarations).evaluate(bindings).get().description == "\"yeah\"")
        #expect(try Program.compile("a.b.d", declarations: declarations).evaluate(bindings).get().description == "\"dee\"")
        #expect(try Program.compile("(a.b).c", declarations: declarations).evaluate(bindings).get().description == "\"yeah\"")
    }

    @Test func valuesPrintAsLiterals() throws {
        let cases: [(String, String)] = [
            ("42", "42"), ("42u", "42u"), ("1.0", "1.0"), ("-0.0", "-0.0"), ("1e100", "1e+100"), ("0.0 / 0.0", "double(\"NaN\")"),
            ("'a\"b\\n'", "\"a\\\"b\\n\""), ("b'\\xff\\x00a'", "b\"\\xff\\x00a\""), ("[1, [2u], {}]", "[1, [2u], {}]"),
            ("{'b': 1, 'a': [true]}", "{\"b\": 1, \"a\": [true]}"), ("timestamp('2026-01-01T00:00:00.5Z')", "timestamp(\"2026-01-01T00:00:00.5Z\")"),
            ("duration('1h')", "duration(\"3600s\")"), ("duration('-1.5s')", "duration(\"-1.5s\")"), ("type(1)", "int"),
            ("type(timestamp(0))", "google.protobuf.Timestamp"), ("null", "null"),
        ]
        for (source, printed) in cases {
            #expect(try evaluate(source).get().description == printed, "\(source)")
        }
    }

    @Test func lookupMapsHash() throws {
        var entries: [String: Value] = [:]
        for index in 0..<100_000 { entries["member-\(index)"] = .int(Int64(index)) }
        var declarations = Declarations(symbols: SymbolTable())
        let slot = declarations.declare("members", as: .map(.string, .int))
        var bindings = Bindings(declarations)
        bindings[slot] = .map(ValueMap(entries))
        let program = try Program.compile("members['member-99999'] + (('member-5' in members) ? 1 : 0) + (dyn(1u) in members ? 1 : 0)",
                                          declarations: declarations)
        #expect(try program.evaluate(bindings).get().description == "100000")
    }

    @Test func documentsFoundThroughALookupMapReadLikeDocuments() throws {
        let documents = try YAMLLoader(symbols: SymbolTable()).load(text: "id: b\nroles: [security-owner]\n---\nid: c\n", name: "team.yaml")
        var declarations = Declarations(symbols: SymbolTable())
        let slot = declarations.declare("members", as: .map(.string, .dyn))
        var bindings = Bindings(declarations)
        bindings[slot] = .map(ValueMap(["b": Value(document: documents[0]), "c": Value(document: documents[1])]))
        let cases = [
            "has(members['b'].roles)": "true",
            "has(members['c'].roles)": "false",
            "members['b'].roles.exists(r, r == 'security-owner')": "true",
            "has(members['b'].roles) && 'security-owner' in members['b'].roles": "true",
            "size(members['b'])": "2",
            "'security-owner' in (true ? members['b'].roles : [])": "true",
            "'x' in (has(members['c'].roles) ? members['c'].roles : members['b'])": "false",
        ]
        for (source, printed) in cases {
            let program = try Program.compile(source, declarations: declarations)
            #expect(try program.evaluate(bindings).get().description == printed, "\(source)")
        }
    }
}

/// Collects results from another thread and waits for them.
final class OutcomeBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [String] = []
    private var done = false

    func append(_ value: String) {
        condition.lock()
        values.append(value)
        condition.unlock()
    }

    func finish() {
        condition.lock()
        done = true
        condition.signal()
        condition.unlock()
    }

    func wait() -> [String] {
        condition.lock()
        while !done { condition.wait() }
        defer { condition.unlock() }
        return values
    }
}
