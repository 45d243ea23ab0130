import Foundation
import ClearanceTestSupport

/// The recorded sample sequence: four `audit --record` runs over a copy of the sample project, in which a member leaves,
/// their access is revoked two days after their exit (declared in their member file, and observed when each export stops
/// listing their account), findings are fixed and a new one appears.
///
/// | run | `--as-of` | what changed in the copy before the run |
/// | --- | --- | --- |
/// | 1 | 2026-11-20T00:00:00Z | nothing: the sample as shipped |
/// | 2 | 2026-11-22T12:00:00Z | Jorge Castillo (`jorge.castillo`, employed through an EOR) leaves: status `offboarding`, engagement end 2026-11-20, exit 2026-11-20T23:00:00Z (ticket IT-0702, assets returned, devices wiped); nothing is revoked yet |
/// | 3 | 2026-11-23T12:00:00Z | his access is revoked two days after exit: `access_revoked` and each of his three grants' `revoked` 2026-11-22T23:00:00Z; his grants leave both access manifests; the AWS credential report, regenerated 2026-11-22T23:30:00Z, no longer lists his account `jorge.castillo` (GitHub still lists `jcastillo-ops`) |
/// | 4 | 2026-11-24T12:00:00Z | the GitHub members export, regenerated 2026-11-24T06:00:00Z, no longer lists `jcastillo-ops`; the repository acme/infrastructure he owned gets a new owner (`ricardo.flores`) and loses his admin access (fixed); Ana López's laptop LAP-0192 is no longer encrypted (new); the waiver W-2026-021 waives ZT-03 of `gabriela.rios`, failing since run 1 (changed: fail to waived) |
///
/// The dates and people are constants here, for other tests of the same history (evidence over the period). Recording
/// takes a lock, so one sequence can be shared by tests running at once (``HistorySequenceTests/recorded``).
final class HistorySequence: @unchecked Sendable {
    /// The member who leaves.
    static let leaver = "jorge.castillo"
    /// The leaver's member file.
    static let leaverFile = "Fixtures/team/jorge.castillo.yaml"
    /// The leaver's exit time.
    static let exit = "2026-11-20T23:00:00Z"
    /// The end of the leaver's engagement (a date).
    static let engagementEnd = "2026-11-20"
    /// The declared revocation time of the identity and of every grant: two days (48 hours) after exit.
    static let revoked = "2026-11-22T23:00:00Z"
    /// The leaver's AWS account (the credential report's user).
    static let awsAccount = "jorge.castillo"
    /// When the AWS credential report that no longer lists the account was generated (the observed revocation in AWS).
    static let awsExportGenerated = "2026-11-22T23:30:00Z"
    /// The leaver's GitHub login.
    static let githubLogin = "jcastillo-ops"
    /// When the GitHub members export that no longer lists the login was generated (the observed revocation in GitHub).
    static let githubExportGenerated = "2026-11-24T06:00:00Z"
    /// When every sample export was generated (`generated_at` in the sample's clearance.yaml).
    static let sampleExportsGenerated = "2026-11-19T06:00:00Z"
    /// The member whose laptop stops being encrypted in run 4, and the laptop.
    static let newFindingMember = "ana.lopez", newFindingDevice = "LAP-0192"
    /// The waiver added before run 4: an open finding (ZT-03 of gabriela.rios, failing since run 1) becomes waived.
    static let waiver = """
        ---
        kind: Waiver
        id: W-2026-021
        rule: ZT-03
        subject: gabriela.rios
        justification: Security key ordered; TOTP accepted until it arrives
        approved_by: marta.ruiz
        expires: 2026-12-31

        """
    /// The evaluation time of each run, in order.
    static let asOf = ["2026-11-20T00:00:00Z", "2026-11-22T12:00:00Z", "2026-11-23T12:00:00Z", "2026-11-24T12:00:00Z"]

    /// A change the sequence expects to make and could not: the sample no longer has the text it replaces.
    struct SampleChanged: Error, CustomStringConvertible {
        let description: String
    }

    /// The copy of the sample project the runs are recorded in (its history: `.clearance/history.sqlite`).
    let project = SampleProjectCopy()
    /// The result of each `audit --record` so far.
    var results: [CommandRunner.Result] { lock.withLock { recorded } }
    private var recorded: [CommandRunner.Result] = []
    private let lock = NSLock()

    /// A copy of the sample with nothing recorded yet.
    init() {}

