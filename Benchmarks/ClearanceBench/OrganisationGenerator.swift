import ClearanceCore

/// Writes TeamMember, Vendor and AccessManifest documents shaped exactly as DESIGN.md describes.
///
/// Built around an as-of date of 2026-11-20: a clean member satisfies every shipped rule then,
/// and about 15% of members carry one or two realistic violations (with `violationHeavy`, nine in ten carry six to ten). Each member has 1–3 devices
/// and 3–15 grants over github/aws/azure/gcp/jira/slack in every environment; contracts
/// sometimes miss a clause. About 6 KB per member.
struct OrganisationGenerator {
    /// One generated member: its id and its file's text.
    struct Member {
        var id: String
        var yaml: String
    }

    /// The kinds of violation a member may carry.
    enum Violation: CaseIterable {
        case noSSO, smsOnly, unencryptedDevice, stalePatch, staleReview, selfReview, missingTicket, staticKey,
             unrevokedAfterExit, narrowIPAssignment, slowIncidentNotice, pendingBackground, unknownVendor, missingClause
    }

    private var random: RandomSource
    private let memberCount: Int
    /// Whether each member claims an AWS IAM user named by its id (`accounts: {aws: <id>}`), for a generated credential report.
    var claimsAccounts = false
    /// Whether most members carry many violations, as in a first audit (`--violations heavy`), rather than about 15% one or two.
    var violationHeavy = false

    init(seed: UInt64, memberCount: Int) {
        random = RandomSource(seed: seed)
        self.memberCount = memberCount
    }

    static let firstNames = ["Ana", "Luis", "Marta", "Jorge", "Sofía", "Diego", "Valeria", "Andrés", "Camila", "José",
                             "Fernanda", "Ricardo", "Daniela", "Emilio", "Regina", "Tomás", "Ximena", "Héctor", "Lucía", "Iván"]
    static let lastNames = ["López", "Ruiz", "García", "Hernández", "Martínez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores",
                            "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Mendoza"]
    static let cities = ["Mexico City", "Guadalajara", "Monterrey", "Tijuana"]
    static let titles = ["Backend Engineer", "Frontend Engineer", "Data Engineer", "Site Reliability Engineer",
                         "QA Engineer", "Engineering Manager", "Machine Learning Engineer", "Security Engineer"]
    static let systems: [(name: String, resources: [String], roles: [String])] = [
        ("github", ["acme/payments-api", "acme/ledger-service", "acme/web-checkout", "acme/mobile-app", "acme/infrastructure-terraform"], ["read", "write", "maintain", "admin"]),
        ("aws", ["acme-prod/PaymentsOperator", "acme-prod/DataLakeReader", "acme-dev/SandboxDeveloper", "acme-staging/PlatformEngineer"], ["ReadOnly", "PowerUser", "admin"]),
        ("azure", ["acme-analytics/warehouse-readers", "acme-directory/helpdesk-operators"], ["Reader", "Contributor", "owner"]),
        ("gcp", ["acme-ml/training-pipelines", "acme-ml/model-serving"], ["viewer", "editor", "owner"]),
        ("jira", ["PAYMENTS", "LEDGER", "SECURITY"], ["user", "admin"]),
        ("slack", ["acme.slack.com"], ["member", "admin"]),
    ]
    /// The roles the packs' default `privileged_roles` count as privileged, for the systems above.
    static let privilegedRoles = ["github": ["admin", "maintain"], "azure": ["Contributor"], "slack": ["admin"]]
    static let environments = ["production", "staging", "development", "corporate"]
    static let reasons = ["On-call rotation for the payments service", "Feature work on ledger reconciliation",
                          "Dashboards for the growth analytics team", "Migration of build pipelines to the new runners",
                          "Incident follow-up for the checkout outage", "Model evaluation for fraud scoring"]
    static let vendorForModel = ["eor": "talentbridge", "staff-augmentation": "nearshore-partners", "contractor": "norte-contractors"]

    /// The id of member `index`.
    func memberID(_ index: Int) -> String {
        let first = Self.firstNames[index % Self.firstNames.count]
        let last = Self.lastNames[(index / Self.firstNames.count) % Self.lastNames.count]
        return Self.asciiID(first) + "." + Self.asciiID(last) + "." + String(index)
    }

    static func asciiID(_ name: String) -> String {
        let map: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n"]
        return String(name.lowercased().map { map[$0] ?? $0 })
    }

    /// Every 50th member is a security owner (always active, hired directly).
    func isSecurityOwner(_ index: Int) -> Bool { index % 50 == 0 }

