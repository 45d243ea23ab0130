import ClearanceCore
import ClearanceDocument

/// The `baton-grants` source format: the JSON `baton grants -o json` prints from a ConductorOne baton connector's sync
/// (`{"grants": [GrantOutput, …]}`, each with its `grant`, `entitlement`, `resource`, `resource_type` and `principal`, in
/// protobuf's JSON names), one Account per user principal that holds a grant.
///
/// A principal is a user when its `annotations` hold a `c1.connector.v2.UserTrait`; grants to other principals (groups,
/// roles) are left out. The native id is the principal's `id.resource`. The resource's `status` (RESOURCE_STATUS_…), or
/// else the trait's deprecated `status` (STATUS_…), gives the status: ENABLED `active`, DISABLED `suspended`, DELETED
/// `deprovisioned`; unspecified or absent is `active`, as baton's own CSV export reads it. `accountType` SERVICE or SYSTEM
/// is not interactive. `mfaStatus` present gives `mfa.enabled` (protobuf's JSON leaves a false `mfaEnabled` out); absent,
/// MFA is not reported. `lastLogin` is the last use; without it use is not reported. The entry's `privileged:` names the
/// purposes, slugs or entitlement ids that make a grant's holder privileged. A user without grants is not in this output:
/// `baton-csv` lists every identity.
public struct BatonGrantsFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `baton-grants`.
    public var name: String { "baton-grants" }
    /// What the export is.
    public var summary: String { "the grants of a ConductorOne baton connector's sync: the JSON of `baton grants -o json`" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `baton`; an entry names the connector's system with `system:`.
    public var defaultSystem: String { "baton" }
    /// baton reads many systems: the entry names which.
    public var needsSystem: Bool { true }
    /// Which grants make an account privileged.
    public var options: [(key: String, summary: String)] { [("privileged", BatonPrivilege.summary)] }

    /// Problems with the entry's `system` and `privileged`.
    public func problems(_ declaration: SourceDeclaration) -> [Diagnostic] { BatonPrivilege.problems(declaration, purposesKnown: true) }

    /// The `@type` of a user trait annotation ends so.
    static let userTrait = "c1.connector.v2.UserTrait"
    /// The resource statuses and the account status each means; an absent status is `active`.
    static let resourceStatuses = ["RESOURCE_STATUS_ENABLED": "active", "RESOURCE_STATUS_DISABLED": "suspended",
                                   "RESOURCE_STATUS_DELETED": "deprovisioned", "RESOURCE_STATUS_UNSPECIFIED": "active"]
    /// The user trait's statuses and the account status each means.
    static let traitStatuses = ["STATUS_ENABLED": "active", "STATUS_DISABLED": "suspended", "STATUS_DELETED": "deprovisioned", "STATUS_UNSPECIFIED": "active"]
    /// The account types, and whether a person signs in with each.
    static let accountTypes = ["ACCOUNT_TYPE_HUMAN": true, "ACCOUNT_TYPE_SERVICE": false, "ACCOUNT_TYPE_SYSTEM": false, "ACCOUNT_TYPE_UNSPECIFIED": true]
    /// The fields every grant has that the format reads.
    static let requiredFields = ["grant", "entitlement", "principal"]

    private static let expected = "the JSON of `baton grants -o json`: {\"grants\": [{\"grant\": …, \"entitlement\": …, \"principal\": …}, …]}"

    /// Every user principal holding a grant, as an Account.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let problems = problems(export.declaration)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        var list = try JSONExport(export.file, limits: export.limits, noun: "grant", what: Self.expected)
        let grants = list.records(expected: Self.expected, wrapper: "grants")
        try list.refuseOtherFormat(grants, format: name, required: Self.requiredFields, what: "grant list")
        let privilege = BatonPrivilege(export.declaration)
        var records: [ObservedRecord] = [], index: [String: Int] = [:], privileged: [Int: Int] = [:]
        for (offset, grant) in grants.enumerated() where grant.kind == .mapping {
            let position = offset + 1
            guard let principal = Self.userPrincipal(grant, position: position, in: &list) else { continue }
            let entitlement = Self.entitlement(grant, position: position, in: &list)
            let id = list.string("id.resource", of: principal, position: position, required: true)
            guard let nativeID = id.text, let idNode = id.node else { continue }
            let known = index[nativeID]
            let slot: Int
            if let known {
                slot = known
            } else {
                guard let record = Self.record(principal, id: (nativeID, idNode), privilege: privilege, position: position, in: &list) else { continue }
                slot = records.count
                index[nativeID] = slot
                records.append(record)
            }
            if let entitlement, privileged[slot] == nil, privilege?.marks(entitlement: entitlement.id, purpose: entitlement.purpose, slug: entitlement.slug) == true {
                privileged[slot] = entitlement.offset
            }
        }
        guard list.problems.isEmpty else { throw Diagnostics(list.firstProblems) }
        for (slot, at) in privileged {
            guard let field = records[slot].fields.firstIndex(where: { $0.name == "privileged" }) else { continue }
            records[slot].fields[field] = ObservedField("privileged", .bool(true, at: at))
        }
        return records
    }

    /// The grant's principal when it is a user (its annotations hold a user trait), else nil.
    private static func userPrincipal(_ grant: Node, position: Int, in list: inout JSONExport) -> Node? {
        guard let principal = list.node("principal", of: grant) else {
            list.problem(grant, "grant \(position) has no `principal`")
            return nil
        }
        guard principal.kind == .mapping else {
            list.problem(principal, "`principal` is \(JSONExport.describe(principal)); expected an object")
            return nil
        }
        return trait(of: principal, in: &list) == nil ? nil : principal
    }

    /// The user trait among a principal's annotations.
    private static func trait(of principal: Node, in list: inout JSONExport) -> Node? {
        guard let annotations = list.node("annotations", of: principal), !annotations.isNull else { return nil }
        guard annotations.kind == .sequence else {
            list.problem(annotations, "`annotations` is \(JSONExport.describe(annotations)); expected an array")
            return nil
        }
        return annotations.elements.first { $0.kind == .mapping && ($0["@type"]?.string?.hasSuffix(userTrait) ?? false) }
    }

    /// The entitlement a grant is on: its id, purpose and slug, located at the entitlement.
    private static func entitlement(_ grant: Node, position: Int, in list: inout JSONExport) -> (id: String, purpose: String?, slug: String?, offset: Int)? {
        let id = list.string("entitlement.id", of: grant, position: position, required: true)
        let purpose = list.string("entitlement.purpose", of: grant, position: position)
        let slug = list.string("entitlement.slug", of: grant, position: position)
        if let text = purpose.text, let node = purpose.node, !BatonPrivilege.purposes.values.contains(text), text != "PURPOSE_VALUE_UNSPECIFIED" {
            list.problem(node, code: "source.value", "unknown entitlement purpose \(text.quotedExcerpt); expected one of "
                         + (BatonPrivilege.purposes.values.sorted() + ["PURPOSE_VALUE_UNSPECIFIED"]).joined(separator: ", "))
            return nil
        }
        guard let text = id.text, let node = id.node else { return nil }
        return (text, purpose.text, slug.text, JSONExport.offset(node))
    }

    /// The Account of a user principal, at its first grant; nil (with problems) when a field is wrong.
    private static func record(_ principal: Node, id: (text: String, node: Node), privilege: BatonPrivilege?, position: Int,
                               in list: inout JSONExport) -> ObservedRecord? {
        let before = list.problems.count
        guard let trait = trait(of: principal, in: &list) else { return nil }
        let resourceStatus = list.string("status.status", of: principal, position: position)
        let traitStatus = list.string("status.status", of: trait, position: position)
        let status = resourceStatus.text != nil ? list.lookup(resourceStatus, in: resourceStatuses, naming: "baton resource status")
            : list.lookup(traitStatus, in: traitStatuses, naming: "baton user status")
        let type = list.string("accountType", of: trait, position: position)
        let interactive = list.lookup(type, in: accountTypes, naming: "baton account type")
        let login = list.string("login", of: trait, position: position)
        let name = list.string("displayName", of: principal, position: position)
        let mfaStatus = list.node("mfaStatus", of: trait)
        let mfaEnabled = list.bool("mfaStatus.mfaEnabled", of: trait, position: position)
        let lastLogin = list.time("lastLogin", of: trait)
        let created = list.time("createdAt", of: principal)
        let createdByTrait = list.time("createdAt", of: trait)
        let email = primaryEmail(of: trait, position: position, in: &list)
        guard list.problems.count == before else { return nil }
        let at = JSONExport.offset(principal), idAt = JSONExport.offset(id.node)
        func offset(_ node: Node?) -> Int { node.map(JSONExport.offset) ?? at }
        let statusNode = resourceStatus.node ?? traitStatus.node
        let mfaAt = offset(mfaEnabled.node ?? mfaStatus)
        let mfaKnown = mfaStatus.map { !$0.isNull } ?? false
        return ObservedRecord(nativeID: id.text, position: position, offset: at, fields: [
            ObservedField("native_id", .string(id.text, at: idAt)),
            ObservedField("login", .string(login.text ?? email.text, at: offset(login.node ?? email.node))),
            ObservedField("email", .string(email.text, at: offset(email.node))),
            ObservedField("display_name", .string(name.text.flatMap { $0.isEmpty ? nil : $0 }, at: offset(name.node))),
            ObservedField("status", .string(status ?? "active", at: offset(statusNode))),
            ObservedField("interactive", .bool(interactive ?? true, at: offset(type.node))),
            ObservedField("privileged", privilege == nil ? .null(at: at) : .bool(false, at: at)),
            ObservedField("root", .bool(false, at: at)),
            ObservedField("guest", .bool(false, at: at)),
            ObservedField("mfa", .mapping([
                ObservedField("enabled", mfaKnown ? .bool(mfaEnabled.flag ?? false, at: mfaAt) : .null(at: at)),
                ObservedField("methods", .list([], at: at)), ObservedField("phishing_resistant", .null(at: at)),
            ], at: mfaAt)),
            ObservedField("created", .time(created.time ?? createdByTrait.time, at: offset(created.node ?? createdByTrait.node))),
            ObservedField("last_seen", .time(lastLogin.time, at: offset(lastLogin.node))),
            ObservedField("never_seen", .bool(false, at: at)),
            ObservedField("credentials", .list([], at: at)),
        ])
    }

    /// The trait's primary email (the first when none is marked primary), with its node.
    private static func primaryEmail(of trait: Node, position: Int, in list: inout JSONExport) -> (text: String?, node: Node?) {
        guard let emails = list.node("emails", of: trait), !emails.isNull else { return (nil, nil) }
        guard emails.kind == .sequence else {
            list.problem(emails, "`emails` is \(JSONExport.describe(emails)); expected an array")
            return (nil, nil)
        }
        var first: (text: String?, node: Node?)?
        for email in emails.elements {
            guard email.kind == .mapping else {
                list.problem(email, "an email is \(JSONExport.describe(email)); expected an object")
                continue
            }
            let address = list.string("address", of: email, position: position, required: true)
            let primary = list.bool("isPrimary", of: email, position: position)
            if primary.flag == true { return address }
            if first == nil { first = address }
        }
        return first ?? (nil, nil)
    }
}
