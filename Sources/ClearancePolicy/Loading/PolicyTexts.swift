import ClearanceCore
import ClearanceDocument
import ClearanceExpression

/// Fills the `{{ params.NAME }}` placeholders of a pack's titles, descriptions and remediation once, when
/// the pack loads: those texts describe the rule, not a document, so they may read only `params`.
struct PolicyTexts {
    private let declarations: Declarations
    private let compiler = ExpressionCompiler()

    init(paramsType: ExpressionType, paramsValue: Value, symbols: SymbolTable) {
        var declarations = Declarations(symbols: symbols)
        declarations.declare("params", as: paramsType, constant: paramsValue)
        self.declarations = declarations
    }

    /// `text` with each placeholder replaced by its value; a problem (at its place in `node`) for each that
    /// does not compile or reads more than params.
    func render(_ text: String, in node: Node?, problems: inout [Diagnostic]) -> String {
        guard text.utf8.count > 1, text.contains("{{"), let node else { return text }
        switch TemplateScanner.scan(text) {
        case .failure(let unclosed):
            problems.append(ExpressionCompiler.diagnostic(code: "policy.template", message: "`{{` is never closed by `}}`", in: node, at: unclosed.offset))
            return text
        case .success(let pieces):
            var rendered = ""
            for piece in pieces {
                switch piece {
                case .text(let part): rendered += part
                case .placeholder(let placeholder):
                    switch compiler.compile(placeholder.expression, in: node, at: placeholder.offset, declarations: declarations) {
                    case .success(let compiled):
                        guard let value = compiled.program.constantValue else {
                            problems.append(ExpressionCompiler.diagnostic(code: "policy.template", message: "`\(placeholder.written)` must read only params here",
                                                                          in: node, at: placeholder.offset))
                            continue
                        }
                        if case .string(let string) = value { rendered += string } else { rendered += value.description(maxLength: 1_000) }
                    case .failure(var problem):
                        problem.message += " (a title, description or remediation may read only params)"
                        problems.append(problem)
                    }
                }
            }
            return rendered
        }
    }
}
