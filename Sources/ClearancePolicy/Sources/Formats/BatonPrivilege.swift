import ClearanceCore
import ClearanceDocument

/// Which baton entitlements make an account privileged: the `privileged:` option of a baton source, naming entitlement
/// purposes (`ownership`), slugs (`admin`) or whole entitlement ids (`role:org-admin:member`). A grant on any of them marks
/// its principal privileged; without the option, the export does not say who is privileged (`privileged` is null).
struct BatonPrivilege {
    /// The purposes baton gives an entitlement, as `purposes:` names them, and as baton's JSON writes each.
    static let purposes = ["assignment": "PURPOSE_VALUE_ASSIGNMENT", "permission": "PURPOSE_VALUE_PERMISSION", "ownership": "PURPOSE_VALUE_OWNERSHIP"]
    /// The keys of the option.
    static let keys = ["purposes", "slugs", "entitlements"]

    /// The purposes named, as baton writes them.
    let purposes: Set<String>
    /// The slugs named, lowercased.
    let slugs: Set<String>
    /// The entitlement ids named.
    let entitlements: Set<String>

    /// The privilege the entry's option names, or nil when the entry has none.
    init?(_ declaration: SourceDeclaration) {
        guard let option = declaration.node["privileged"] else { return nil }
        func strings(_ key: String) -> [String] { option[key]?.elements.compactMap(\.string) ?? [] }
        purposes = Set(strings("purposes").compactMap { Self.purposes[$0.lowercased()] })
        slugs = Set(strings("slugs").map { $0.lowercased() })
        entitlements = Set(strings("entitlements"))
    }

    /// Whether a grant on the entitlement with this id, purpose (as baton writes it) and slug makes its holder privileged.
    func marks(entitlement id: String, purpose: String?, slug: String?) -> Bool {
        entitlements.contains(id) || purpose.map(purposes.contains) == true || slug.map { slugs.contains($0.lowercased()) } == true
    }

    /// Problems with a baton entry's option: an unknown purpose, a purpose where the export carries none (`purposesKnown`
    /// false), an option that names nothing.
    static func problems(_ declaration: SourceDeclaration, purposesKnown: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard let option = declaration.node["privileged"] else { return problems }
        if keys.allSatisfy({ (option[$0]?.elements ?? []).isEmpty }) {
            problems.append(ShapeChecker.diagnostic(option, code: "config.source-privileged",
                                                    "`privileged` names no purpose, slug or entitlement; leave it out when the export says nothing of privilege"))
        }
        for purpose in option["purposes"]?.elements ?? [] {
            guard let text = purpose.string else { continue }  // the shape check reports a non-string
            if !purposesKnown {
                problems.append(ShapeChecker.diagnostic(purpose, code: "config.source-privileged",
                                                        "\(declaration.format) does not carry entitlements' purposes (baton export csv leaves them out); name slugs or entitlements"))
            } else if purposes[text.lowercased()] == nil {
                let names = purposes.keys.sorted()
                problems.append(ShapeChecker.diagnostic(purpose, code: "config.source-privileged",
                                                        "unknown entitlement purpose \(text.quotedExcerpt)\(Suggestion.didYouMean(text, among: names)); baton's are \(names.joined(separator: ", "))"))
            }
        }
        return problems
    }

    /// What the option means, for `clearance sources --formats` and the schema.
    static let summary = "the entitlements whose grants make an account privileged: {purposes: [ownership], slugs: [admin], entitlements: [<id>]}"
}
