import ClearanceCore
import ClearanceDocument

/// The `google-workspace-users` source format: the users of a Google Workspace as the Admin SDK Directory API lists them
/// (`GET admin/directory/v1/users`, with `showDeleted=true` for the deleted ones), one Account per user whose native id is
/// the Directory's user `id`.
///
/// The file is a page of the API (`{"kind": "admin#directory#users", "users": […]}`, which leaves `users` out when there
/// are none), a JSON array of users, or an array of pages. `id`, `primaryEmail` and `suspended` are required. A user with a
/// `deletionTime` is `deprovisioned`; else `suspended` or `archived` (an archived user cannot sign in, and keeps its data
/// until an administrator restores it) makes it `suspended`; else it is `active`. `isAdmin` or `isDelegatedAdmin` makes
/// it privileged; `isEnrolledIn2Sv` is `mfa.enabled`. A `lastLoginTime` at the 1970 epoch means the user never signed in.
public struct GoogleWorkspaceUsersFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `google-workspace-users`.
    public var name: String { "google-workspace-users" }
    /// What the export is.
    public var summary: String { "the users of a Google Workspace: the Directory API's JSON of GET admin/directory/v1/users, deleted ones included" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `google-workspace`.
    public var defaultSystem: String { "google-workspace" }

    /// The `kind` of a page of the users list.
    static let pageKind = "admin#directory#users"
    /// The fields every user has that the format reads.
    static let requiredFields = ["id", "primaryEmail", "suspended"]

    private static let expected = "a page of GET admin/directory/v1/users ({\"kind\": \"admin#directory#users\", \"users\": […]}), "
        + "a JSON array of users, or an array of such pages"

    /// Every user, as an Account.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        var list = try JSONExport(export.file, limits: export.limits, noun: "user", what: Self.expected)
        let users = Self.users(in: &list)
        try list.refuseOtherFormat(users, format: name, required: Self.requiredFields, what: "users list")
        let records = list.uniqueRecords(users, named: "the user id") { node, position, list in Self.record(node, position: position, in: &list) }.records
        guard list.problems.isEmpty else { throw Diagnostics(list.firstProblems) }
        return records
    }

    /// The user objects of the file: a page's `users`, an array's elements, or the users of each page or array in an array.
    private static func users(in list: inout JSONExport) -> [Node] {
        var users: [Node] = []
        func take(_ node: Node) {
            users.append(node)
            if node.kind != .mapping { list.problem(node, code: "source.record", "user \(users.count) is \(JSONExport.describe(node)); expected an object") }
        }
        func isPage(_ node: Node) -> Bool { node.kind == .mapping && (node["users"] != nil || node["kind"]?.string == pageKind) }
        func page(_ node: Node) {
            guard let found = node["users"], !found.isNull else { return }  // the API leaves `users` out of a page with none
            guard found.kind == .sequence else {
                list.problem(found, code: "source.json", "`users` is \(JSONExport.describe(found)); expected an array of users")
                return
            }
            found.elements.forEach(take)
        }
        let root = list.root
        switch root.kind {
        case .mapping where isPage(root):
            page(root)
        case .mapping:
            if let other = list.otherPage(root) {
                list.problem(root, code: "source.wrong-format", "this looks like \(other), not a users list; expected \(expected)")
                break
            }
            let what = root["primaryEmail"] != nil ? "one user (GET users/{userKey})"
                : root["value"] != nil ? "a Microsoft Graph list ({\"value\": […]})"
                : root["kind"]?.string.map { "an object of kind \($0.quotedExcerpt)" } ?? "an object with no `users`"
            list.problem(root, code: "source.json", "the export is \(what); expected \(expected)")
        case .sequence:
            for element in root.elements {
                if isPage(element) { page(element) } else if element.kind == .sequence { element.elements.forEach(take) } else { take(element) }
            }
        default:
            list.problem(root, code: "source.json", "the export is \(list.describedRoot); expected \(expected)")
        }
        return users
    }

    /// The Account of one user and its `id` node, or nil (with problems) when a required field is missing or wrong.
    private static func record(_ node: Node, position: Int, in list: inout JSONExport) -> (ObservedRecord, Node)? {
        let before = list.problems.count
        let id = list.string("id", of: node, position: position, required: true)
        let email = list.string("primaryEmail", of: node, position: position, required: true)
        let suspended = list.bool("suspended", of: node, position: position, required: true)
        let archived = list.bool("archived", of: node, position: position)
        let admin = list.bool("isAdmin", of: node, position: position)
        let delegated = list.bool("isDelegatedAdmin", of: node, position: position)
        let enrolled = list.bool("isEnrolledIn2Sv", of: node, position: position)
        let fullName = list.string("name.fullName", of: node, position: position)
        let given = list.string("name.givenName", of: node, position: position)
        let family = list.string("name.familyName", of: node, position: position)
        let created = list.time("creationTime", of: node)
        let lastLogin = list.time("lastLoginTime", of: node)
        let deleted = list.time("deletionTime", of: node)
        guard list.problems.count == before, let nativeID = id.text, let idNode = id.node, let emailNode = email.node,
              let suspendedNode = suspended.node else { return nil }
        let at = JSONExport.offset(node)
        func offset(_ node: Node?) -> Int { node.map(JSONExport.offset) ?? at }
        let status: (state: String, node: Node) = if let deletedNode = deleted.node, deleted.time != nil { ("deprovisioned", deletedNode) }
            else if suspended.flag == true { ("suspended", suspendedNode) }
            else if archived.flag == true, let archivedNode = archived.node { ("suspended", archivedNode) }
            else { ("active", suspendedNode) }
        let privileged: (flag: Bool?, node: Node?) = admin.flag == true ? admin : delegated.flag == true ? delegated
            : admin.flag != nil ? admin : delegated
        let joined = [given.text, family.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let name: (text: String?, node: Node?) = fullName.text?.isEmpty == false ? fullName : (joined.isEmpty ? nil : joined, given.node ?? family.node)
        // The Directory API writes the 1970 epoch for a user who never signed in.
        let never = lastLogin.time.map { $0.seconds == 0 && $0.nanos == 0 } ?? false
        let enrolledAt = offset(enrolled.node)
        let fields = [
            ObservedField("native_id", .string(nativeID, at: offset(idNode))),
            ObservedField("login", .string(email.text, at: offset(emailNode))),
            ObservedField("email", .string(email.text, at: offset(emailNode))),
            ObservedField("display_name", .string(name.text, at: offset(name.node))),
            ObservedField("status", .string(status.state, at: offset(status.node))),
            ObservedField("interactive", .bool(true, at: at)),
            ObservedField("privileged", .bool(privileged.flag, at: offset(privileged.node))),
            ObservedField("root", .bool(false, at: at)),
            ObservedField("guest", .bool(false, at: at)),
            ObservedField("mfa", .mapping([
                ObservedField("enabled", .bool(enrolled.flag, at: enrolledAt)), ObservedField("methods", .list([], at: enrolledAt)),
                ObservedField("phishing_resistant", .null(at: enrolledAt)),
            ], at: enrolledAt)),
            ObservedField("created", .time(created.time, at: offset(created.node))),
            ObservedField("last_seen", .time(never ? nil : lastLogin.time, at: offset(lastLogin.node))),
            ObservedField("never_seen", .bool(never, at: offset(lastLogin.node))),
            ObservedField("credentials", .list([], at: at)),
        ]
        return (ObservedRecord(nativeID: nativeID, position: position, offset: at, fields: fields), idNode)
    }
}
