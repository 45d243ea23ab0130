import ClearanceCore
import ClearancePolicy

/// The waivers of a run, split into live and expired at the evaluation time.
struct WaiverBook: Sendable {
    private let live: [String: [Waiver]]
    let expired: [Waiver]

    init(_ waivers: [Waiver], now: Timestamp) {
        var live: [String: [Waiver]] = [:]
        var expired: [Waiver] = []
        for waiver in waivers {
            if waiver.isLive(at: now) { live[waiver.ruleID, default: []].append(waiver) } else { expired.append(waiver) }
        }
        self.live = live
        self.expired = expired
    }

    /// The live waiver covering a rule's findings about a subject (a specific waiver before `*`).
    func waiver(rule: String, subject: String) -> Waiver? {
        guard !live.isEmpty, let candidates = live[rule] else { return nil }  // most runs have no waiver: no rule id is hashed
        return candidates.first { $0.subject == subject } ?? candidates.first { $0.subject == "*" }
    }

    /// The finding each expired waiver yields.
    func expiredFindings() -> [Finding] {
        expired.map { waiver in
            Finding(rule: RuleInfo.expiredWaiver, status: .fail, subject: waiver.id, kind: .waiver, element: nil,
                    message: "waiver \(waiver.id) for \(waiver.ruleID) on \(waiver.subject) expired \(waiver.expiresText); it waives nothing",
                    location: waiver.expiresLocation, waiver: waiver)
        }
    }
}
