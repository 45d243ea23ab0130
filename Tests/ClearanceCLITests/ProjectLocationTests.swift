import Foundation
import Testing
import ClearanceTestSupport

/// How commands find clearance.yaml (upward, like git, or `--config`) and name files from the project root.
@Suite("Project location")
struct ProjectLocationTests {
    static let asOf = ["--as-of", "2026-11-20"]

    @Test func aRunFromASubfolderReportsWhatARunAtTheRootReports() throws {
        let project = SampleProjectCopy()
        let atRoot = try project.run(["check", "--format", "text,json=report.json"] + Self.asOf)
        #expect(atRoot.status == 1)
        let rootJSON = project.read("report.json")
        let deep = URL(fileURLWithPath: project.path + "/Fixtures/team")
        let below = try CommandRunner.run(["check", "--format", "text,json=../../report-below.json"] + Self.asOf, in: deep)
        #expect(below.status == atRoot.status)
        #expect(below.standardOutput == atRoot.standardOutput)
        #expect(below.standardError == atRoot.standardError)
        #expect(below.standardOutput.contains("Fixtures/team/ana.lopez.yaml:22:8"))
        // A path given on the command line is read from the folder the command runs in; the report names it from the root.
        // The same report but for the command line it records, which named the file from where it ran.
        let withoutCommandLine = { (json: String) in json.split(separator: "\n").filter { !$0.contains("\"commandLine\"") } }
        #expect(withoutCommandLine(project.read("report-below.json")) == withoutCommandLine(rootJSON))
        #expect(project.read("report-below.json").contains(#""commandLine": ["clearance", "check", "--format", "text,json=../../report-below.json""#))
        #expect(rootJSON.contains(#""path": "Fixtures/team/ana.lopez.yaml""#))
        let one = try CommandRunner.run(["check", "jorge.castillo.yaml", "--format", "github"] + Self.asOf, in: deep)
        let same = try project.run(["check", "Fixtures/team/jorge.castillo.yaml", "--format", "github"] + Self.asOf)
        #expect(one.status == 1)
        #expect(one.standardOutput == same.standardOutput)
        #expect(one.standardOutput.contains("::error file=Fixtures/team/jorge.castillo.yaml,line="), "\(one.standardOutput)")
    }

