import ClearanceCore

/// One account as an export listed it in a run: where (system, scope), which (the system's own id), in what
/// status, linked to whom, and from which export made when.
public struct AccountObservation: Sendable, Hashable {
    /// The system: aws, github, okta.
    public var system: String
    /// The account, organisation or tenant within the system, if any.
    public var scope: String?
    /// The system's own id of the account.
    public var nativeID: String
    /// active, suspended, deprovisioned or pending; in the change log also `absent` (its source no longer lists it).
    public var status: String
    /// The member it is linked to, if any.
    public var person: String?
    /// The export file that listed it.
    public var sourceFile: String?
    /// When that export was made: the time the status was observed.
    public var observedAt: Timestamp?

    /// Creates an observation.
    public init(system: String, scope: String?, nativeID: String, status: String, person: String?, sourceFile: String?, observedAt: Timestamp?) {
        self.system = system
        self.scope = scope
        self.nativeID = nativeID
        self.status = status
        self.person = person
        self.sourceFile = sourceFile
        self.observedAt = observedAt
    }

    /// The account's identity across runs: system, scope and native id.
    public var key: AccountKey { AccountKey(system: system, scope: scope ?? "", nativeID: nativeID) }
}

/// An account's identity across runs.
public struct AccountKey: Sendable, Hashable, Comparable {
    /// The system.
    public var system: String
    /// The scope, empty when none.
    public var scope: String
    /// The system's own id.
    public var nativeID: String

    /// Creates a key.
    public init(system: String, scope: String, nativeID: String) {
        self.system = system
        self.scope = scope
        self.nativeID = nativeID
    }

    public static func < (a: AccountKey, b: AccountKey) -> Bool { (a.system, a.scope, a.nativeID) < (b.system, b.scope, b.nativeID) }
}

/// A system (and scope) whose export a run read: every account of it the export does not list is absent from it.
public struct AccountSource: Sendable, Hashable {
    /// The system.
    public var system: String
    /// The scope; nil when the export covers every scope of the system it lists.
    public var scope: String?
    /// When the export was made.
    public var observedAt: Timestamp?
    /// The export file.
    public var file: String

    /// Creates a source.
    public init(system: String, scope: String?, observedAt: Timestamp?, file: String) {
        self.system = system
        self.scope = scope
        self.observedAt = observedAt
        self.file = file
    }

    /// Whether the export speaks for `key`'s system and scope.
    func covers(_ key: AccountKey) -> Bool { key.system == system && (scope == nil || scope == key.scope) }
}
