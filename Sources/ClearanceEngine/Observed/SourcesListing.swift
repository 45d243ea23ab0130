import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// What `clearance sources` shows: each source read with its digest, generation time and link counts, then every
/// record no single member or service account holds (unlinked or ambiguous), with where it is and how to link it.
public struct SourcesListing: Sendable {
    /// One source read.
    public struct Source: Sendable {
        /// The source's summary: format, file, system, scope, digest, generation time, records, further files.
        public let summary: SourceSummary
        /// The kind of document its records became: Account, Employment or ManagedDevice (`nil` for a format no longer known).
        public let recordKind: DocumentKind?

        /// How many records linked as `state` (`linked`, `service`, `unlinked`, `ambiguous`).
        public func count(_ state: String) -> Int { summary.links[state] ?? 0 }

        /// The link states its records can have, in the order listings show them (no `service` for an HR roster).
        public var states: [String] { recordKind == .account || recordKind == nil ? SourcesListing.linkStates : ["linked", "unlinked", "ambiguous"] }
    }

    /// The link states, in the order listings and reports count them.
    public static let linkStates = ["linked", "service", "unlinked", "ambiguous"]

    /// One member's claim on an ambiguous record.
    public struct Claim: Sendable, Equatable {
        /// The member's id.
        public let member: String
        /// How the member claims it: `accounts`, `email` or `employee_id`.
        public let by: String
    }

    /// A record that is unlinked or ambiguous.
    public struct Record: Sendable {
        /// Account, Employment or ManagedDevice.
        public let kind: DocumentKind
        /// The document's id: `<system>:<scope>:<native id>`.
        public let id: String
        /// The system it belongs to.
        public let system: String
        /// The export it was read from, as `clearance.yaml` names it.
        public let source: String
        /// Where the record starts in the export.
        public let location: SourceLocation
        /// The system's own id of the record (an employee id for an Employment).
        public let nativeID: String
        /// The login, when the export has one.
        public let login: String?
        /// The email, when the export has one.
        public let email: String?
        /// The name the export shows, when it has one.
        public let displayName: String?
        /// Its status in the system: `active`, `suspended`…
        public let status: String?
        /// `unlinked` or `ambiguous`.
        public let link: String
        /// The members who claim it, each with how (an ambiguous record).
        public let claims: [Claim]
        /// The ServiceAccount that names it (an ambiguous account claimed by a member too).
        public let serviceAccount: String?
        /// The member with the record's email, login or name, or the nearest (for an unlinked record); `nil` when none is near.
        public let closestMember: String?
        /// The closest member's file, where ``memberYAML`` goes.
        public let closestMemberFile: String?
        /// What to add to a TeamMember to link an unlinked record: `accounts: {github: dana-k}` or `employee_id: "1042"` (none for a root account).
        public let memberYAML: String?
        /// A ServiceAccount document that declares an unlinked account as a non-person account (owner and purpose to fill in).
        public let serviceAccountYAML: String?
        /// How to resolve it, in a sentence.
        public let advice: String
    }

    /// The sources, in the order `clearance.yaml` lists them.
    public let sources: [Source]
    /// The unlinked and ambiguous records, source by source, each in export order.
    public let records: [Record]

