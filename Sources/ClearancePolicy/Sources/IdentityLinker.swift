import ClearanceDocument

/// Links observed records to the people and service accounts the team declares.
///
/// An account belongs to every member whose `accounts` names it on its system (by native id or login) and
/// every member whose `email` is the account's (case-insensitive); an employment record to every member
/// whose `employee_id` is the record's, and every member with its email. One such member links it; more than
/// one makes it ambiguous. A managed device links to the member whose `devices` declares its serial, else to the member
/// with its owner's email (a shared device assigned to one user belongs to whoever declares it). A `ServiceAccount` naming an account makes it a service account, unless a member
/// claims it too: a person's account declared as a service account is ambiguous, so a declaration cannot
/// take a leaver's account out of the checks on leavers.
public struct IdentityLinker: Sendable {
    /// How one record links.
    public struct Link: Sendable, Equatable {
        /// `linked`, `unlinked`, `service` or `ambiguous`.
        public var state: String
        /// The member it links to, when linked.
        public var person: String?
        /// What made the link: `accounts`, `email`, `employee_id` or `service-account`.
        public var linkedBy: String?
        /// Every member who claims the record, for an ambiguous one (and the one member of a linked one).
        public var claimants: [String]
        /// The service account that names it.
        public var serviceAccount: String?
        /// The record's field that decided the link (`login`, `email`), for locating it.
        public var decidingField: String?
    }

    /// Member ids by system and lowercased login or native id, from members' `accounts`.
    private var claims: [String: [String: [String]]] = [:]
    /// Member ids by lowercased email.
    private var emails: [String: [String]] = [:]
    /// Member ids by employee id.
    private var employeeIDs: [String: [String]] = [:]
    /// Member ids by the lowercased serial number of a device they declare.
    private var serials: [String: [String]] = [:]
    /// Service accounts by system and lowercased native id, each with its scope.
    private var services: [String: [String: [(id: String, scope: String?)]]] = [:]

    /// A linker over the declared members and service accounts (documents of other kinds are passed over).
    public init(_ documents: [InputDocument]) {
        for document in documents {
            let root = document.root
            switch document.kind {
            case .teamMember:
                for (system, claimed) in root["accounts"]?.entries ?? [] {
                    guard let system = system.string else { continue }
                    let names = claimed.kind == .sequence ? claimed.elements.compactMap(\.string) : claimed.string.map { [$0] } ?? []
                    for name in names { Self.add(document.id, to: &claims[system, default: [:]][name.lowercased(), default: []]) }
                }
                if let email = root["email"]?.string, !email.isEmpty { Self.add(document.id, to: &emails[email.lowercased(), default: []]) }
                if let employee = root["employee_id"]?.string, !employee.isEmpty { Self.add(document.id, to: &employeeIDs[employee, default: []]) }
                for device in root["devices"]?.elements ?? [] {
                    if let serial = device["serial"]?.string, !serial.isEmpty { Self.add(document.id, to: &serials[serial.lowercased(), default: []]) }
                }
            case .serviceAccount:
                guard let system = root["system"]?.string, let native = root["native_id"]?.string else { continue }
                services[system, default: [:]][native.lowercased(), default: []].append((document.id, root["scope"]?.string))
            default:
                continue
            }
        }
    }

    private static func add(_ id: String, to list: inout [String]) { if !list.contains(id) { list.append(id) } }

    /// How an account on `system` within `scope` links, by its native id, login and email.
    public func account(system: String, scope: String?, nativeID: String, login: String?, email: String?) -> Link {
        let systemClaims = claims[system] ?? [:]
        var claimants: [String] = [], by: String?, field: String?
        for (name, key) in [(nativeID, "native_id"), (login, "login")] {
            guard let name, let found = systemClaims[name.lowercased()] else { continue }
            for id in found where !claimants.contains(id) { claimants.append(id) }
            (by, field) = (by ?? "accounts", field ?? key)
        }
        if let email, let found = emails[email.lowercased()] {
            for id in found where !claimants.contains(id) { claimants.append(id) }
            (by, field) = (by ?? "email", field ?? "email")
        }
        let serviceMatches = services[system] ?? [:]
        var service: String?
        for name in [nativeID, login].compactMap({ $0?.lowercased() }) {
            if let found = serviceMatches[name]?.first(where: { $0.scope == nil || $0.scope == scope }) { service = service ?? found.id }
        }
        return Self.link(claimants: claimants, by: by, field: field, service: service)
    }

    /// How an employment record links, by its employee id and email.
    public func employment(employeeID: String, email: String?) -> Link {
        var claimants = employeeIDs[employeeID] ?? []
        var (by, field): (String?, String?) = claimants.isEmpty ? (nil, nil) : ("employee_id", "employee_id")
        if let email, let found = emails[email.lowercased()] {
            for id in found where !claimants.contains(id) { claimants.append(id) }
            (by, field) = (by ?? "email", field ?? "email")
        }
        return Self.link(claimants: claimants, by: by, field: field, service: nil)
    }

    /// How a managed device links, by the serial a member's `devices` declares, else its owner's email.
    public func device(serial: String, email: String?) -> Link {
        var claimants = serials[serial.lowercased()] ?? []
        var (by, field): (String?, String?) = claimants.isEmpty ? (nil, nil) : ("serial", "serial")
        if claimants.isEmpty, let email, let found = emails[email.lowercased()] {
            claimants = found
            (by, field) = ("email", "owner_email")
        }
        return Self.link(claimants: claimants, by: by, field: field, service: nil)
    }

    private static func link(claimants: [String], by: String?, field: String?, service: String?) -> Link {
        switch (claimants.count, service) {
        case (0, nil): Link(state: "unlinked", claimants: [])
        case (0, let service?): Link(state: "service", linkedBy: "service-account", claimants: [], serviceAccount: service, decidingField: "native_id")
        case (1, nil): Link(state: "linked", person: claimants[0], linkedBy: by, claimants: claimants, decidingField: field)
        default: Link(state: "ambiguous", claimants: claimants, serviceAccount: service, decidingField: field)
        }
    }
}
