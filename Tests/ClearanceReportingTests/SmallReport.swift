import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting

/// A small report built by hand, without loading policies or documents: three rules in two policies, three people
/// (one cleared, one a candidate still in the pipeline, one given credentials too early), a live and an expired
/// waiver, an element finding, an error, a comparison with last week's baseline, and one vendor's export read as a source
/// (ana.lopez's observed accounts among them).
enum SmallReport {
    /// The evaluation time: 2026-11-20, midnight UTC.
    static let asOf = time(2026, 11, 20)

    /// The context every format is rendered with: fail on high, as `clearance check` was run.
    static let context = ReportContext(failOn: .high, commandLine: ["clearance", "check", "--as-of", "2026-11-20", "--fail-on", "high",
                                                                    "--baseline", "baseline.json"],
                                       toolVersion: "0.1.0")

    static let onboarding = PolicyInfo(id: "onboarding", title: "Pre-credentials clearance", version: "1.0.0", target: .teamMember,
                                       description: "What must hold before a person receives credentials.")
    static let zeroTrust = PolicyInfo(id: "zero-trust-baseline", title: "Zero-trust access baseline", version: "2.1.0", target: .teamMember,
                                      description: "Identity and device controls for everyone who holds access.",
                                      file: "policies/zero-trust-baseline.yaml", settings: [
                                          SettingInfo(name: "accepted_mfa", type: "list<string>", description: "The MFA methods that count as MFA.",
                                                      value: .array([.string("totp"), .string("webauthn")]), valueText: "[\"totp\",\"webauthn\"]",
                                                      origin: "clearance.yaml:9:19"),
                                          SettingInfo(name: "max_patch_age", type: "duration", description: "How long a device may go without patches.",
                                                      value: .string("30d"), valueText: "30d", origin: nil),
                                      ])

    static let backgroundCheck = rule("PC-01", "Background check passed before credentials", onboarding, .critical,
                                      controls: ["SOC2:CC1.4", "ISO27001:A.6.1"],
                                      remediation: "Record a background check that passed before credentials are issued.",
                                      gates: [RuleInfo.preCredentialsGate],
                                      description: "No credential is issued to someone whose background check has not passed.")
    static let strongMFA = rule("ZT-02", "MFA is enrolled with a factor stronger than SMS", zeroTrust, .high,
                                controls: ["SOC2:CC6.1", "NIST800-53:IA-2"], remediation: "Enrol a TOTP or WebAuthn factor and remove SMS.")
    static let managedDevices = rule("ZT-04", "Devices are managed and encrypted", zeroTrust, .medium,
                                     controls: ["ISO27001:A.8.1", "SOC2:CC6.1"], remediation: "Enrol the device in MDM and turn on disk encryption.")

    /// A SOC 2 table of four criteria, two of which no rule covers (one title holds characters every format escapes);
    /// ISO 27001 and NIST 800-53 have no table.
    static let soc2Table = ControlTable(
        framework: .soc2, title: "SOC 2 (Trust Services Criteria)", version: "TSC 2017", scope: "four criteria",
        controls: [ControlTable.Entry(id: "CC1.4", title: "Competent individuals are attracted, developed and retained."),
                   ControlTable.Entry(id: "CC6.1", title: "Logical access security over protected information assets."),
                   ControlTable.Entry(id: "CC6.2", title: "Users are registered <before> credentials & removed when no longer authorized."),
                   ControlTable.Entry(id: "CC6.6", title: "Threats from outside the system boundaries.")])

    static let catalogue = RuleCatalogue(
        policies: [onboarding, zeroTrust], rules: [backgroundCheck, strongMFA, managedDevices],
        digests: [FileDigest(path: "policies/onboarding.yaml", role: .policy, bytes: Array("kind: Policy\nid: onboarding\n".utf8)),
                  FileDigest(path: "policies/zero-trust-baseline.yaml", role: .policy, bytes: Array("kind: Policy\nid: zero-trust-baseline\n".utf8))],
        overrides: [OverrideInfo(ruleID: "ZT-04", packSeverity: .high, severity: .medium, disabled: false,
                                 justification: "Laptops are re-imaged <weekly> & kept in the office.", approvedBy: "marta.ruiz", expires: "2026-12-31",
                                 location: SourceLocation(file: "clearance.yaml", line: 12, column: 3, offset: 180), isLive: true)],
        frameworks: [soc2Table])

