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
    /// A pre-credentials gate item not yet met by someone still in the pipeline (a candidate or onboarding, with
    /// no credentials and no access):
    /// it blocks their credentials, it is not a violation, and it never fails a run.
    case pending

    /// Whether the outcome fails the run (at or above the severity threshold; an error at any).
    public var isFailing: Bool { self == .fail || self == .error }

    /// The outcomes from the one that needs attention most to the one that needs it least.
    public static let worstFirst: [FindingStatus] = [.error, .fail, .pending, .waived, .pass, .skip]

    /// The worst of some outcomes (see ``worstFirst``); `nil` when there are none.
    public static func worst(among statuses: some Sequence<FindingStatus>) -> FindingStatus? {
        var worst = worstFirst.count
        for status in statuses { worst = min(worst, worstFirst.firstIndex(of: status) ?? worst) }
        return worst < worstFirst.count ? worstFirst[worst] : nil
    }
}
