import ClearanceCore
import ClearanceDocument

/// The `okta-users` source format: the users of an Okta org as `GET /api/v1/users` lists them (with the DEPROVISIONED
/// ones, which a plain list leaves out), and optionally each user's factors (`GET /api/v1/users/{id}/factors`).
/// Each user becomes an Account whose native id is the Okta user id.
///
/// Statuses: ACTIVE, RECOVERY, PASSWORD_EXPIRED and LOCKED_OUT are `active` (the user exists and can still hold sessions:
/// a locked-out user is unlocked by a reset or a timer, not by an administrator's decision to remove access), SUSPENDED is
/// `suspended`, DEPROVISIONED `deprovisioned`, STAGED and PROVISIONED `pending`; any other status is an error.
/// A user without `lastLogin` (or with null) has never signed in. Only ACTIVE factors count; `email` and `question` are
/// not a second factor; WebAuthn, U2F and Okta FastPass (`signed_nonce`) resist phishing.
public struct OktaUsersFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `okta-users`.
    public var name: String { "okta-users" }
    /// What the export is.
    public var summary: String { "the users of an Okta org: the JSON of GET /api/v1/users, DEPROVISIONED ones included" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `okta`.
    public var defaultSystem: String { "okta" }
    /// The users' factors.
    public var extraFiles: [(key: String, summary: String)] {
        [("factors", "each user's factors: a JSON object of user id to the array GET /api/v1/users/{id}/factors returns")]
    }

    /// Okta's user statuses and the account status each means.
    static let statuses: [String: String] = [
        "ACTIVE": "active", "RECOVERY": "active", "PASSWORD_EXPIRED": "active", "LOCKED_OUT": "active",
        "SUSPENDED": "suspended", "DEPROVISIONED": "deprovisioned", "STAGED": "pending", "PROVISIONED": "pending",
    ]
    /// Factor types that are not a second factor.
    static let notMFA: Set<String> = ["email", "question"]
    /// Factor types that resist phishing.
    static let phishingResistant: Set<String> = ["webauthn", "u2f", "signed_nonce"]

    private static let expected = "a JSON array of users (GET /api/v1/users), or an array of such pages"

    /// Every user, as an Account.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        var users = try JSONExport(export.file, limits: export.limits, noun: "user", what: Self.expected)
        let nodes = users.records(expected: Self.expected)
        try users.refuseOtherFormat(nodes, format: name, required: ["id", "status", "profile"], what: "users list")
        var (records, idNodes) = users.uniqueRecords(nodes, named: "the user id") { node, position, users in
            record(node, position: position, in: &users)
        }
        guard users.problems.isEmpty else { throw Diagnostics(users.problems) }
        if let file = export.extras["factors"] {
            let methods = try activeFactors(in: file, export: export, users: idNodes)
            for index in records.indices {
                let id = records[index].nativeID
                guard let at = idNodes[id].map(JSONExport.offset), let mfa = records[index].fields.firstIndex(where: { $0.name == "mfa" }) else { continue }
                records[index].fields[mfa] = ObservedField("mfa", Self.mfa(methods[id] ?? [], at: at))
            }
        }
        return records
    }

    /// The Account of one user and its `id` node, or nil (with problems) when a required field is missing or wrong.
    private func record(_ node: Node, position: Int, in users: inout JSONExport) -> (ObservedRecord, Node)? {
        let before = users.problems.count
        let id = users.string("id", of: node, position: position, required: true)
        let status = users.string("status", of: node, position: position, required: true)
        let login = users.string("profile.login", of: node, position: position, required: true)
        let email = users.string("profile.email", of: node, position: position)
        let first = users.string("profile.firstName", of: node, position: position)
        let last = users.string("profile.lastName", of: node, position: position)
        let created = users.time("created", of: node)
        let lastLogin = users.time("lastLogin", of: node)
        let passwordChanged = users.time("passwordChanged", of: node)
        let password = users.node("credentials.password", of: node)
        let state = users.lookup(status, in: Self.statuses, naming: "Okta status")
        guard users.problems.count == before, let nativeID = id.text, let idNode = id.node, let state, let statusNode = status.node,
              let loginNode = login.node else { return nil }
        let at = JSONExport.offset(node)
        func offset(_ node: Node?) -> Int { node.map(JSONExport.offset) ?? at }
        let name = [first.text, last.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        var credentials: [ObservedValue] = []
        if let password, !password.isNull {
            let passwordAt = JSONExport.offset(password)
            credentials.append(.mapping([
                ObservedField("kind", .string("password", at: passwordAt)), ObservedField("slot", .int(1, at: passwordAt)),
                ObservedField("active", .bool(state == "active", at: passwordAt)),  // usable while the account is
                ObservedField("last_rotated", .time(passwordChanged.time, at: offset(passwordChanged.node))),
                ObservedField("last_used", .null(at: passwordAt)),
            ], at: passwordAt))
        }
        let fields = [
            ObservedField("native_id", .string(nativeID, at: offset(idNode))),
            ObservedField("login", .string(login.text, at: offset(loginNode))),
            ObservedField("email", .string(email.text, at: offset(email.node))),
            ObservedField("display_name", .string(name.isEmpty ? nil : name, at: offset(first.node ?? last.node))),
            ObservedField("status", .string(state, at: offset(statusNode))),
            ObservedField("interactive", .bool(true, at: at)),
            ObservedField("privileged", .null(at: at)),
            ObservedField("root", .bool(false, at: at)),
            ObservedField("guest", .bool(false, at: at)),
            ObservedField("mfa", .mapping([
                ObservedField("enabled", .null(at: at)), ObservedField("methods", .list([], at: at)), ObservedField("phishing_resistant", .null(at: at)),
            ], at: at)),
            ObservedField("created", .time(created.time, at: offset(created.node))),
            ObservedField("last_seen", .time(lastLogin.time, at: offset(lastLogin.node))),
            ObservedField("never_seen", .bool(lastLogin.time == nil, at: offset(lastLogin.node))),
            ObservedField("credentials", .list(credentials, at: offset(password))),
        ]
        return (ObservedRecord(nativeID: nativeID, position: position, offset: at, fields: fields), idNode)
    }

    /// The `mfa` of a user whose active factors are of the types `methods`, located at the user's `id`.
    private static func mfa(_ methods: [String], at offset: Int) -> ObservedValue {
        .mapping([
            ObservedField("enabled", .bool(methods.contains { !notMFA.contains($0) }, at: offset)),
            ObservedField("methods", .list(methods.map { .string($0, at: offset) }, at: offset)),
            ObservedField("phishing_resistant", .bool(methods.contains(where: phishingResistant.contains), at: offset)),
        ], at: offset)
    }

    /// The types of each user's ACTIVE factors, in the order listed, each once, from the factors file: an object of user id to
    /// an array of factors, each with a string `factorType` and `status`. Every user of the export must have an entry (an
    /// empty array when it has no factor), and every entry must be a user of the export.
    private func activeFactors(in file: SourceFile, export: SourceExport, users: [String: Node]) throws(Diagnostics) -> [String: [String]] {
        let what = "a JSON object of Okta user id to that user's factors (GET /api/v1/users/{id}/factors)"
        var list = try JSONExport(file, limits: export.limits, noun: "factor", what: what)
        var found: [String: [String]] = [:]
        let written = export.declaration.extraFiles["factors"]?.written ?? file.path
        guard list.root.kind == .mapping else {
            list.problem(list.root, code: "source.json", "the factors file is \(JSONExport.describe(list.root)); expected \(what)")
            throw Diagnostics(list.problems)
        }
        for (key, value) in list.root.entries {
            guard let id = key.string else {
                list.problem(key, "a factors key is \(JSONExport.describe(key)); expected an Okta user id")
                continue
            }
            guard users[id] != nil else {
                list.problem(key, code: "source.mismatch",
                             "factors for \(id.quotedExcerpt), who is not a user in \(export.declaration.file.quotedExcerpt); export the files of one source together")
                continue
            }
            guard value.kind == .sequence else {
                list.problem(value, "the factors of \(id.quotedExcerpt) are \(JSONExport.describe(value)); expected an array")
                found[id] = []
                continue
            }
            var methods: [String] = []
            for (index, factor) in value.elements.enumerated() {
                guard factor.kind == .mapping else {
                    list.problem(factor, code: "source.record", "factor \(index + 1) of \(id.quotedExcerpt) is \(JSONExport.describe(factor)); expected an object")
                    continue
                }
                let type = list.string("factorType", of: factor, position: index + 1, required: true)
                let status = list.string("status", of: factor, position: index + 1, required: true)
                if let type = type.text, status.text == "ACTIVE", !methods.contains(type) { methods.append(type) }
            }
            found[id] = methods
        }
        for (id, node) in users.sorted(by: { JSONExport.offset($0.value) < JSONExport.offset($1.value) }) where found[id] == nil {
            list.problem(node, code: "source.mismatch",
                         "the user \(id.quotedExcerpt) has no entry in the factors file \(written.quotedExcerpt); give every user an array, empty when it has no factor")
        }
        guard list.problems.isEmpty else { throw Diagnostics(list.problems) }
        return found
    }
}
