import Foundation
import Testing
import ClearanceTestSupport

/// The packs built into the binary: `policies: [builtin]`, `builtin:<file>`, and a real folder called builtin.
@Suite("Built-in packs")
struct BuiltinPackTests {
    static let asOf = ["--as-of", "2026-11-20"]

    @Test func theBuiltInPacksCheckLikeTheFilesTheyWereBuiltFrom() throws {
        let fromFiles = try CommandRunner.run(["check", "--policies", "Policies"] + Self.asOf)
        let builtIn = try CommandRunner.run(["check", "--policies", "builtin"] + Self.asOf)
        #expect(builtIn.status == 1)
        #expect(builtIn.standardOutput == fromFiles.standardOutput)
        // The framework tables are built in too: the summary lists the same uncovered controls.
        let markdown = try CommandRunner.run(["check", "--policies", "builtin", "--format", "markdown"] + Self.asOf)
        #expect(markdown.standardOutput == (try CommandRunner.run(["check", "--policies", "Policies", "--format", "markdown"] + Self.asOf)).standardOutput)
        #expect(markdown.standardOutput.contains("### Controls no rule covers"))
        let explained = try CommandRunner.run(["explain", "ZT-04", "--policies", "builtin"])
        #expect(explained.status == 0)
        #expect(explained.standardOutput.contains("\ndefined at builtin:zero-trust-baseline.yaml:"), "\(explained.standardOutput)")
        let sarif = try CommandRunner.run(["check", "--policies", "builtin:vendors.yaml", "Fixtures/vendors.yaml", "--format", "json"] + Self.asOf)
        #expect(sarif.standardOutput.contains(#""path": "builtin:vendors.yaml""#), "\(sarif.standardOutput)")
        #expect(!sarif.standardOutput.contains(#""path": "builtin:access-reviews.yaml""#))
    }

    @Test func anUnknownBuiltInPackIsAnError() throws {
        let result = try CommandRunner.run(["lint", "--policies", "builtin:vendor.yaml"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("builtin:vendor.yaml: no built-in file is named 'vendor.yaml' (did you mean 'builtin:vendors.yaml'?); the built-in files are builtin:access-manifests.yaml, "),
                "\(result.standardError)")
    }

    @Test func aFolderCalledBuiltinIsReachedAsDotSlashBuiltin() throws {
        let folder = TemporaryDirectory()
        folder.write("builtin/ours.yaml", """
            kind: Policy
            id: ours
            title: A pack of our own
            target: Vendor
            rules:
              - id: OURS-01
                title: Vendors were audited
                severity: low
                require: vendor.last_security_audit != null
                message: "vendor {{vendor.id}} has no security audit on file"

            """)
        let here = URL(fileURLWithPath: folder.path)
        let real = try CommandRunner.run(["lint", "./builtin"], in: here)
        #expect(real.status == 0)
        #expect(real.standardOutput == "1 policy, 1 rule: no problems found.\n")
        let packs = try CommandRunner.run(["lint", "builtin"], in: here)
        #expect(packs.status == 0)
        #expect(packs.standardOutput.hasPrefix("17 policies, "), "\(packs.standardOutput)")
        // In clearance.yaml too: `builtin` names the packs, `./builtin` the folder, wherever the project file is.
        folder.write("clearance.yaml", "policies: [./builtin]\n")
        let configured = try CommandRunner.run(["lint"], in: here)
        #expect(configured.standardOutput == "1 policy, 1 rule: no problems found.\n")
    }

    @Test func policyTestsRunForTheBuiltInPacks() throws {
        let folder = TemporaryDirectory()
        folder.write("clearance.yaml", "policies: [builtin]\n")
        let result = try CommandRunner.run(["test"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.hasPrefix("builtin:access-manifests.tests.yaml\n"), "\(result.standardOutput)")
        #expect(result.standardOutput.hasSuffix(" passed, 0 failed\n"))
        let fromFiles = try CommandRunner.run(["test"])
        let count = { (text: String) in text.split(separator: "\n").last.map(String.init) }
        #expect(count(result.standardOutput) == count(fromFiles.standardOutput))
    }
}