    /// The listing of a loaded document set; `formats` tell each source's kind of record.
    public init(_ documents: DocumentSet, formats: SourceFormats = .standard) {
        sources = documents.sources.map { Source(summary: $0, recordKind: formats.format(named: $0.format)?.recordKind) }
        let members = MemberNames(documents.documents(of: .teamMember))
        let order = Dictionary(documents.sources.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [Record] = []
        for document in documents.documents where document.kind == .account || document.kind == .employment || document.kind == .managedDevice {
            let root = document.root
            guard let link = root["link"]?.string, link == "unlinked" || link == "ambiguous" else { continue }
            // Past the first few thousand, only exact names are looked for: a near one costs a comparison with every member.
            records.append(Self.record(document, link: link, members: members, nearNames: records.count < Self.nearNameLimit))
        }
        // Stable: documents of one source are in export order already.
        self.records = records.enumerated().sorted { lhs, rhs in
            let (left, right) = (order[lhs.element.source] ?? Int.max, order[rhs.element.source] ?? Int.max)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// How many unlinked or ambiguous records get a member whose name is near theirs, not only the same.
    static let nearNameLimit = 2_000

    /// The entry of one unlinked or ambiguous record.
    static func record(_ document: InputDocument, link: String, members: MemberNames, nearNames: Bool) -> Record {
        let root = document.root
        let system = root["system"]?.string ?? ""
        let isEmployment = document.kind == .employment, isDevice = document.kind == .managedDevice
        let nativeID = (isEmployment ? root["employee_id"]?.string : isDevice ? root["serial"]?.string : root["native_id"]?.string) ?? document.id
        let login = isEmployment || isDevice ? nil : root["login"]?.string
        let email = isDevice ? root["owner_email"]?.string : root["email"]?.string
        let claimants = Set(root["claimants"]?.elements.compactMap(\.string) ?? [])
        let claims = claimants.isEmpty ? [] : members.documents.filter { claimants.contains($0.id) }.map { member in
            Claim(member: member.id, by: isEmployment ? Self.employmentClaim(member, employeeID: nativeID)
                                          : isDevice ? Self.deviceClaim(member, serial: nativeID)
                                          : Self.accountClaim(member, system: system, names: [nativeID, login].compactMap { $0 }))
        }
        let serviceAccount = root["service_account"]?.string
        let name = login ?? nativeID
        var closest: InputDocument?
        var memberYAML: String?, serviceYAML: String?
        let advice: String
        if link == "ambiguous" {
            advice = Self.ambiguousAdvice(claims: claims, serviceAccount: serviceAccount,
                                          key: isEmployment ? "`employee_id`" : isDevice ? "`devices[].serial`" : "`accounts.\(system)`")
        } else if root["root"]?.bool == true {
            advice = "the system's root account: it is no one's and links to no one; guard it with MFA and no access keys"
        } else {
            closest = members.closest(to: [email, login, nativeID, root["display_name"]?.string].compactMap { $0 }, near: nearNames)
            if isDevice {
                let yaml = "serial: " + Self.yamlScalar(nativeID)
                memberYAML = yaml
                advice = "add `\(yaml)` to the device in the `devices` of the TeamMember who uses it"
            } else if isEmployment {
                let yaml = "employee_id: " + Self.yamlScalar(nativeID)
                memberYAML = yaml
                advice = "add `\(yaml)` to the TeamMember who is this person"
            } else {
                // The member's own logins on the system stay: the YAML replaces its entry for the system.
                let names = (closest.map { Self.claimedNames($0, system: system) } ?? []) + [name]
                let yaml = "accounts: {\(Self.yamlScalar(system)): "
                    + (names.count == 1 ? Self.yamlScalar(name) : "[" + names.map(Self.yamlScalar).joined(separator: ", ") + "]") + "}"
                memberYAML = yaml
                serviceYAML = Self.serviceAccountYAML(system: system, scope: root["scope"]?.string, nativeID: nativeID, name: name)
                advice = "add `\(yaml)` to the TeamMember who holds it, or declare it as a ServiceAccount with an owner"
            }
        }
        return Record(kind: document.kind, id: document.id, system: system, source: root["source"]?["file"]?.string ?? root.location.file,
                      location: root.location, nativeID: nativeID, login: login, email: email,
                      displayName: (isDevice ? root["name"] : root["display_name"])?.string,
                      status: root["status"]?.string, link: link, claims: claims, serviceAccount: serviceAccount,
                      closestMember: closest?.id, closestMemberFile: closest?.root.location.file, memberYAML: memberYAML,
                      serviceAccountYAML: serviceYAML, advice: advice)
    }

    /// How a member claims an account: by its `accounts` on the system, else by email.
    private static func accountClaim(_ member: InputDocument, system: String, names: [String]) -> String {
        let lowered = Set(names.map { $0.lowercased() })
        return claimedNames(member, system: system).contains { lowered.contains($0.lowercased()) } ? "accounts" : "email"
    }

    /// How a member claims a managed device: by the serial of a device it declares, else by email.
    private static func deviceClaim(_ member: InputDocument, serial: String) -> String {
        (member.root["devices"]?.elements ?? []).contains { $0["serial"]?.string?.lowercased() == serial.lowercased() } ? "serial" : "email"
    }

    /// How a member claims an employment record: by its `employee_id`, else by email.
    private static func employmentClaim(_ member: InputDocument, employeeID: String) -> String {
        member.root["employee_id"]?.string == employeeID ? "employee_id" : "email"
    }

    /// The logins a member's `accounts` names on a system.
    private static func claimedNames(_ member: InputDocument, system: String) -> [String] {
        guard let claimed = member.root["accounts"]?[system] else { return [] }
        return claimed.kind == .sequence ? claimed.elements.compactMap(\.string) : claimed.string.map { [$0] } ?? []
    }

    /// What resolves an ambiguous record, in a sentence.
    private static func ambiguousAdvice(claims: [Claim], serviceAccount: String?, key: String) -> String {
        let listed = claims.map { "\($0.member) (by \($0.by))" }.joined(separator: ", ")
        if let serviceAccount {
            return "ServiceAccount \(serviceAccount) declares it and \(listed) claim\(claims.count == 1 ? "s" : "") it: a person's account is not a service account; "
                + "remove it from \(serviceAccount) or the member's claim"
        }
        let byEmail = claims.filter { $0.by == "email" }.map(\.member)
        var advice = "claimed by \(listed): one member only may claim it; remove it from the \(key) of the others"
        if !byEmail.isEmpty {
            advice += " (an email claims it too: \(byEmail.joined(separator: ", ")) ha\(byEmail.count == 1 ? "s" : "ve") the record's email)"
        }
        return advice
    }

    /// A ServiceAccount document declaring an account, its owner and purpose left to fill in.
    private static func serviceAccountYAML(system: String, scope: String?, nativeID: String, name: String) -> String {
        let id = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).trimmingDashes
        var lines = ["kind: ServiceAccount", "id: " + yamlScalar(id.isEmpty ? "service-account" : id), "system: " + yamlScalar(system)]
        if let scope { lines.append("scope: " + yamlScalar(scope)) }
        lines += ["native_id: " + yamlScalar(nativeID), "owner: <member id>", "purpose: <what it is for>"]
        return lines.joined(separator: "\n")
    }

    /// A string as a YAML scalar that reads back as that string: plain when it is safe, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.@/+".unicodeScalars.contains(scalar)
        }
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"].contains(text.lowercased())
        let numeric = text.first.map { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." } ?? false
        if plain && !reserved && !numeric { return text }
        return JSONText.string(text).compact
    }
}

/// The names a member may be recognised by in an export (id, email, the email's part before `@`, name), lowercased, for
/// finding the member an unlinked record most likely belongs to.
struct MemberNames {
    /// The members, in input order.
    let documents: [InputDocument]
    /// Each member's names.
    private let names: [[String]]
    /// The first member with each name.
    private let exact: [String: Int]

