import ClearanceDocument
import ClearanceCore
import ClearanceExpression
import Foundation
import ClearanceTestSupport

/// One conformance test: an expression, its variables, and what it must evaluate to.
struct ConformanceVector: Sendable {
    /// What evaluation must produce.
    enum Expectation: Sendable {
        case value(Value)
        case error
        /// The vector could not be read; it counts as a failure with this reason.
        case malformed(String)
    }

    let file: String
    let section: String
    let name: String
    let expression: String
    let types: [String: String]
    let bindings: [String: Value]
    let checked: Bool
    let expectation: Expectation

    /// `file/section/name`, as the skip list names vectors.
    var key: String { "\(file)/\(section)/\(name)" }

    /// Reads every vector of one `<file>.json`.
    static func load(_ url: URL) throws -> [ConformanceVector] {
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
        let file = url.deletingPathExtension().lastPathComponent
        return (document["tests"]?.array ?? []).map { test in
            let expect = test["expect"] ?? .null
            var expectation: Expectation
            var bindings: [String: Value] = [:]
            do {
                expectation = expect["error"] != nil || expect["any_error"] != nil ? .error : .value(try TypedValue.decode(expect))
                for (name, value) in test["bindings"]?.object ?? [:] { bindings[name] = try TypedValue.decode(value) }
            } catch {
                expectation = .malformed("\(error)")
            }
            var types: [String: String] = [:]
            for (name, type) in test["types"]?.object ?? [:] { types[name] = type.string }
            var checked = true
            if case .bool(true)? = test["disable_check"] { checked = false }
            return ConformanceVector(file: file, section: test["section"]?.string ?? "", name: test["name"]?.string ?? "",
                                     expression: test["expr"]?.string ?? "", types: types, bindings: bindings,
                                     checked: checked, expectation: expectation)
        }
    }

    /// Compiles and evaluates the vector; returns why it failed, or `nil` when it passed.
    func run() -> String? {
        if case .malformed(let reason) = expectation { return "malformed vector: \(reason)" }
        var declarations = Declarations(symbols: SymbolTable())
        for name in Set(types.keys).union(bindings.keys).sorted() {
            declarations.declare(name, as: types[name].flatMap(ExpressionType.init(parsing:)) ?? .dyn)
        }
        var options = CompileOptions()
        options.checksTypes = checked
        let program: Program
        do {
            program = try Program.compile(expression, declarations: declarations, options: options)
        } catch {
            if case .error = expectation { return nil }
            return "compile error: \(error.description)"
        }
        var bindingValues = Bindings(declarations)
        for (name, value) in bindings {
            if let slot = declarations.slot(of: name) { bindingValues[slot] = value }
        }
        let result = program.evaluate(bindingValues)
        switch (expectation, result) {
        case (.malformed(let reason), _): return "malformed vector: \(reason)"
        case (.error, .failure): return nil
        case (.error, .success(let value)): return "expected an error, got \(value)"
        case (.value(let expected), .failure(let error)): return "expected \(expected), got error: \(error.message)"
        case (.value(let expected), .success(let value)):
            return TypedValue.same(expected, value) ? nil : "expected \(expected) (\(expected.runtimeType)), got \(value) (\(value.runtimeType))"
        }
    }
}
