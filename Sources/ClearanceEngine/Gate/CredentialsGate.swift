import ClearanceCore
import ClearancePolicy

/// One person's pre-credentials gate: its four states and each gate item's outcome. The `checklist`
/// command and the HTML report both show this one model.
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

    /// One gate rule and the person's outcome for it.
    public struct Item: Sendable {
        /// The gate rule.
        public let rule: Rule
        /// The rule's findings about the person.
        public let findings: [Finding]

        /// The outcome that decides the item: an error, then a fail, a pending, a waiver, a pass, a skip; `nil` without findings.
        public var status: FindingStatus? {
            FindingStatus.worst(among: findings.map(\.status))
        }

        /// Whether the item still blocks credentials: it failed, is pending or could not be evaluated.
        public var isOpen: Bool { status == .error || status == .fail || status == .pending }

        /// Whether the item is met: it passed or is waived.
        public var isMet: Bool { status == .pass || status == .waived }
    }

    /// The state.
    public let state: State
    /// The gate items, in rule load order.
    public let items: [Item]
    /// The person's standing with credentials.
    public let credentials: CredentialState
    /// Why the gate is in its state: `all 7 items met`, `2 of 7 items not met`,
    /// `credentials issued 2026-07-06 15:00 UTC while PC-01 was open`, `offboarded: the person has left`.
    public let reason: String

    /// The gate of a person from the loaded rules and the person's findings; `nil` when no rule belongs to the gate.
    public init?(rules: [Rule], findings: [Finding], credentials: CredentialState) {
        let gateRules = rules.filter { $0.isPreCredentials && $0.target == .teamMember }
        guard !gateRules.isEmpty else { return nil }
        var byRule: [String: [Finding]] = [:]
        for finding in findings where finding.kind == .teamMember { byRule[finding.rule.id, default: []].append(finding) }
        items = gateRules.map { Item(rule: $0, findings: byRule[$0.id] ?? []) }
        self.credentials = credentials
        let open = items.filter(\.isOpen), met = items.filter(\.isMet).count, total = items.count
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
                reason = "\(open.count) of \(total) items not met: \(ids)"
            }
        } else if met == 0 {
            state = .blocked
            reason = "none of the \(total) items applies to status \(credentials.status ?? "null"), so none is met"
        } else {
            state = .cleared
            reason = met == total ? "all \(total) items met" : "\(met) of \(total) items met, \(total - met) not applicable"
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
