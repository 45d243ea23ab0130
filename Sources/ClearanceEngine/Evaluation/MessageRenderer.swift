import ClearanceExpression
import ClearancePolicy

/// Fills a rule's message template; a part that cannot be evaluated shows its text and the error.
/// A timestamp the document wrote as a date alone prints as that date (`2026-05-12`).
enum MessageRenderer {
    static func render(_ template: MessageTemplate, _ bindings: Bindings) -> String {
        var message = ""
        for part in template.parts {
            switch part {
            case .text(let text):
                message += text
            case .expression(let program, let written):
                switch program.evaluateForDisplay(bindings) {
                case .success(let shown): message += ValueAccess.text(of: shown.value, asDate: shown.isDate)
                case .failure(let error): message += "\(written) (error: \(error.message))"
                }
            }
        }
        return message
    }
}