    /// The waivers file: a live waiver of ana.lopez's MFA, and one of carla.diaz's device that expired in October.
    static let waiversText = """
        kind: Waiver
        id: W-2026-014
        rule: ZT-02
        subject: ana.lopez
        justification: Hardware keys are on order; TOTP is enrolled meanwhile.
        approved_by: marta.ruiz
        expires: 2026-12-15
        ---
        kind: Waiver
        id: W-2026-002
        rule: ZT-04
        subject: carla.diaz
        justification: A replacement laptop was due in October.
        approved_by: marta.ruiz
        expires: 2026-10-31

        """

    static let people = [
        person("ana.lopez", "Ana López", "active", ["Backend Engineer", "Bogotá"], issued: time(2026, 1, 12)),
        person("ben.okafor", "Ben Okafor", "candidate", ["Data Analyst", "Lagos"], issued: nil),
        person("carla.diaz", "Carla Díaz", "active", ["Site Reliability Engineer", "Madrid"], issued: time(2026, 3, 2, 9)),
    ]

    /// The report: every finding kept (as for the HTML and JUnit formats), compared with last week's baseline.
    static func make() throws -> Report {
        let waivers = try loadWaivers()
        let live = waivers[0], expired = waivers[1]
        let findings = [
            finding(backgroundCheck, .pass, "ana.lopez", at: 8, 3),
            finding(strongMFA, .waived, "ana.lopez", "ana.lopez enrols only SMS as an MFA factor", at: 14, 5, waiver: live),
            finding(managedDevices, .pass, "ana.lopez", element: 0, at: 18, 5),
            finding(managedDevices, .fail, "ana.lopez", "device LT-0932 is not encrypted (encryption: none)", element: 1, at: 22, 5),
            finding(backgroundCheck, .pending, "ben.okafor", "ben.okafor has no background check that passed (status: pending, date: not recorded)",
                    at: 9, 3),
            finding(strongMFA, .skip, "ben.okafor", at: 1, 1),
            finding(managedDevices, .skip, "ben.okafor", at: 1, 1),
            finding(backgroundCheck, .fail, "carla.diaz",
                    "carla.diaz has no background check that passed before credentials were issued (status: passed, date: 2026-03-09; credentials issued: 2026-03-02T09:00:00Z)",
                    at: 8, 3),
            finding(strongMFA, .error, "carla.diaz", "cannot evaluate require: no such key: factors", at: 15, 5),
            finding(managedDevices, .fail, "carla.diaz", "device LT-1107 is not enrolled in MDM (mdm: none)", element: 0, at: 19, 5),
            Finding(rule: RuleInfo.expiredWaiver, status: .fail, subject: expired.id, kind: .waiver, element: nil,
                    message: "waiver \(expired.id) for \(expired.ruleID) on \(expired.subject) expired \(expired.expiresText); it waives nothing",
                    location: expired.expiresLocation, waiver: expired),
        ]
        var summary: [FindingStatus: Int] = [:]
        for finding in findings { summary[finding.status, default: 0] += 1 }
        let inputs = people.map { FileDigest(path: $0.location.file, role: .input, bytes: Array("kind: TeamMember\nid: \($0.id)\n".utf8)) }
            + [FileDigest(path: "waivers/2026.yaml", role: .input, bytes: Array(waiversText.utf8)), oktaExport]
        let report = Report(asOf: asOf, findings: findings, summary: summary, documentsChecked: people.count, catalogue: catalogue,
                            inputFiles: inputs, waivers: waivers, subjects: people, sources: [oktaSource], accounts: ["ana.lopez": anaAccounts])
        return report.comparing(with: Baseline(lastWeek(findings)))
    }