    /// The security owner accountable for member `index`: the owner of its block of 50, or the next block's for an owner.
    func ownerIndex(of index: Int) -> Int {
        let block = (index / 50) * 50
        guard block == index else { return block }
        let next = index + 50
        return next < memberCount ? next : (index == 0 ? (memberCount > 50 ? 50 : 0) : 0)
    }

    mutating func member(at index: Int) -> Member {
        let id = memberID(index)
        let first = Self.firstNames[index % Self.firstNames.count]
        let last = Self.lastNames[(index / Self.firstNames.count) % Self.lastNames.count]
        let owner = memberID(ownerIndex(of: index))
        let secondReviewerIndex = ownerIndex(of: ownerIndex(of: index))
        let secondReviewer = memberID(secondReviewerIndex == index || secondReviewerIndex == ownerIndex(of: index) ? 0 : secondReviewerIndex)
        let securityOwner = isSecurityOwner(index)
        let status = securityOwner ? "active"
            : random.pick(["active", "active", "active", "active", "active", "active", "active", "onboarding", "offboarding", "candidate"])
        let model = securityOwner ? "direct" : random.pick(["direct", "eor", "eor", "staff-augmentation", "contractor"])
        var violations = Set<Violation>()
        if violationHeavy {
            // A first audit: nine members in ten carry six to ten kinds of violation.
            if random.chance(0.9) { for _ in 0..<random.int(6...10) { violations.insert(random.pick(Violation.allCases)) } }
        } else if random.chance(0.17) {
            for _ in 0..<random.int(1...2) { violations.insert(random.pick(Violation.allCases)) }
        }

        // Dates: credentials issued 2–20 months before the as-of date; candidates have none yet.
        // (Never 320-400 days ago: training from the year before would be expiring around the as-of date.)
        var issuedDay = random.int(60...520)
        if issuedDay > 320 { issuedDay += 80 }
        let credentials = status == "candidate" ? nil : Day(-issuedDay)
        let hired = credentials ?? Day(random.int(5...25))
        // Evidence is never from the future: a candidate's checks are done by the as-of date, ahead of the planned start.
        let ready = credentials ?? Day(0)
        let prepared = Day(ready.offset - random.int(3...20))

        var y = "# yaml-language-server: $schema=../../Schemas/team-member.schema.json\n"
        y += "# State file for \(first) \(last): \(random.pick(Self.titles)), \(random.pick(Self.cities)).\n"
        y += "# Kept by IT Operations; access entries are reconciled with the identity provider every Monday.\n"
        y += "# Devices come from the MDM export; contract clauses from the signed agreement on file with People Ops.\n"
        y += "# Questions about this file go to the security owner named below.\n"
        y += "kind: TeamMember\nid: \(id)\nname: \(first) \(last)\nemail: \(id)@example.com\nstatus: \(status)\n"
        y += "title: \(random.pick(Self.titles))\n"
        y += securityOwner ? "roles: [security-owner]\n" : (index % 97 == 0 ? "roles: [it-admin]\n" : "roles: []\n")
        y += "location: {city: \(random.pick(Self.cities)), country: MX}\n"
        y += "engagement:\n  model: \(model)\n"
        if model != "direct" { y += "  vendor: \(violations.contains(.unknownVendor) ? "devsur-staffing" : Self.vendorForModel[model] ?? "talentbridge")\n" }
        let contractEnd = model == "contractor" ? Day(random.int(60...300)) : nil
        y += "  start: \(hired)\n  end: \(contractEnd.map(\.description) ?? "null")\n"
        y += "security_owner: \(owner)\n"
        if claimsAccounts { y += "accounts: {aws: \(id)}\n" }
        y += "identity:\n  sso: \(!violations.contains(.noSSO))\n  idp_id: 00u-\(id)\n"
        // Production and privileged access needs phishing-resistant MFA alone, so WebAuthn is all most people keep.
        y += "  mfa: \(violations.contains(.smsOnly) ? "[sms]" : "[webauthn]")\n"
        y += "  last_login: \(status == "candidate" ? "null" : Day(-random.int(1...20)).dateTime(hour: random.int(7...20), minute: random.int(0...59)))\n"
        y += "  credentials_issued: \(credentials.map { $0.dateTime(hour: 15, minute: 0) } ?? "null")\n"
        y += "checks:\n"
        y += "  background: {status: \(violations.contains(.pendingBackground) ? "pending" : "passed"), date: \(violations.contains(.pendingBackground) ? "null" : prepared.description)}\n"
        // Trained just before credentials; after a year, the latest renewal is what the file holds.
        let trained = hired.offset <= -370 ? Day(-random.int(10...300)) : Day(ready.offset - 2)
        y += "  security_training: {completed: \(trained), expires: \(Day(trained.offset + 365))}\n"
        // Acknowledged just before credentials; after a year, the yearly re-acknowledgement is what the file holds.
        let acknowledged = hired.offset <= -370 ? Day(-random.int(10...300)) : Day(ready.offset - 1)
        y += "  policies_acknowledged: \(acknowledged)\n"

        y += "devices:\n"
        for device in 0..<random.int(1...3) {
            let unencrypted = violations.contains(.unencryptedDevice) && (device == 0 || violationHeavy)
            let stale = violations.contains(.stalePatch) && (device == 0 || violationHeavy)
            y += "  # enrolled in MDM on \(Day(hired.offset - 1)); asset tag AT-\(String(100_000 + index * 3 + device))\n"
            y += "  - id: \(random.pick(["LAP", "MBP", "WKS"]))-\(String(index * 3 + device))\n"
            y += "    managed: true\n    encrypted: \(!unencrypted)\n    endpoint_protection: true\n    auto_updates: \(!stale)\n"
            y += "    last_patched: \(stale ? Day(-75) : Day(-random.int(1...25)))\n"
            y += "    screen_lock_minutes: \(random.pick([2, 5, 10]))\n    password_manager: true\n"
        }

        y += "access:\n"
        let offboarding = status == "offboarding"
        let exit = offboarding ? (random.chance(0.5) ? Day(random.int(3...20)) : Day(-random.int(3...30))) : nil
        let grants = status == "candidate" ? 0 : random.int(3...15)
        if grants == 0 { y.removeLast("access:\n".count); y += "access: []\n" }
        for grant in 0..<grants {
            let system = random.pick(Self.systems)
            let environment = random.pick(Self.environments)
            let role = random.pick(system.roles)
            let elevated = Self.privilegedRoles[system.name, default: []].contains(role)
            let privileged = environment == "production" || elevated
            let granted = Day(max(-(issuedDay - random.int(0...30)), -random.int(20...(issuedDay > 25 ? issuedDay : 25))))
            var expires: Day? = nil
            if elevated { expires = Day(granted.offset + random.int(30...90)) }
            if let contractEnd { expires = Day(min(expires?.offset ?? contractEnd.offset, contractEnd.offset)) }
            let reviewAge = violations.contains(.staleReview) && (grant == 0 || violationHeavy) ? 150 : (privileged ? random.int(1...25) : random.int(5...80))
            let reviewDay = Day(max(-reviewAge, granted.offset))
            // The owner approves; another security owner reviews, so no one reviews their own approval.
            let reviewer = violations.contains(.selfReview) && (grant == 0 || violationHeavy) ? id : secondReviewer
            let cloud = ["aws", "azure", "gcp"].contains(system.name)
            let credential = violations.contains(.staticKey) && (grant == 0 || violationHeavy) && cloud ? "static-key" : random.pick(["sso", "sso", "short-lived"])
            let resource = violations.contains(.staticKey) && (grant == 0 || violationHeavy) && cloud ? "acme-prod/iam-user/\(id)" : random.pick(system.resources)
            let revoked: String
            if let exit, exit.offset <= 0 {
                revoked = violations.contains(.unrevokedAfterExit) && (grant == 0 || violationHeavy) ? "null" : exit.dateTime(hour: 18, minute: 30)
            } else {
                revoked = "null"
            }
            y += "  # \(random.pick(Self.reasons)); requested by \(owner), provisioned by IT Operations through the access portal.\n"
            y += "  - system: \(system.name)\n"
            y += "    resource: \(resource)\n"
            y += "    role: \(role)\n"
            y += "    environment: \(violations.contains(.staticKey) && (grant == 0 || violationHeavy) && cloud ? "production" : environment)\n"
            y += "    granted: \(granted)\n"
            y += "    approved_by: \(owner)\n    approved: \(Day(granted.offset - 1))\n"
            y += "    ticket: \(violations.contains(.missingTicket) && (grant == 0 || violationHeavy) ? "null" : "\(random.pick(["SEC", "IT"]))-\(random.int(1000...9999))")\n"
            y += "    credential: \(credential)\n"
            y += "    expires: \(expires.map(\.description) ?? "null")\n"
            y += "    last_review:\n      date: \(reviewDay)\n      reviewer: \(reviewer)\n      decision: keep\n"
            y += "    revoked: \(revoked)\n"
        }

        y += "contract:\n  signed: \(Day(prepared.offset - 2))\n  clauses:\n"
        let covers = violations.contains(.narrowIPAssignment) ? "[code, documentation, datasets]" : "[code, models, documentation, prompts, datasets, derivative-works]"
        y += "    ip_assignment:\n      signed: true\n      covers: \(covers)\n"
        y += "    confidentiality:\n      signed: true\n      survives_termination: true\n"
        if !violations.contains(.missingClause) {
            y += "    security_obligations:\n      device_control: true\n      access_management: true\n"
            y += "      incident_notification_hours: \(violations.contains(.slowIncidentNotice) ? 120 : random.pick([24, 48, 72]))\n"
        }
        y += "    termination:\n      notice_days: \(random.pick([15, 30, 60]))\n      transition_support: true\n      return_of_assets: true\n      access_revocation: same-day\n"
        y += "    service_expectations:\n      availability: true\n      communication_cadence: \(random.pick(["daily", "weekly", "biweekly"]))\n      quality_standards: true\n"
        if let exit {
            let left = exit.offset <= 0
            y += "offboarding:\n  exit: \(exit.dateTime(hour: 17, minute: 0))\n"
            y += "  access_revoked: \(left ? (violations.contains(.unrevokedAfterExit) ? "null" : exit.dateTime(hour: 18, minute: 30)) : "null")\n"
            y += "  assets_returned: \(left)\n  devices_wiped: \(left)\n"
            if left { y += "  ticket: IT-\(random.int(1000...9999))\n" }
        }
        return Member(id: id, yaml: y)
    }

