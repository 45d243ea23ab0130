import ClearanceCore
import ClearanceDocument

/// The `github-org-members` source format: the members of a GitHub organisation as `GET /orgs/{org}/members` lists
/// them, with the optional lists of its owners, of its members without two-factor authentication and of its outside
/// collaborators. Each member and collaborator becomes an Account.
///
/// The main file is the JSON array of simple-users (`login`, `id`, `type`, ...), all pages in one array or an array of
/// pages (`gh api --paginate --slurp`). The native id is the numeric `id` (it survives a renamed login). The members
/// API reports no email, no sign-in and no creation time, so those are null; `privileged` is known only with the
/// `admins` file and `mfa.enabled` only with the `two_factor_disabled` file. A `Bot` cannot sign in (not interactive);
/// `site_admin` (GitHub staff, or an Enterprise Server administrator) is no role in the organisation and is not read.
/// The organisation is the entry's `scope`, which this format requires.
public struct GitHubOrgMembersFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `github-org-members`.
    public var name: String { "github-org-members" }
    /// What the export is.
    public var summary: String { "the members of a GitHub organisation: the JSON of GET /orgs/{org}/members, all pages" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `github`.
    public var defaultSystem: String { "github" }
    /// The owners, the members without two-factor authentication and the outside collaborators, each the same JSON array.
    public var extraFiles: [(key: String, summary: String)] {
        [("admins", "the organisation's owners: GET /orgs/{org}/members?role=admin"),
         ("two_factor_disabled", "the members without two-factor authentication: GET /orgs/{org}/members?filter=2fa_disabled"),
         ("outside_collaborators", "the outside collaborators: GET /orgs/{org}/outside_collaborators")]
    }

    private static let expected = "a JSON array of simple-users (GET /orgs/{org}/members), or an array of such pages"

    /// A missing `scope`: the members list does not name its organisation.
    public func problems(_ declaration: SourceDeclaration) -> [Diagnostic] {
        guard declaration.scope?.isEmpty ?? true else { return [] }
        return [ShapeChecker.diagnostic(declaration.node, code: "config.source-scope",
                                        "source \(declaration.file.quotedExcerpt) has no `scope`: \(name) needs the organisation its members belong to (scope: acme)")]
    }

    /// One simple-user read from a list.
    private struct User {
        var login: String
        var id: Int64
        var isBot: Bool
        var name: String?
        var node: Node, loginNode: Node, idNode: Node, nameNode: Node?, typeNode: Node?
    }

    /// Every member, then every outside collaborator, as an Account.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let scopeProblems = problems(export.declaration)
        guard scopeProblems.isEmpty else { throw Diagnostics(scopeProblems) }
        var problems: [Diagnostic] = []
        var main = try JSONExport(export.file, limits: export.limits, noun: "member", what: Self.expected)
        let members = try users(in: &main)
        problems += main.problems

        var byLogin: [String: Node] = [:], byID: [Int64: Node] = [:]
        func claim(_ user: User) {
            if let first = byLogin.updateValue(user.loginNode, forKey: user.login.lowercased()) {
                byLogin[user.login.lowercased()] = first
                problems.append(JSONExport.duplicate(user.loginNode, first: first, "the login \(user.login.quotedExcerpt) is listed twice"))
            } else if let first = byID.updateValue(user.idNode, forKey: user.id) {
                byID[user.id] = first
                problems.append(JSONExport.duplicate(user.idNode, first: first, "the id \(user.id) is listed twice"))
            }
        }
        for user in members { claim(user) }

        var collaborators: [User] = []
        var collaboratorFile: SourceFile?
        if let file = export.extras["outside_collaborators"] {
            var list = try JSONExport(file, limits: export.limits, noun: "outside collaborator",
                                      what: "a JSON array of simple-users (GET /orgs/{org}/outside_collaborators)")
            collaborators = try users(in: &list)
            problems += list.problems
            for user in collaborators { claim(user) }
            collaboratorFile = file
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }  // the further lists are checked against whole lists
        let memberLogins = Set(members.map { $0.login.lowercased() })
        let collaboratorLogins = Set(collaborators.map { $0.login.lowercased() })
        let admins = try logins(export, key: "admins", noun: "owner", among: memberLogins, naming: "a member", problems: &problems)
        let noTwoFactor = try logins(export, key: "two_factor_disabled", noun: "member", among: memberLogins.union(collaboratorLogins),
                                     naming: "a member or outside collaborator", problems: &problems)
        guard problems.isEmpty else { throw Diagnostics(problems) }

        var records: [ObservedRecord] = []
        records.reserveCapacity(members.count + collaborators.count)
        for (index, user) in members.enumerated() {
            let login = user.login.lowercased()
            let mfa = noTwoFactor.map { !$0.contains(login) }
            records.append(record(user, position: index + 1, privileged: admins.map { $0.contains(login) }, mfa: mfa, file: nil))
        }
        for (index, user) in collaborators.enumerated() {
            // The members' 2FA list says nothing of collaborators: only one listed there is known to lack 2FA.
            let mfa: Bool? = noTwoFactor?.contains(user.login.lowercased()) == true ? false : nil
            records.append(record(user, position: index + 1, privileged: false, mfa: mfa, file: collaboratorFile))
        }
        return records
    }

    /// The simple-users of a list, each with a `login` and an `id`.
    private func users(in list: inout JSONExport) throws(Diagnostics) -> [User] {
        var users: [User] = []
        let nodes = list.records(expected: Self.expected)
        try list.refuseOtherFormat(nodes, format: name, required: ["login", "id"], what: "members list")
        for (index, node) in nodes.enumerated() where node.kind == .mapping {
            let position = index + 1
            let login = list.string("login", of: node, position: position, required: true)
            let id = list.integer("id", of: node, position: position, required: true)
            let type = list.string("type", of: node, position: position)
            let name = list.string("name", of: node, position: position)
            guard let text = login.text, let loginNode = login.node, let number = id.number, let idNode = id.node else { continue }
            users.append(User(login: text, id: number, isBot: type.text == "Bot", name: name.text,
                              node: node, loginNode: loginNode, idNode: idNode, nameNode: name.node, typeNode: type.node))
        }
        return users
    }

    /// The lowercased logins of the further file `key` (nil when the entry names none); each must be one of `known`.
    private func logins(_ export: SourceExport, key: String, noun: String, among known: Set<String>, naming what: String,
                        problems: inout [Diagnostic]) throws(Diagnostics) -> Set<String>? {
        guard let file = export.extras[key] else { return nil }
        var list = try JSONExport(file, limits: export.limits, noun: noun, what: Self.expected)
        var logins: Set<String> = []
        for (index, node) in list.records(expected: Self.expected).enumerated() where node.kind == .mapping {
            let login = list.string("login", of: node, position: index + 1, required: true)
            guard let text = login.text, let at = login.node else { continue }
            if !known.contains(text.lowercased()) {
                list.problem(at, code: "source.mismatch",
                             "\(text.quotedExcerpt) is not \(what) in \(export.declaration.file.quotedExcerpt); export the lists of one source together")
            }
            logins.insert(text.lowercased())
        }
        problems += list.problems
        return logins
    }

    /// The Account of one user; `file` is the further file it was read from, if not the main one.
    private func record(_ user: User, position: Int, privileged: Bool?, mfa: Bool?, file: SourceFile?) -> ObservedRecord {
        let at = JSONExport.offset(user.node), login = JSONExport.offset(user.loginNode)
        let fields = [
            ObservedField("native_id", .string(String(user.id), at: JSONExport.offset(user.idNode))),
            ObservedField("login", .string(user.login, at: login)),
            ObservedField("email", .null(at: at)),
            ObservedField("display_name", .string(user.name, at: user.nameNode.map(JSONExport.offset) ?? at)),
            ObservedField("status", .string("active", at: at)),
            ObservedField("interactive", .bool(!user.isBot, at: user.typeNode.map(JSONExport.offset) ?? at)),
            ObservedField("privileged", .bool(privileged, at: login)),
            ObservedField("root", .bool(false, at: at)),
            ObservedField("guest", .bool(file != nil, at: at)),  // an outside collaborator, read from its further file
            ObservedField("mfa", .mapping([
                ObservedField("enabled", .bool(mfa, at: login)),
                ObservedField("methods", .list([], at: login)),
                ObservedField("phishing_resistant", .null(at: login)),
            ], at: login)),
            ObservedField("created", .null(at: at)),
            ObservedField("last_seen", .null(at: at)),
            ObservedField("never_seen", .bool(false, at: at)),
            ObservedField("credentials", .list([], at: at)),
        ]
        return ObservedRecord(nativeID: String(user.id), position: position, offset: at, fields: fields, file: file)
    }
}
