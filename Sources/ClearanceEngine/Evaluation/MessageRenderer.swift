import ClearanceExpression
import ClearancePolicy

/// Fills a rule's message template, written into a finding's text arena; a part that cannot be evaluated shows its text and the error.
/// A timestamp the document wrote as a date alone prints as that date (`2026-05-12`).
enum MessageRenderer {
    static func render(_ pieces: Unmanaged<MessagePieces>, _ bindings: Bindings, into arena: TextArena) -> KeptText {
        pieces._withUnsafeGuaranteedRef { pieces in
            arena.startText()
            arena.append(pieces.texts[0])
            for index in pieces.unretainedPrograms.indices {
                switch pieces.unretainedPrograms[index]._withUnsafeGuaranteedRef({ $0.evaluateForDisplay(bindings) }) {
                case .success(let shown): arena.append(ValueAccess.text(of: shown.value, asDate: shown.isDate))
                case .failure(let error): arena.append("\(pieces.written[index]) (error: \(error.message))")
                }
                arena.append(pieces.texts[index + 1])
            }
            return arena.finishText()
        }
    }
}
