import ArgumentParser
import ClearanceCore
import ClearanceExpression
import ClearanceDocument
import Foundation

/// `clearance eval EXPR [--input FILE] [--var name=value]`: evaluates one expression, for policy authors.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one expression and print its value.",
        discussion: """
            The expression is CEL, as in policies. --input binds the first document of FILE to `doc`;
            each --var binds a name to a YAML value (`--var n=3`, `--var env=production`, `--var 'ids=[a, b]'`).
            `now` is the current time unless a --var sets it.
            """
    )

    /// The most UTF-8 bytes of a value printed (a value can hold one list many times over: cheap to
    /// build, endless to print); longer output is cut and ends in `…`.
    static let maximumOutputLength = 16 << 20

    @Argument(help: "The expression to evaluate.")
    var expression: String

    @Option(name: .long, help: "A YAML or JSON file whose first document is bound to `doc`.")
    var input: String?

    @Option(name: .customLong("var"), help: "A variable as name=value; the value is read as YAML.")
    var variables: [String] = []

    func run() throws {
        let symbols = SymbolTable()  // one for the expression and the documents it reads
        var declarations = Declarations(symbols: symbols)
        var values: [(slot: Int, value: Value)] = []
        let loader = YAMLLoader(symbols: symbols)
        do {
            if let input {
                guard let document = try loader.load(file: input).first else { throw ExitStatus.untrusted }
                values.append((declarations.declare("doc", as: .dyn), Value(document: document)))
            }
            var boundNow = false
            for assignment in variables {
                guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                    Terminal.standardError.write("error: --var takes name=value, got '\(assignment)'\n")
                    throw ExitStatus.untrusted
                }
                let name = String(assignment[..<equals])
                let text = String(assignment[assignment.index(after: equals)...])
                let document = try loader.load(text: text, name: "--var \(name)").first
                values.append((declarations.declare(name, as: .dyn), document.map { Value(document: $0) } ?? .null))
                boundNow = boundNow || name == "now"
            }
            if !boundNow {
                let seconds = Int64(Date().timeIntervalSince1970.rounded(.down))
                if let now = Timestamp(seconds: seconds) { values.append((declarations.declare("now", as: .timestamp), .timestamp(now))) }
            }
        } catch let diagnostic as Diagnostic {
            Terminal.standardError.write(diagnostic.rendered + "\n")
            throw ExitStatus.untrusted
        }

        let program: Program
        do {
            program = try Program.compile(expression, declarations: declarations)
        } catch {
            Terminal.standardError.write("expression:" + error.rendered + "\n")
            throw ExitStatus.untrusted
        }
        var bindings = Bindings(declarations)
        for (slot, value) in values { bindings[slot] = value }
        switch program.evaluate(bindings) {
        case .success(let value):
            print(value.description(maxLength: Self.maximumOutputLength))
        case .failure(let failure):
            let located = ExpressionError(code: "expr.evaluation", message: failure.message, offset: max(0, failure.offset), source: expression)
            Terminal.standardError.write("expression:" + located.rendered + "\n")
            throw ExitStatus.untrusted
        }
    }
}
