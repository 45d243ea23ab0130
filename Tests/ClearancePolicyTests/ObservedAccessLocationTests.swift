import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearanceTestSupport
import Testing
@testable import ClearancePolicy

/// The shipped observed-access rules point a failure at the field that decided it: an account's
/// `status`, its `mfa.enabled`, a key's `last_rotated`, its `person`; a service account's `owner`
/// or `expires`; an export's `generated_at`.
@Suite("Observed-access finding locations")
struct ObservedAccessLocationTests {
    static let now = Timestamp(seconds: 1_795_132_800)!  // 2026-11-20T00:00:00Z

    /// Each document is its own text, so a finding's line counts from the document's first line.
    static let documents = [
        "kind: TeamMember\nid: a.gone\nname: Member Gone\nstatus: offboarded\noffboarding:\n  exit: 2026-11-01T17:00:00Z\n",
        "kind: TeamMember\nid: a.active\nname: Member Active\nstatus: active\n",
        """
        kind: Account
        id: "aws:111122223333:a-gone"
        system: aws
        native_id: a-gone
        status: active
        interactive: true
        root: false
        mfa:
          enabled: false
        never_seen: false
        credentials:
          - kind: access-key
            slot: 1
            active: true
            last_rotated: 2026-01-02T09:00:00Z
        person: a.gone
        link: linked
        claimants: [a.gone]
        source:
          format: aws-iam-credential-report
          file: exports/aws.csv
          sha256: 9a8b7c
          generated_at: 2026-11-19T06:00:00Z
          record: 2
        guest: false

        """,
        "kind: ServiceAccount\nid: deploy-bot\nsystem: aws\nnative_id: deploy-bot\nowner: a.gone\npurpose: Deploys\n",
        "kind: ServiceAccount\nid: migrate-bot\nsystem: aws\nnative_id: migrate-bot\nowner: a.active\npurpose: Migrates\nexpires: 2026-11-01\n",
        "kind: Account\nid: \"aws:1:deploy-bot\"\nsystem: aws\nnative_id: deploy-bot\nstatus: active\ninteractive: false\nroot: false\n"
            + "mfa: {}\nnever_seen: false\ncredentials: []\nlink: service\nclaimants: []\nservice_account: deploy-bot\n"
            + "source: {format: f, file: exports/aws.csv, sha256: s, generated_at: 2026-11-19T06:00:00Z, record: 3}\nguest: false\n",
        "kind: Account\nid: \"aws:1:migrate-bot\"\nsystem: aws\nnative_id: migrate-bot\nstatus: active\ninteractive: false\nroot: false\n"
            + "mfa: {}\nnever_seen: false\ncredentials: []\nlink: service\nclaimants: []\nservice_account: migrate-bot\n"
            + "source: {format: f, file: exports/aws.csv, sha256: s, generated_at: 2026-11-19T06:00:00Z, record: 4}\nguest: false\n",
        "kind: Source\nid: exports/aws.csv\nformat: aws-iam-credential-report\nfile: exports/aws.csv\nsystem: aws\nsha256: 9a8b7c\n"
            + "generated_at: 2026-10-31T06:00:00Z\nrecords: 3\nrecord_kind: Account\n",
    ]

    /// Every failing OBS finding as `RULE subject element line:column`, in report order.
    static func failures() throws -> [String] {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(paths: [CommandRunner.packageRoot.appendingPathComponent("Policies").path])
        let loader = YAMLLoader(symbols: policies.symbols)
        let roots = try documents.enumerated().flatMap { index, text in try loader.load(text: text, name: "doc-\(index).yaml").map(\.root) }
        let loaded = try InputLoader(symbols: policies.symbols).check(roots, policies: policies)
        let report = Engine(policies: policies, documents: loaded, now: now).run()
        return Finding.sortedForReports(report.findings).filter { $0.rule.id.hasPrefix("OBS-") && $0.status == .fail }.map { finding in
            "\(finding.rule.id) \(finding.subject)\(finding.element.map { " " + $0 } ?? "") \(finding.location.line):\(finding.location.column)"
        }
    }

    @Test func failuresPointAtTheDecidingField() throws {
        let found = try Self.failures()
        #expect(found.contains("OBS-02 aws:111122223333:a-gone 5:9"), "status: active; found \(found)")
        #expect(found.contains("OBS-03 aws:111122223333:a-gone 9:12"), "mfa.enabled: false; found \(found)")
        #expect(found.contains("OBS-04 aws:111122223333:a-gone credentials[0] 15:19"), "the key's last_rotated; found \(found)")
        #expect(found.contains("OBS-06 aws:111122223333:a-gone 16:9"), "person: a.gone; found \(found)")
        #expect(found.contains("OBS-11 deploy-bot 5:8"), "owner: a.gone; found \(found)")
        #expect(found.contains("OBS-11 migrate-bot 7:10"), "expires: 2026-11-01; found \(found)")
        #expect(found.contains("OBS-09 exports/aws.csv 7:15"), "generated_at; found \(found)")
        #expect(found.count == 7, "\(found)")
    }
}
