import Foundation
import Testing
import ClearanceTestSupport

/// Each format's test export (`Tests/ClearancePolicyTests/Resources/exports/`) as the documents `clearance inspect --format`
/// makes of it outside any project, compared with golden files whose every record was read against the export.
@Suite("Format exports")
struct FormatGoldenTests {
    static let exports = CommandRunner.packageRoot.appendingPathComponent("Tests/ClearancePolicyTests/Resources/exports")

    @Test(arguments: [
        ("google-workspace-users-csv", ["google-users.csv"], [String]()),
        ("google-workspace-users", ["google-users.json"], []),
        ("entra-users-csv", ["entra-users.csv", "entra-mfa-registration.json"], ["--with", "mfa_registration=entra-mfa-registration.json"]),
        ("atlassian-users-csv", ["atlassian-users.csv"], []),
        ("jamf-computers", ["jamf-computers.json"], []),
        ("intune-devices", ["intune-devices.json"], []),
        ("baton-grants", ["baton-grants.json"], ["--system", "slack", "--with", "privileged.entitlements=workspace_role:owner:assigned"]),
        ("baton-csv", ["baton-export.csv"], ["--system", "slack", "--with", "privileged.slugs=assigned"]),
    ])
    func theExportReadsAsItsFormatSays(format: String, files: [String], options: [String]) throws {
        let folder = TemporaryDirectory()
        for file in files {
            folder.write(file, Array(try Data(contentsOf: Self.exports.appendingPathComponent(file))))
        }
        let arguments = ["inspect", "--format", format, "--generated-at", "2026-11-19T06:00:00Z", "--scope", "acme"] + options + [files[0]]
        let result = try CommandRunner.run(arguments, in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 0)
        #expect(result.standardError == "note: no clearance.yaml found: records are linked to no one\n")
        Golden.expect(result.standardOutput, matches: "format-\(format).jsonl")
    }

    /// A baton export comes from any system: the command line names it, and names the parts of `privileged` it sets.
    @Test func aBatonExportNeedsItsSystemAndKnownPrivilegeParts() throws {
        let folder = TemporaryDirectory()
        folder.write("grants.json", Array(try Data(contentsOf: Self.exports.appendingPathComponent("baton-grants.json"))))
        let noSystem = try CommandRunner.run(["inspect", "--format", "baton-grants", "grants.json"], in: URL(fileURLWithPath: folder.path))
        #expect(noSystem.status == 2)
        #expect(noSystem.standardError.hasPrefix("Error: format baton-grants needs --system: it reads exports of many systems, so name this one's (such as salesforce)\n"))
        let typo = try CommandRunner.run(["inspect", "--format", "baton-grants", "--system", "slack", "--with", "privileged.slug=admin", "grants.json"],
                                         in: URL(fileURLWithPath: folder.path))
        #expect(typo.status == 2)
        #expect(typo.standardError.hasPrefix("Error: `privileged` has no part `slug` (did you mean 'slugs'?); it takes privileged.purposes, privileged.slugs, privileged.entitlements\n"))
    }
}