    @Test func underGitHubActionsFilesAreNamedFromTheWorkspace() throws {
        let workspace = TemporaryDirectory()
        let project = workspace.path + "/security"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        for item in ["clearance.yaml", "Policies", "Fixtures"] {
            try FileManager.default.copyItem(atPath: CommandRunner.packageRoot.path + "/" + item, toPath: project + "/" + item)
        }
        let arguments = ["check", "Fixtures/team/jorge.castillo.yaml", "--format", "github"] + Self.asOf
        let inWorkspace = try CommandRunner.run(arguments, in: URL(fileURLWithPath: project + "/Fixtures"),
                                                environment: ["GITHUB_WORKSPACE": workspace.path])
        #expect(inWorkspace.status == 2)  // read from Fixtures/, where the command runs: Fixtures/Fixtures/... does not exist
        #expect(inWorkspace.standardError.hasPrefix("security/Fixtures/Fixtures/team/jorge.castillo.yaml: cannot read: no such file or directory\n"),
                "\(inWorkspace.standardError)")
        let result = try CommandRunner.run(arguments, in: URL(fileURLWithPath: project), environment: ["GITHUB_WORKSPACE": workspace.path])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("::error file=security/Fixtures/team/jorge.castillo.yaml,line="), "\(result.standardOutput)")
        // A workspace that does not hold the project is not its repository: files are named from the project file's folder.
        let elsewhere = TemporaryDirectory()
        let outside = try CommandRunner.run(arguments, in: URL(fileURLWithPath: project), environment: ["GITHUB_WORKSPACE": elsewhere.path])
        #expect(outside.standardOutput.contains("::error file=Fixtures/team/jorge.castillo.yaml,line="), "\(outside.standardOutput)")
    }

    @Test func configNamesTheProjectFileAndFilesAreNamedFromItsFolder() throws {
        let project = SampleProjectCopy()
        let inProject = try project.run(["check"] + Self.asOf)
        let other = TemporaryDirectory()
        let named = try CommandRunner.run(["check", "--config", project.path + "/clearance.yaml"] + Self.asOf, in: URL(fileURLWithPath: other.path))
        #expect(named.status == 1)
        #expect(named.standardOutput == inProject.standardOutput)
        let missing = try CommandRunner.run(["check", "--config", "nowhere/clearance.yaml"] + Self.asOf, in: URL(fileURLWithPath: other.path))
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("nowhere/clearance.yaml: cannot read: no such file or directory"), "\(missing.standardError)")
        let both = try project.run(["check", "--config", "clearance.yaml", "--trusted-config", "clearance.yaml"] + Self.asOf)
        #expect(both.status == 2)
        #expect(both.standardError.hasPrefix("Error: --config and --trusted-config cannot be used together: --trusted-config is the project file\n"))
    }

    @Test func theSearchStopsAtTheTopOfTheRepository() throws {
        let outer = TemporaryDirectory()
        outer.write("clearance.yaml", "policies: [not-this-one]\n")
        let repository = outer.path + "/repo"
        try FileManager.default.createDirectory(atPath: repository + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repository + "/team", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot.path + "/Fixtures/team/marta.ruiz.yaml", toPath: repository + "/team/marta.ruiz.yaml")
        let result = try CommandRunner.run(["lint"], in: URL(fileURLWithPath: repository + "/team"))
        // No project file inside the repository: the default policy folder, named from the current folder.
        #expect(result.status == 2)
        #expect(result.standardError == "Policies: cannot read: no such file or directory; there is no clearance.yaml here or in a folder above: "
                + "`clearance init` writes a project to start from, and --policies builtin names the packs built into clearance\n1 error; nothing was checked.\n")
        // Policies named on the command line get no such advice: they were asked for.
        let named = try CommandRunner.run(["lint", "--policies", "Policies"], in: URL(fileURLWithPath: repository + "/team"))
        #expect(named.standardError == "Policies: cannot read: no such file or directory\n1 error; nothing was checked.\n")
        let outside = try CommandRunner.run(["lint"], in: URL(fileURLWithPath: outer.path))
        #expect(outside.standardError.hasPrefix("not-this-one: cannot read: no such file or directory"), "\(outside.standardError)")
    }

    @Test func aProjectFileAboveThatLinksOutOfItsFolderIsNotFollowed() throws {
        let project = TemporaryDirectory()
        let secret = TemporaryDirectory()
        secret.write("clearance.yaml", "policies: [Policies]\n")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/clearance.yaml", withDestinationPath: secret.path + "/clearance.yaml")
        try FileManager.default.createDirectory(atPath: project.path + "/team", withIntermediateDirectories: true)
        let result = try CommandRunner.run(["lint"], in: URL(fileURLWithPath: project.path + "/team"))
        #expect(result.status == 2)
        let real = URL(fileURLWithPath: project.path).resolvingSymlinksInPath().path
        #expect(result.standardError == "\(real)/clearance.yaml: a symbolic link that leaves its folder \(real)/; it is not followed\n1 error; nothing was checked.\n")
    }

    /// A project file named by --config that is a link out of its folder is refused like a found one, its target never shown.
    @Test func aConfigThatLinksOutOfItsFolderIsNotFollowed() throws {
        let project = TemporaryDirectory()
        let secret = TemporaryDirectory()
        secret.write("secret.yaml", "root:*:20228:0:99999:7:::\n")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/ci.yaml", withDestinationPath: secret.path + "/secret.yaml")
        let result = try CommandRunner.run(["lint", "--config", "ci.yaml"], in: URL(fileURLWithPath: project.path))
        #expect(result.status == 2)
        #expect(result.standardError == "ci.yaml: a symbolic link that leaves the current folder; it is not followed\n1 error; nothing was checked.\n")
    }
}
