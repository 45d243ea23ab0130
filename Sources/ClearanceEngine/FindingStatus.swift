/// The outcome of one (rule, document, element).
public enum FindingStatus: String, CaseIterable, Sendable, Codable {
    /// `require` held.
    case pass
    /// `require` was false.
    case fail
    /// An expression could not be evaluated; it counts as failing (fail-closed).
    case error
    /// A live waiver covers a fail or an error.
    case waived
    /// `when` was false.
    case skip

    /// Whether the outcome fails the run (at or above the severity threshold).
    public var isFailing: Bool { self == .fail || self == .error }
}