    init(_ documents: [InputDocument]) {
        self.documents = documents
        var names: [[String]] = [], exact: [String: Int] = [:]
        for (index, member) in documents.enumerated() {
            var own = [member.id.lowercased()]
            if let email = member.root["email"]?.string?.lowercased() { own += [email, email.split(separator: "@").first.map(String.init) ?? email] }
            if let name = member.root["name"]?.string { own.append(name.lowercased()) }
            for name in own where exact[name] == nil { exact[name] = index }
            names.append(own)
        }
        self.names = names
        self.exact = exact
    }

    /// The member with one of `keys` (an email, login, native id, name), or its part before `@`, as a name; else, when `near`,
    /// the member with the nearest name within ``Suggestion/closest(to:among:)``'s distances (ties to the first member).
    func closest(to keys: [String], near: Bool) -> InputDocument? {
        let keys = keys.map { $0.lowercased() }.filter { !$0.isEmpty }
        let locals = keys.map { key in key.split(separator: "@").first.map(String.init) ?? key }
        for key in keys + locals { if let index = exact[key] { return documents[index] } }
        guard near else { return nil }
        var best: (index: Int, distance: Int)?
        for local in locals {
            let allowed = local.count <= 4 ? 1 : local.count <= 8 ? 2 : 3
            for (index, own) in names.enumerated() {
                for candidate in own where abs(candidate.count - local.count) <= allowed {
                    let distance = Suggestion.editDistance(local, candidate)
                    if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (index, distance) }
                }
            }
        }
        return best.map { documents[$0.index] }
    }
}

extension String {
    /// The text without leading and trailing dashes, runs of dashes made one.
    fileprivate var trimmingDashes: String {
        split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }
}
