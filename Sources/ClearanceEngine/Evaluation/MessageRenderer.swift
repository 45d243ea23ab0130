import ClearanceExpression
import ClearancePolicy

/// Fills a rule's message template; a part that cannot be evaluated shows its text and the error.
enum MessageRenderer {
    static func render(_ template: MessageTemplate, _ bindings: Bindings) -> String {
        var message = ""
        for part in template.parts {
            switch part {
            case .text(let text):
                message += text
            case .expression(let expression, let written):
                switch expression.program.evaluate(bindings) {
                case .success(let value): message += ValueAccess.text(of: value)
                case .failure(let error): message += "\(written) (error: \(error.message))"
                }
            }
        }
        return message
    }
}
