/// Writes TeamMember, Vendor and AccessManifest documents shaped exactly as DESIGN.md describes.
///
/// Each member has 1–3 devices and 3–15 grants over github/aws/azure/gcp/jira/slack in every
/// environment, a contract whose clauses are sometimes missing, and about 15% of members carry
/// one or two violations. The as-of date the data is built around is 2026-11-20.
struct OrganisationGenerator {
    /// One generated member: its id and its file's text.
    struct Member {
        var id: String
        var yaml: String
    }

    private var random: RandomSource
    private let memberCount: Int
    private let vendors = ["talentbridge", "nearshore-partners", "norte-contractors"]

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
        ("github", ["acme/payments-api", "acme/ledger", "acme/web-checkout", "acme/mobile-app", "acme/infra-terraform"], ["read", "write", "maintain", "admin"]),
        ("aws", ["acme-prod/payments", "acme-prod/data-lake", "acme-dev/sandbox", "acme-staging/platform"], ["ReadOnly", "PowerUser", "Administrator"]),
        ("azure", ["acme-analytics/warehouse", "acme-ad/directory"], ["Reader", "Contributor", "Owner"]),
        ("gcp", ["acme-ml/training", "acme-ml/serving"], ["viewer", "editor", "owner"]),
        ("jira", ["PAY", "LEDGER", "SEC"], ["user", "admin"]),
        ("slack", ["acme.slack.com"], ["member", "admin"]),
    ]
    static let environments = ["production", "staging", "development", "corporate"]

    /// The id of member `index`, stable for a seed-independent lookup by approvers and reviewers.
    func memberID(_ index: Int) -> String {
        let first = Self.firstNames[index % Self.firstNames.count]
        let last = Self.lastNames[(index / Self.firstNames.count) % Self.lastNames.count]
        return Self.asciiID(first) + "." + Self.asciiID(last) + "." + String(index)
    }

    static func asciiID(_ name: String) -> String {
        let map: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n"]
        return String(name.lowercased().map { map[$0] ?? $0 })
    }

    /// Security owners are every 50th member (never offboarded).
    func isSecurityOwner(_ index: Int) -> Bool { index % 50 == 0 }

    mutating func member(at index: Int) -> Member {
        let id = memberID(index)
        let first = Self.firstNames[index % Self.firstNames.count]
        let last = Self.lastNames[(index / Self.firstNames.count) % Self.lastNames.count]
        let owner = memberID((index / 50) * 50 == index ? (index + 50 < memberCount ? index + 50 : 0) : (index / 50) * 50)
        let violating = random.chance(0.15)
        var violations = Set<Int>()
        if violating { for _ in 0..<random.int(1...2) { violations.insert(random.int(0...9)) } }

        let status = isSecurityOwner(index) ? "active" : random.pick(["active", "active", "active", "active", "active", "active", "onboarding", "offboarding", "offboarded", "candidate"])
        let model = isSecurityOwner(index) ? "direct" : random.pick(["direct", "eor", "eor", "staff-augmentation", "contractor"])
        let startMonth = random.int(1...9), startDay = random.int(1...28)
        let start = date(2026 - random.int(0...2), startMonth, startDay)
        var y = ""
        y += "# yaml-language-server: $schema=../../Schemas/team-member.schema.json\n"
        y += "kind: TeamMember\nid: \(id)\nname: \(first) \(last)\nemail: \(id)@example.com\nstatus: \(status)\n"
        y += "title: \(random.pick(Self.titles))\n"
        y += isSecurityOwner(index) ? "roles: [security-owner]\n" : (index % 97 == 0 ? "roles: [it-admin]\n" : "roles: []\n")
        y += "location: {city: \(random.pick(Self.cities)), country: MX}\n"
        y += "engagement:\n  model: \(model)\n"
        if model != "direct" { y += "  vendor: \(violations.contains(9) ? "unknown-agency" : random.pick(vendors))\n" }
        y += "  start: \(start)\n  end: \(model == "contractor" || status == "offboarded" ? date(2026, 10, random.int(1...28)) : "null")\n"
        y += "security_owner: \(owner)\n"
        let credentials = status == "candidate" ? "null" : "\(start)T15:00:00Z"
        y += "identity:\n  sso: \(!violations.contains(0))\n"
        y += "  mfa: \(violations.contains(1) ? "[sms]" : random.pick(["[webauthn, totp]", "[webauthn]", "[totp]", "[push, webauthn]"]))\n"
        y += "  last_login: 2026-11-\(String(format2: random.int(1...19)))T\(String(format2: random.int(0...23))):\(String(format2: random.int(0...59))):00Z\n"
        y += "  credentials_issued: \(credentials)\n"
        y += "checks:\n  background: {status: \(violations.contains(2) ? "pending" : "passed"), date: \(start)}\n"
        y += "  security_training: {completed: \(start), expires: \(date(2027, startMonth, startDay))}\n"
        y += "  policies_acknowledged: \(start)\n"
        y += "devices:\n"
        for device in 0..<random.int(1...3) {
            let bad = violations.contains(3) && device == 0
            y += "  - id: LAP-\(String(index * 3 + device))\n"
            y += "    model: \(random.pick(["ThinkPad T14 Gen 4", "MacBook Pro 14 M3", "Dell Latitude 7440", "MacBook Air 15 M2"]))\n"
            y += "    managed: true\n    encrypted: \(!bad)\n    endpoint_protection: true\n    auto_updates: \(!bad)\n"
            y += "    last_patched: \(bad ? "2026-06-02" : date(2026, 11, random.int(1...18)))\n"
            y += "    serial: \(String(random.next() % 1_000_000_000, radix: 36).uppercased())\n"
        }
        y += "access:\n"
        for grant in 0..<random.int(3...15) {
            let system = random.pick(Self.systems)
            let environment = random.pick(Self.environments)
            let granted = date(2026, random.int(1...10), random.int(1...28))
            let reviewer = grant == 0 && violations.contains(4) ? id : owner
            let staleReview = violations.contains(5) && grant == 1
            y += "  - system: \(system.name)\n"
            y += "    resource: \(random.pick(system.resources))\n"
            y += "    role: \(random.pick(system.roles))\n"
            y += "    environment: \(environment)\n"
            y += "    granted: \(granted)\n"
            y += "    approved_by: \(owner)\n"
            y += "    ticket: \(violations.contains(6) && grant == 0 ? "null" : "SEC-\(random.int(1000...9999))")\n"
            y += "    credential: \(violations.contains(7) && grant == 0 ? "static-key" : random.pick(["sso", "sso", "short-lived"]))\n"
            y += "    expires: \(environment == "production" ? date(2027, random.int(1...6), random.int(1...28)) : "null")\n"
            y += "    last_review: {date: \(staleReview ? "2026-03-01" : date(2026, random.int(9...11), random.int(1...15))), reviewer: \(reviewer), decision: keep}\n"
            y += "    revoked: \(status == "offboarded" && !violations.contains(8) ? "2026-10-30T18:00:00Z" : "null")\n"
            y += "    justification: \(random.pick(["On-call rotation for the payments service", "Feature work on the ledger reconciliation job", "Analytics dashboards for the growth team", "Migration of build pipelines to the new runners"]))\n"
        }
        y += "contract:\n  signed: \(start)\n  clauses:\n"
        let covers = violations.contains(9) ? "[code, documentation]" : "[code, models, documentation, prompts, datasets, derivative-works]"
        y += "    ip_assignment: {signed: true, covers: \(covers)}\n"
        y += "    confidentiality: {signed: true, survives_termination: true}\n"
        if !(violating && random.chance(0.3)) {
            y += "    security_obligations: {device_control: true, access_management: true, incident_notification_hours: \(random.pick([24, 48, 72]))}\n"
        }
        y += "    termination: {notice_days: 30, transition_support: true, return_of_assets: true, access_revocation: same-day}\n"
        y += "    service_expectations: {availability: true, communication_cadence: weekly, quality_standards: true}\n"
        if status == "offboarding" || status == "offboarded" {
            y += "offboarding:\n  exit: 2026-10-30T17:00:00Z\n  access_revoked: \(violations.contains(8) ? "null" : "2026-10-30T18:30:00Z")\n"
            y += "  assets_returned: true\n  devices_wiped: \(!violations.contains(3))\n"
        }
        return Member(id: id, yaml: y)
    }

    func vendorsYAML() -> String {
        """
        kind: Vendor
        id: talentbridge
        name: TalentBridge
        type: employer-of-record
        touches: [code, credentials]
        last_security_audit: 2026-03-15
        ip_assignment_flowdown: true
        ---
        kind: Vendor
        id: nearshore-partners
        name: Nearshore Partners
        type: staffing-partner
        touches: [code, data]
        last_security_audit: 2025-09-30
        ip_assignment_flowdown: true
        ---
        kind: Vendor
        id: norte-contractors
        name: Norte Contractors
        type: contractor-agency
        touches: [code]
        last_security_audit: 2026-06-01
        ip_assignment_flowdown: false

        """
    }

    mutating func manifestsYAML() -> [(String, String)] {
        var result: [(String, String)] = []
        for system in ["github", "aws"] {
            var y = "kind: AccessManifest\nid: \(system)-acme\nsystem: \(system)\nowner: \(memberID(0))\ngrants:\n"
            for _ in 0..<max(1, memberCount / 20) {
                let member = memberID(random.int(0...(memberCount - 1)))
                let production = random.chance(0.3)
                y += "  - {member: \(member), resource: acme/\(random.pick(["payments-api", "ledger", "web-checkout"])), role: write, "
                y += "environment: \(production ? "production" : "development"), ticket: SEC-\(random.int(1000...9999))"
                y += production ? ", expires: 2027-01-15}\n" : "}\n"
            }
            result.append(("\(system)-acme", y))
        }
        return result
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(String(format2: month))-\(String(format2: day))"
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
