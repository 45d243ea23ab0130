import ClearanceEngine

/// How a checklist shows an outcome: a symbol, a CSS tone and a word for screen readers and print.
struct CheckMark {
    /// ✓ ✗ … ! ~ or –.
    let symbol: String
    /// The CSS class: `pass`, `fail`, `pending`, `error`, `waived` or `skip`.
    let tone: String
    /// The outcome in words.
    let label: String

    /// The mark of an outcome; `nil` (no finding at all) reads as not applicable.
    init(_ status: FindingStatus?) {
        switch status {
        case .pass: (symbol, tone, label) = ("✓", "pass", "met")
        case .fail: (symbol, tone, label) = ("✗", "fail", "not met")
        case .pending: (symbol, tone, label) = ("…", "pending", "not met yet (pending: blocks credentials)")
        case .error: (symbol, tone, label) = ("!", "error", "could not be evaluated")
        case .waived: (symbol, tone, label) = ("~", "waived", "waived")
        case .skip, nil: (symbol, tone, label) = ("–", "skip", "not applicable")
        }
    }
}
