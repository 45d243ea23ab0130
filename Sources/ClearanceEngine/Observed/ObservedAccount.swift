import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// One account a source observed and linked to a person, as a checklist shows it: where, under what name, in what
/// state, with what MFA, last seen when.
public struct ObservedAccount: Sendable, Equatable {
    /// The Account document's id: `<system>:<scope>:<native id>`.
    public let id: String
    /// The system: aws, github, okta.
    public let system: String
    /// The account, organisation or tenant within the system.
    public let scope: String?
    /// The system's own id of the account.
    public let nativeID: String
    /// The name it signs in with, when the source gives one.
    public let login: String?
    /// active, suspended, deprovisioned or pending.
    public let status: String
    /// Whether MFA is on: `nil` when the source does not report it.
    public let mfaEnabled: Bool?
    /// The active factors' types.
    public let mfaMethods: [String]
    /// Whether it holds an administrator role; `nil` when the source does not say.
    public let privileged: Bool?
    /// When it was last used; `nil` when never or not reported (see ``neverSeen``).
    public let lastSeen: Timestamp?
    /// Whether the source says it was never used.
    public let neverSeen: Bool
    /// Where its record is in the export.
    public let location: SourceLocation

    /// Creates an account from its parts.
    public init(id: String, system: String, scope: String?, nativeID: String, login: String?, status: String, mfaEnabled: Bool?,
                mfaMethods: [String], privileged: Bool? = nil, lastSeen: Timestamp?, neverSeen: Bool, location: SourceLocation) {
        self.id = id
        self.system = system
        self.scope = scope
        self.nativeID = nativeID
        self.login = login
        self.status = status
        self.mfaEnabled = mfaEnabled
        self.mfaMethods = mfaMethods
        self.privileged = privileged
        self.lastSeen = lastSeen
        self.neverSeen = neverSeen
        self.location = location
    }

    /// Reads an Account document.
    public init(_ document: InputDocument) {
        let root = document.root
        self.init(id: document.id, system: root["system"]?.string ?? "", scope: root["scope"]?.string, nativeID: root["native_id"]?.string ?? document.id,
                  login: root["login"]?.string, status: root["status"]?.string ?? "", mfaEnabled: root["mfa"]?["enabled"]?.bool,
                  mfaMethods: root["mfa"]?["methods"]?.elements.compactMap(\.string) ?? [], privileged: root["privileged"]?.bool,
                  lastSeen: root["last_seen"]?.timestamp, neverSeen: root["never_seen"]?.bool ?? false, location: root.location)
    }

    /// The name shown for it: the login, else the native id (with the native id beside a login that differs).
    public var name: String {
        guard let login, login != nativeID else { return nativeID }
        return "\(login) (\(nativeID))"
    }

    /// MFA in words: `on (webauthn, totp)`, `off`, or `not reported`.
    public var mfaText: String {
        switch mfaEnabled {
        case true?: "on" + (mfaMethods.isEmpty ? "" : " (" + mfaMethods.joined(separator: ", ") + ")")
        case false?: "off"
        case nil: "not reported"
        }
    }

    /// The last use in words: a date and time, `never`, or `not reported`.
    public var lastSeenText: String {
        lastSeen?.rfc3339 ?? (neverSeen ? "never" : "not reported")
    }

    /// Accounts in the order checklists list them: by system, scope, then name.
    public static func ordered(_ accounts: [ObservedAccount]) -> [ObservedAccount] {
        accounts.sorted { ($0.system, $0.scope ?? "", $0.name) < ($1.system, $1.scope ?? "", $1.name) }
    }
}
