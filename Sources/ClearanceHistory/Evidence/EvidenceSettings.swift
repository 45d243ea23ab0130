import ClearanceCore
import ClearanceDocument
import ClearanceExpression
import ClearancePolicy

/// The packs' params the evidence package judges by: the offboarding pack's revocation window and the access-review
/// pack's cadences, each with where its value came from.
public struct EvidenceSettings: Sendable, Equatable {
    /// How long after exit access may stay: a duration (`24h`), `same-day` or `next-business-day`.
    public var revocationWindow: String
    /// The time zone whose days `same-day` and `next-business-day` count.
    public var timezone: String
    /// The dates that are not business days.
    public var holidays: [String]
    /// Where the window came from: `offboarding pack default`, `set at clearance.yaml:31:5`, or no offboarding pack loaded.
    public var windowOrigin: String
    /// The review cadence of an ordinary grant, as written (`90d`).
    public var reviewCadence: String
    /// The review cadence of a production or privileged grant (`30d`).
    public var privilegedReviewCadence: String
    /// Where the cadences came from.
    public var cadenceOrigin: String
    /// The privileged roles of each system.
    public var privilegedRoles: [String: [String]]

    /// The values used when no pack is loaded: 24 hours in UTC, reviews every 90 days (30 for production or privileged grants).
    public static let standard = EvidenceSettings(
        revocationWindow: "24h", timezone: "UTC", holidays: [], windowOrigin: "no offboarding pack loaded: 24h",
        reviewCadence: "90d", privilegedReviewCadence: "30d", cadenceOrigin: "no access-reviews pack loaded: 90d and 30d", privilegedRoles: [:])

    /// Creates settings from their parts.
    public init(revocationWindow: String, timezone: String, holidays: [String], windowOrigin: String, reviewCadence: String,
                privilegedReviewCadence: String, cadenceOrigin: String, privilegedRoles: [String: [String]]) {
        self.revocationWindow = revocationWindow
        self.timezone = timezone
        self.holidays = holidays
        self.windowOrigin = windowOrigin
        self.reviewCadence = reviewCadence
        self.privilegedReviewCadence = privilegedReviewCadence
        self.cadenceOrigin = cadenceOrigin
        self.privilegedRoles = privilegedRoles
    }

    /// The settings in effect in `policies`: the `offboarding` and `access-reviews` packs' params, else ``standard``'s.
    public init(policies: PolicySet) {
        self = .standard
        if let offboarding = policies.policy("offboarding") {
            let settings = Dictionary(offboarding.settings.map { ($0.parameter.name, $0) }, uniquingKeysWith: { first, _ in first })
            if let window = settings["revocation_window"], let text = window.value.string {
                revocationWindow = text
                windowOrigin = window.setAt.map { "set at \($0.description)" } ?? "offboarding pack default"
            }
            if let zone = settings["timezone"]?.value.string { timezone = zone }
            if let days = settings["holidays"]?.value { holidays = days.elements.compactMap(Self.dayText) }
        }
        if let reviews = policies.policy("access-reviews") {
            let settings = Dictionary(reviews.settings.map { ($0.parameter.name, $0) }, uniquingKeysWith: { first, _ in first })
            var origins: [String] = []
            for (name, keyPath) in [("review_cadence", \EvidenceSettings.reviewCadence), ("privileged_review_cadence", \EvidenceSettings.privilegedReviewCadence)] {
                guard let setting = settings[name], let text = setting.value.string, DurationValue.parse(text) != nil else { continue }
                self[keyPath: keyPath] = text
                origins.append("\(name) \(text): " + (setting.setAt.map { "set at \($0.description)" } ?? "access-reviews pack default"))
            }
            if !origins.isEmpty { cadenceOrigin = origins.joined(separator: "; ") }
            if let roles = settings["privileged_roles"]?.value {
                var map: [String: [String]] = [:]
                for entry in roles.entries { if let system = entry.key.string { map[system] = entry.value.elements.compactMap(\.string) } }
                privilegedRoles = map
            }
        }
    }

    /// A holiday as `YYYY-MM-DD`.
    static func dayText(_ node: Node) -> String? {
        if let text = node.string { return text }
        return node.timestamp.map { String($0.rfc3339.prefix(10)) }
    }

    /// The instant the revocation window opened at `exit` closes; nil when the window or zone cannot be used.
    public func deadline(after exit: Timestamp) -> Timestamp? {
        if case .success(let time) = WindowDeadline.close(after: exit, window: revocationWindow, zone: timezone, holidays: holidays) { return time }
        return nil
    }

    /// Whether a grant is reviewed on the privileged cadence: production, or a privileged role of its system.
    public func isPrivileged(_ grant: EvidenceGrant) -> Bool {
        grant.environment == "production" || privilegedRoles[grant.system]?.contains(grant.role) == true
    }

    /// The cadence (as written) a grant is reviewed on.
    public func cadence(of grant: EvidenceGrant) -> String { isPrivileged(grant) ? privilegedReviewCadence : reviewCadence }

    /// A cadence's length in seconds (at least one second).
    static func seconds(_ cadence: String) -> Int64 { max(1, (DurationValue.parse(cadence)?.nanoseconds ?? 0) / 1_000_000_000) }
}