    /// Records every run not recorded yet, up to run `last` (1 to 4); returns every result.
    @discardableResult
    func record(through last: Int = 4) throws -> [CommandRunner.Result] {
        try lock.withLock {
            while recorded.count < last {
                let run = recorded.count + 1
                try change(before: run)
                recorded.append(try project.run(["audit", "--record", "--as-of", Self.asOf[run - 1]]))
            }
            return recorded
        }
    }

    /// Makes the changes of the table above that come before run `run`.
    func change(before run: Int) throws {
        switch run {
        case 2:
            try replace("status: active", with: "status: offboarding", in: Self.leaverFile)
            try replace("  end: null", with: "  end: \(Self.engagementEnd)", in: Self.leaverFile)
            try replace("# What links this person", with: """
                offboarding:
                  exit: \(Self.exit)
                  assets_returned: true
                  devices_wiped: true
                  ticket: IT-0702
                # What links this person
                """, in: Self.leaverFile)
        case 3:
            try replace("  exit: \(Self.exit)\n", with: "  exit: \(Self.exit)\n  access_revoked: \(Self.revoked)\n", in: Self.leaverFile)
            for _ in 0..<3 { try replace("    revoked: null", with: "    revoked: \(Self.revoked)", in: Self.leaverFile) }
            try replace("  - {member: jorge.castillo, resource: acme-prod, role: PlatformOperator,\n     environment: production, ticket: SEC-1390, expires: 2027-01-31}\n",
                        with: "", in: "Fixtures/access/aws-production.yaml")
            try replace("  - {member: jorge.castillo, resource: acme/infrastructure, role: maintain, environment: production,\n     ticket: SEC-1322}\n",
                        with: "", in: "Fixtures/access/github-acme.yaml")
            try removeLine(startingWith: Self.awsAccount + ",", in: "Fixtures/exports/aws-prod-credential-report.csv")
            try replace("    environment: production\n    generated_at: \(Self.sampleExportsGenerated)",
                        with: "    environment: production\n    generated_at: \(Self.awsExportGenerated)", in: "clearance.yaml")
        case 4:
            try removeGitHubMember(Self.githubLogin)
            try replace("two_factor_disabled: Fixtures/exports/github-2fa-disabled.json\n    generated_at: \(Self.sampleExportsGenerated)",
                        with: "two_factor_disabled: Fixtures/exports/github-2fa-disabled.json\n    generated_at: \(Self.githubExportGenerated)", in: "clearance.yaml")
            try replace("id: acme/infrastructure\nowner: jorge.castillo\n", with: "id: acme/infrastructure\nowner: ricardo.flores\n", in: "Fixtures/repositories.yaml")
            try replace("access:\n  - {member: jorge.castillo, permission: admin}\n", with: "access:\n", in: "Fixtures/repositories.yaml")
            // The laptop is the member's first device, whose `encrypted` is the first in the file.
            try replace("devices:\n  - id: \(Self.newFindingDevice)", with: "devices:\n  - id: \(Self.newFindingDevice)", in: "Fixtures/team/\(Self.newFindingMember).yaml")
            try replace("    encrypted: true", with: "    encrypted: false", in: "Fixtures/team/\(Self.newFindingMember).yaml")
            project.append(Self.waiver, to: "Fixtures/waivers.yaml")
        default:
            break
        }
    }

    /// Replaces the first `old` in a file of the copy, or fails.
    func replace(_ old: String, with new: String, in file: String) throws {
        guard project.replace(old, with: new, in: file) else { throw SampleChanged(description: "\(file) no longer holds \(old.debugDescription)") }
    }

    /// Removes the line starting with `prefix` from a file of the copy, or fails.
    func removeLine(startingWith prefix: String, in file: String) throws {
        let lines = project.read(file).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.hasPrefix(prefix) }
        guard kept.count == lines.count - 1 else { throw SampleChanged(description: "\(file) has no one line starting with \(prefix.debugDescription)") }
        project.write(file, kept.joined(separator: "\n"))
    }

    /// Removes a login's entry from the GitHub members export.
    func removeGitHubMember(_ login: String) throws {
        let file = "Fixtures/exports/github-members.json"
        let text = project.read(file)
        guard let start = text.range(of: "  {\n    \"login\": \"\(login)\""),
              let end = text.range(of: "  },\n", range: start.upperBound..<text.endIndex) else {
            throw SampleChanged(description: "\(file) no longer lists \(login)")
        }
        project.write(file, String(text[..<start.lowerBound]) + String(text[end.upperBound...]))
    }
}