    /// The identity provider's users, read as a source (the export's digest among the input files, last).
    static let oktaExport = FileDigest(path: "exports/okta-users.json", role: .source,
                                       bytes: Array(#"[{"id":"00u1","status":"ACTIVE","profile":{"login":"ana.lopez@example.com"}}]"#.utf8))
    /// Its summary: three users, two linked to people, one nobody holds.
    static let oktaSource = SourceSummary(format: "okta-users", file: "exports/okta-users.json", system: "okta", scope: "example.okta.com",
                                          sha256: oktaExport.sha256, generatedAt: time(2026, 11, 19, 6), records: 3,
                                          links: ["linked": 2, "unlinked": 1], extraFiles: [])
    /// ana.lopez's accounts as the sources observed them: her Okta user, and a GitHub login without MFA.
    static let anaAccounts = [
        ObservedAccount(id: "github:acme:ana-lopez", system: "github", scope: "acme", nativeID: "ana-lopez", login: "ana-lopez", status: "active",
                        mfaEnabled: false, mfaMethods: [], privileged: true, lastSeen: nil, neverSeen: false,
                        location: SourceLocation(file: "exports/github-members.json", line: 2, column: 3, offset: 4)),
        ObservedAccount(id: "okta:example.okta.com:00u1", system: "okta", scope: "example.okta.com", nativeID: "00u1", login: "ana.lopez@example.com",
                        status: "active", mfaEnabled: true, mfaMethods: ["webauthn"], lastSeen: time(2026, 11, 18, 9), neverSeen: false,
                        location: SourceLocation(file: "exports/okta-users.json", line: 1, column: 2, offset: 1)),
    ]

    /// Last week's report: ana.lopez's unencrypted device failed already, and dan.kim's SMS-only MFA, fixed since.
    static func lastWeek(_ findings: [Finding]) -> Report {
        let accepted = findings.filter { $0.rule.id == managedDevices.id && $0.subject == "ana.lopez" && $0.status == .fail }
        let fixed = finding(strongMFA, .fail, "dan.kim", "dan.kim enrols only SMS as an MFA factor", at: 14, 5)
        return Report(asOf: time(2026, 11, 13), findings: accepted + [fixed], summary: [.fail: accepted.count + 1], documentsChecked: 4,
                      catalogue: catalogue, inputFiles: [], waivers: [])
    }

    /// The two waivers, read from ``waiversText`` so that they point at its lines.
    static func loadWaivers() throws -> [Waiver] {
        try YAMLLoader(symbols: SymbolTable()).load(text: waiversText, name: "waivers/2026.yaml").map { document in
            let root = document.root
            func field(_ key: String) -> Node { root[key]! }  // safe: every key is in waiversText
            let expires = field("expires").timestamp!  // safe: a date
            return Waiver(id: field("id").string!, ruleID: field("rule").string!, subject: field("subject").string!,
                          justification: field("justification").string!, approvedBy: field("approved_by").string!,
                          expiresAt: Timestamp(seconds: expires.seconds + 86_400)!, expiresText: String(expires.rfc3339.prefix(10)),
                          location: root.location, expiresLocation: field("expires").location, subjectLocation: field("subject").location,
                          approverLocation: field("approved_by").location, source: document.source)
        }
    }

    static func rule(_ id: String, _ title: String, _ policy: PolicyInfo, _ severity: Severity, controls: [String], remediation: String,
                     gates: [String] = [], description: String? = nil) -> RuleInfo {
        RuleInfo(id: id, title: title, description: description, policyID: policy.id, policyTitle: policy.title, severity: severity,
                 controls: controls.compactMap(Control.init).sorted(), remediation: remediation, gates: gates, target: policy.target)
    }

    static func person(_ id: String, _ name: String, _ status: String, _ details: [String], issued: Timestamp?) -> Subject {
        Subject(kind: .teamMember, id: id, name: name, status: status, details: details,
                location: SourceLocation(file: "team/\(id).yaml", line: 1, column: 1, offset: 0),
                credentials: CredentialState(status: status, hasCredentials: issued != nil, credentialsIssued: issued, holdsAccess: issued != nil))
    }

    /// A finding about a person; a pass or a skip says the rule's title, as the engine's do.
    static func finding(_ rule: RuleInfo, _ status: FindingStatus, _ subject: String, _ message: String? = nil, element: Int? = nil,
                        at line: Int, _ column: Int, waiver: Waiver? = nil) -> Finding {
        Finding(rule: rule, status: status, subject: subject, kind: .teamMember, element: element.map { "devices[\($0)]" },
                elementIndex: element ?? -1, message: message ?? rule.title,
                location: SourceLocation(file: "team/\(subject).yaml", line: line, column: column, offset: 0), waiver: waiver)
    }

    static func time(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) -> Timestamp {
        Timestamp(seconds: CivilTime(year: year, month: month, day: day, hour: hour).secondsSinceEpoch)!  // safe: in range
    }
}
