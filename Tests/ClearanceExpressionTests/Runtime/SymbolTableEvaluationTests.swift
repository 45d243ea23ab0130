import ClearanceCore
import ClearanceExpression
import Foundation
import Testing
import ClearanceDocument

/// Programs read documents of any symbol table: at full speed those of the table they were
/// compiled with, by name any other, and keys the table never learnt (read without interning).
@Suite("Symbol tables in evaluation")
struct SymbolTableEvaluationTests {
    /// `doc` (any document) and `key` (a string given at evaluation) over `symbols`.
    struct Setup {
        var declarations: Declarations
        let doc: Int, key: Int

        init(_ symbols: SymbolTable) {
            declarations = Declarations(symbols: symbols)
            doc = declarations.declare("doc", as: .dyn)
            key = declarations.declare("key", as: .string)
        }

        func evaluate(_ program: Program, _ document: Document, key: String = "") -> String {
            var bindings = Bindings(declarations)
            bindings[doc] = Value(document: document)
            bindings[self.key] = .string(key)
            switch program.evaluate(bindings) {
            case .success(let value): return value.description
            case .failure(let error): return "error: " + error.message
            }
        }
    }

    @Test func documentsWithRandomKeysReadWithoutInterningEvaluateAndLeaveTheTableAlone() throws {
        let symbols = SymbolTable()
        let setup = Setup(symbols)
        let sources = [
            "doc.status == 'active'",
            "doc.identity.sso",
            "has(doc.identity.mfa)",
            "doc[key]",
            "key in doc",
            "has(doc.extra) ? doc.extra[key] : 0",
            "doc.exists(k, k == key)",
        ]
        let programs = try sources.map { try Program.compile($0, declarations: setup.declarations) }
        _ = try YAMLLoader(symbols: symbols).load(text: "status: active\nidentity: {sso: true}\n", name: "snapshot.yaml")
        let known = symbols.count
        let loader = YAMLLoader(symbols: symbols, keys: .lookUpOnly)
        for index in 0..<10_000 {
            let key = "k_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let active = index % 2 == 0
            let text = "\(key): \(index)\nstatus: \(active ? "active" : "gone")\nidentity: {sso: \(active), \(key): 1}\n"
                + (index % 3 == 0 ? "extra: {\(key): 7}\n" : "")
            let document = try #require(try loader.load(text: text, name: "request-\(index).yaml").first)
            let results = programs.map { setup.evaluate($0, document, key: key) }
            #expect(results == ["\(active)", "\(active)", "false", "\(index)", "true", index % 3 == 0 ? "7" : "0", "true"])
            #expect(setup.evaluate(programs[3], document, key: key + "x") == "error: no such key: \(key)x")
        }
        #expect(symbols.count == known)
    }

    @Test func aProgramOfOneTableReadsDocumentsOfAnother() throws {
        let compiledWith = SymbolTable()
        let setup = Setup(compiledWith)
        let text = """
            status: active
            identity: {sso: true, mfa: [totp, webauthn]}
            access:
              - {system: github, environment: production, ticket: SEC-1}
              - {system: aws, environment: staging}
            checks: {background: {status: passed}}

            """
        let cases = [
            "doc.status": "\"active\"",
            "doc.identity.mfa": "[\"totp\", \"webauthn\"]",
            "doc.access.all(g, g.environment != 'production' || has(g.ticket))": "true",
            "doc.access.map(g, has(g.ticket))": "[true, false]",
            "doc.checks.background.status == 'passed'": "true",
            "has(doc.offboarding)": "false",
            "doc[key]": "\"active\"",
            "'identity' in doc": "true",
            "doc.access[1].ticket": "error: no such key: ticket",
            "doc.missing.field": "error: no such key: missing",
        ]
        let own = try #require(try YAMLLoader(symbols: compiledWith).load(text: text, name: "own.yaml").first)
        let otherTable = SymbolTable()
        _ = otherTable.intern("unrelated")  // so that no key has the same number in both tables
        let other = try #require(try YAMLLoader(symbols: otherTable).load(text: text, name: "other.yaml").first)
        let request = try #require(try YAMLLoader(symbols: compiledWith, keys: .lookUpOnly).load(text: text, name: "request.yaml").first)
        for (source, expected) in cases {
            let program = try Program.compile(source, declarations: setup.declarations)
            #expect(setup.evaluate(program, own, key: "status") == expected, "\(source)")
            #expect(setup.evaluate(program, other, key: "status") == expected, "\(source) over another table")
            #expect(setup.evaluate(program, request, key: "status") == expected, "\(source) read without interning")
        }
    }

    @Test func aKeyReadBeforeTheProgramNamedItIsFound() throws {
        let symbols = SymbolTable()
        let document = try #require(try YAMLLoader(symbols: symbols, keys: .lookUpOnly).load(text: "late: {inner: 3}\n", name: "r.yaml").first)
        #expect(document.hasPlainKeys)
        let setup = Setup(symbols)
        let program = try Program.compile("has(doc.late) && doc.late.inner == 3", declarations: setup.declarations)
        #expect(setup.evaluate(program, document) == "true")
    }
}
