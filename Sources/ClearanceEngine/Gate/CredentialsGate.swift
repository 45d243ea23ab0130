import ClearanceCore
import ClearancePolicy

/// One person's pre-credentials gate: its four states and each gate item's outcome, part of their ``Checklist``.
public struct CredentialsGate: Sendable {
    /// Where the gate stands.
    public enum State: String, Sendable {
        /// Every gate item is met (or waived).
        case cleared
        /// No credentials yet, and items are open: credentials must wait.
        case blocked
        /// Credentials were issued while a gate item was open.
        case breached
        /// The person has left (status offboarding or offboarded).
        case notApplicable = "not-applicable"

        /// The state as the checklist prints it: `CLEARED`, `BLOCKED`, `BREACHED`, `NOT APPLICABLE`.
        public var label: String {
            switch self {
            case .cleared: "CLEARED"
            case .blocked: "BLOCKED"
            case .breached: "BREACHED"
            case .notApplicable: "NOT APPLICABLE"
            }
        }

        /// Whether the state lets the person through (exit 0): cleared, or not applicable.
        public var isPassing: Bool { self == .cleared || self == .notApplicable }
    }

    /// The state.
    public let state: State
    /// The gate items, in rule load order.
    public let items: [ChecklistItem]
    /// The person's standing with credentials.
    public let credentials: CredentialState
    /// Why the gate is in its state: `all 7 items met`, `1 of 1 item met`, `2 of 7 items not met: PC-01 and PC-02`,
    /// `credentials issued 2026-07-06 15:00 UTC while PC-01 was open`, `offboarded: the person has left`.
    public let reason: String

    /// The gate of a person from its items (the pre-credentials rules of their ``Checklist``) and their standing
    /// with credentials; `nil` when there is no item.
    public init?(items: [ChecklistItem], credentials: CredentialState) {
        guard !items.isEmpty else { return nil }
        self.items = items
        self.credentials = credentials
        let open = items.filter(\.isOpen), met = items.filter(\.isMet).count, total = items.count
        let counted = total == 1 ? "1 item" : "\(total) items"
        if credentials.hasLeft {
            state = .notApplicable
            reason = "\(credentials.status ?? "left"): the person has left"
        } else if !open.isEmpty {
            let ids = Self.list(open.map(\.rule.id))
            if credentials.hasCredentials {
                state = .breached
                let issued = credentials.credentialsIssued.map(Self.readable) ?? "(date unreadable)"
                reason = "credentials issued \(issued) while \(ids) \(open.count == 1 ? "was" : "were") open"
            } else {
                state = .blocked
                reason = "\(open.count) of \(counted) not met: \(ids)"
            }
        } else if met == 0 {
            state = .blocked
            reason = (total == 1 ? "the 1 item does not apply" : "none of the \(total) items applies")
                + " to status \(credentials.status ?? "null"), so none is met"
        } else {
            state = .cleared
            reason = met == total && total > 1 ? "all \(total) items met"
                : "\(met) of \(counted) met" + (met < total ? ", \(total - met) not applicable" : "")
        }
    }

    /// `CLEARED (all 7 items met)`.
    public var verdict: String { state.label + " (" + reason + ")" }

    /// `PC-01`, `PC-01 and PC-02`, `CON-01, PC-01 and PC-02`.
    static func list(_ ids: [String]) -> String {
        ids.count <= 1 ? ids.joined() : ids.dropLast().joined(separator: ", ") + " and " + (ids.last ?? "")
    }

    /// `2026-07-06 15:00 UTC`, or `2026-07-06` for midnight (a date without a time).
    static func readable(_ time: Timestamp) -> String {
        let civil = CivilTime(seconds: time.seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(civil.year)-\(two(civil.month))-\(two(civil.day))"
        if civil.hour == 0 && civil.minute == 0 && civil.second == 0 { return date }
        return date + " \(two(civil.hour)):\(two(civil.minute))" + (civil.second == 0 ? "" : ":\(two(civil.second))") + " UTC"
    }
}
