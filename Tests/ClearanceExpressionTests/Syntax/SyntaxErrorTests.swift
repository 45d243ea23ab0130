import ClearanceDocument
import ClearanceExpression
import Testing

/// Syntax errors and limits, as rendered to the author.
@Suite struct SyntaxErrorTests {
    static let cases: [(String, String)] = [
        ("member.status in ['onboarding', 'active'", """
            1:41: unexpected end of expression, expected ',' or ']'
            member.status in ['onboarding', 'active'
                                                    ^
            """),
        ("member.id == 'ana", """
            1:14: unterminated string literal
            member.id == 'ana
                         ^
            """),
        ("member.id = 'ana'", """
            1:11: unexpected character '='
            member.id = 'ana'
                      ^
            """),
        ("if || true", """
            1:1: 'if' is a reserved word and cannot be used as a name
            if || true
            ^
            """),
        ("'\\q'", """
            1:2: invalid escape sequence '\\q'
            '\\q'
             ^
            """),
        ("member.devices.all(d.id, true)", """
            1:16: the variable of all() must be a simple name, as in list.all(x, ...)
            member.devices.all(d.id, true)
                           ^
            """),
        ("has(member)", """
            1:1: has() takes a field selection, as in has(member.offboarding)
            has(member)
            ^
            """),
        ("9223372036854775808", """
            1:1: integer literal 9223372036854775808 is out of range for int
            9223372036854775808
            ^
            """),
        ("TeamMember{id: 'x'}", """
            1:11: message construction (Type{field: value}) is not supported
            TeamMember{id: 'x'}
                      ^
            """),
    ]

    @Test func rendersSyntaxErrors() {
        for (source, rendered) in Self.cases {
            #expect(PolicyFixture.compileError(source) == rendered, "\(source)")
        }
    }

    @Test func deepNestingIsACleanError() throws {
        let parentheses = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        let lists = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let negations = String(repeating: "-(", count: 300) + "1" + String(repeating: ")", count: 300)
        let chain = Array(repeating: "1", count: 400).joined(separator: " + ")
        for source in [parentheses, lists, negations, chain] {
            do {
                _ = try Program.compile(source, declarations: Declarations(symbols: SymbolTable()))
                Issue.record("compiled an expression nested 300 deep")
            } catch {
                #expect(error.code == "expr.limit")
                #expect(error.message == "expression nests more than 250 levels deep")
            }
        }
    }

    @Test func longLogicalChainsStayShallow() throws {
        // && and || chains are balanced, so a long chain is far from the depth limit.
        let source = Array(repeating: "true", count: 1000).joined(separator: " && ")
        let program = try Program.compile(source, declarations: Declarations(symbols: SymbolTable()))
        #expect(program.constantValue == nil || program.constantValue.map { "\($0)" } == "true")
        #expect(try program.evaluate(Bindings(Declarations(symbols: SymbolTable()))).get().description == "true")
    }

    @Test func overlongExpressionIsRejected() {
        let source = "'" + String(repeating: "a", count: 100_001) + "'"
        #expect(throws: ExpressionError.self) { try Program.compile(source, declarations: Declarations(symbols: SymbolTable())) }
    }
}