    func vendorsYAML() -> String {
        """
        # yaml-language-server: $schema=../Schemas/vendor.schema.json
        kind: Vendor
        id: talentbridge
        name: TalentBridge
        type: employer-of-record
        touches: [code, credentials]
        last_security_audit: 2026-03-15
        due_diligence_completed: 2024-01-10
        ip_assignment_flowdown: true
        ---
        kind: Vendor
        id: nearshore-partners
        name: Nearshore Partners
        type: staffing-partner
        touches: [code, data]
        last_security_audit: 2026-02-10
        due_diligence_completed: 2024-01-10
        ip_assignment_flowdown: true
        ---
        kind: Vendor
        id: norte-contractors
        name: Norte Contractors
        type: contractor-agency
        touches: [code]
        last_security_audit: 2026-06-01
        due_diligence_completed: 2024-01-10
        ip_assignment_flowdown: true

        """
    }

    /// Two manifests (github and aws) naming about one member in twenty, each an active security owner's system.
    mutating func manifestsYAML() -> [(String, String)] {
        var result: [(String, String)] = []
        for (system, resources) in [("github", ["acme/payments-api", "acme/ledger-service", "acme/web-checkout"]),
                                    ("aws", ["acme-prod/PaymentsOperator", "acme-staging/PlatformEngineer"])] {
            var y = "# yaml-language-server: $schema=../../Schemas/access-manifest.schema.json\n"
            y += "kind: AccessManifest\nid: \(system)-acme\nsystem: \(system)\nowner: \(memberID(0))\ngrants:\n"
            for _ in 0..<max(1, memberCount / 20) {
                let member = memberID(50 * random.int(0...max(0, (memberCount - 1) / 50)))
                let production = random.chance(0.3)
                y += "  - {member: \(member), resource: \(random.pick(resources)), role: write, "
                y += "environment: \(production ? "production" : "development"), ticket: SEC-\(random.int(1000...9999))"
                y += production ? ", expires: \(Day(random.int(20...80)))}\n" : "}\n"
            }
            result.append(("\(system)-acme", y))
        }
        return result
    }
}

/// A day relative to the as-of date 2026-11-20 (offset 0), written as a YAML date.
struct Day: CustomStringConvertible {
    let offset: Int

    init(_ offset: Int) { self.offset = offset }

    /// Days since 1970-01-01 of 2026-11-20.
    static let asOfDays = 20_777

    var description: String {
        let (year, month, day) = CivilTime.civil(fromDays: Int64(Self.asOfDays + offset))
        return "\(year)-\(String(format2: month))-\(String(format2: day))"
    }

    /// An RFC 3339 date-time on this day.
    func dateTime(hour: Int, minute: Int) -> String { "\(description)T\(String(format2: hour)):\(String(format2: minute)):00Z" }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
