import ClearanceCore
import ClearanceDocument

/// The MFA registration of an Entra ID tenant's users, the `mfa_registration` file of `entra-users-csv`: the JSON of Graph's
/// `GET /reports/authenticationMethods/userRegistrationDetails` (a bare array, `{"value": […]}`, or an array of such pages),
/// each row linked to a user of the download by `id`, or by `userPrincipalName` when it has no `id`.
struct EntraRegistrationDetails {
    /// What the file is, for messages.
    static let expected = "a JSON array of userRegistrationDetails (GET /reports/authenticationMethods/userRegistrationDetails), "
        + "Graph's {\"value\": […]}, or an array of such pages"

    /// One user's registration details.
    struct Registration {
        var registered: Bool
        var methods: [String]
        var admin: Bool?
    }

    /// The registration of each user (by the index of its record) from the registration file. Every row must name a user of the
    /// download, each once, and every user must have a row.
    static func read(_ file: SourceFile, export: SourceExport, csv: CSVExport, users: [ObservedRecord]) throws(Diagnostics) -> [Int: Registration] {
        var list = try JSONExport(file, limits: export.limits, noun: "registration", what: expected)
        var byID: [String: Int] = [:], byPrincipal: [String: Int] = [:]
        for (index, user) in users.enumerated() {
            byID[user.nativeID.lowercased()] = byID[user.nativeID.lowercased()] ?? index
            if let login = user.string("login") { byPrincipal[login.lowercased()] = byPrincipal[login.lowercased()] ?? index }
        }
        var found: [Int: Registration] = [:], rowNodes: [Int: Node] = [:]
        for (index, row) in rows(in: &list).enumerated() where row.kind == .mapping {
            let position = index + 1, before = list.problems.count
            let id = list.string("id", of: row, position: position)
            let principal = list.string("userPrincipalName", of: row, position: position)
            let registered = list.bool("isMfaRegistered", of: row, position: position, required: true)
            let admin = list.bool("isAdmin", of: row, position: position)
            var methods: [String] = []
            if let listed = row["methodsRegistered"], !listed.isNull {
                if listed.kind == .sequence {
                    for method in listed.elements {
                        guard let text = method.string else {
                            list.problem(method, "a registered method is \(JSONExport.describe(method)); expected a string")
                            continue
                        }
                        if !methods.contains(text) { methods.append(text) }
                    }
                } else {
                    list.problem(listed, "`methodsRegistered` is \(JSONExport.describe(listed)); expected an array of strings")
                }
            } else {
                list.problem(row, "registration \(position) has no `methodsRegistered`")
            }
            let key: (text: String, node: Node)
            if let text = id.text, let node = id.node { key = (text, node) } else if let text = principal.text, let node = principal.node { key = (text, node) } else {
                if id.node == nil, principal.node == nil { list.problem(row, "registration \(position) has no `id` or `userPrincipalName`") }
                continue
            }
            guard list.problems.count == before, let flag = registered.flag else { continue }
            let byKey = id.text != nil ? byID : byPrincipal
            guard let user = byKey[key.text.lowercased()] else {
                list.problem(key.node, code: "source.mismatch", "registration details of \(key.text.quotedExcerpt), who is not a user in "
                             + "\(export.declaration.file.quotedExcerpt); export the files of one source together")
                continue
            }
            if let first = rowNodes.updateValue(key.node, forKey: user) {
                rowNodes[user] = first
                list.problems.append(JSONExport.duplicate(key.node, first: first, "the registration details of \(key.text.quotedExcerpt) are listed twice"))
                continue
            }
            found[user] = Registration(registered: flag, methods: methods, admin: admin.flag)
        }
        var problems = list.firstProblems
        let written = export.declaration.extraFiles["mfa_registration"]?.written ?? file.path
        if list.problems.isEmpty {
            for (index, user) in users.enumerated() where found[index] == nil {
                problems.append(CSVExport.problem(in: csv.table, at: user.offset(of: "native_id"), code: "source.mismatch",
                                                  "the user \(user.nativeID.quotedExcerpt) has no row in the registration file \(written.quotedExcerpt); "
                                                  + "export the registration details of every user"))
                if problems.count == CSVExport.maximumProblems { break }
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return found
    }

    /// The rows of the registration file: a bare array, Graph's `{"value": […]}`, or an array of such pages.
    private static func rows(in list: inout JSONExport) -> [Node] {
        var rows: [Node] = []
        func take(_ node: Node) {
            rows.append(node)
            if node.kind != .mapping { list.problem(node, code: "source.record", "registration \(rows.count) is \(JSONExport.describe(node)); expected an object") }
        }
        func isPage(_ node: Node) -> Bool { node.kind == .mapping && node["value"] != nil && node["userPrincipalName"] == nil && node["id"] == nil }
        func page(_ node: Node) {
            guard let value = node["value"], value.kind == .sequence else {
                list.problem(node["value"] ?? node, code: "source.json", "`value` is \(JSONExport.describe(node["value"] ?? node)); expected an array of registration details")
                return
            }
            value.elements.forEach(take)
        }
        let root = list.root
        switch root.kind {
        case .mapping where isPage(root): page(root)
        case .sequence:
            for element in root.elements { if isPage(element) { page(element) } else { take(element) } }
        default:
            list.problem(root, code: "source.json", "the registration file is \(JSONExport.describe(root))\(root.kind == .mapping ? " with no `value`" : ""); "
                         + "expected \(expected)")
        }
        return rows
    }
}
