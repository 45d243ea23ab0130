import ClearancePolicy

/// A SARIF result level: `critical` and `high` are errors, `medium` a warning, `low` and `info` notes.
enum SARIFLevel: String, Encodable {
    case error, warning, note

    /// The level of a rule's severity.
    init(_ severity: Severity) {
        switch severity {
        case .critical, .high: self = .error
        case .medium: self = .warning
        case .low, .info: self = .note
        }
    }
}
