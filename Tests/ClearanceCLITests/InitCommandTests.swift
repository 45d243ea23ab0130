import Foundation
import Testing
import ClearanceTestSupport

/// `clearance init` in an empty folder, then `clearance audit` there and from a subfolder, with the built executable.
@Suite("clearance init")
struct InitCommandTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// The files init writes, in the order it lists them.
    static let written = ["clearance.yaml", "team/sam.rivera.yaml", "team/riley.chen.yaml", "team/alex.kim.yaml",
                          "vendors/example-staffing.yaml", "access/github.yaml", "systems/github.yaml", "repositories/web-app.yaml",
                          "ai/support-triage.yaml", "README.md"]

    @Test func initThenAuditPassesAtTheRootAndFromASubfolder() throws {
        let folder = TemporaryDirectory()
        let here = URL(fileURLWithPath: folder.path)
        let initialised = try CommandRunner.run(["init"] + Self.asOf, in: here)
        #expect(initialised.status == 0, "\(initialised.standardError)")
        #expect(initialised.standardOutput == "Wrote a Clearance project in the current folder:\n"
                + Self.written.map { "  \($0)\n" }.joined() + "Next: clearance audit\n")
        let atRoot = try CommandRunner.run(["audit"] + Self.asOf, in: here)
        #expect(atRoot.status == 0, "\(atRoot.standardOutput)\(atRoot.standardError)")
        // The starting point passes every built-in rule on the day it was written.
        #expect(atRoot.standardOutput.contains(" pass, 0 fail, 0 error, 0 waived, "), "\(atRoot.standardOutput)")
        #expect(atRoot.standardOutput.hasSuffix(" 0 pending; nothing failing at or above low.\n"), "\(atRoot.standardOutput)")
        // One document of each of the six kinds, three of them people: every pack has something to check.
        #expect(atRoot.standardOutput.hasPrefix("8 documents checked against "), "\(atRoot.standardOutput)")
        #expect(atRoot.standardError == "audit report written to clearance-report/: report.html, report.json, report.sarif, junit.xml, summary.md\n")
        let rootReport = try String(contentsOfFile: folder.path + "/clearance-report/report.json", encoding: .utf8)
        #expect(rootReport.contains(#""path": "builtin:access-reviews.yaml""#))
        #expect(rootReport.contains(#""path": "team/sam.rivera.yaml""#))
        try FileManager.default.removeItem(atPath: folder.path + "/clearance-report")

        let fromSubfolder = try CommandRunner.run(["audit"] + Self.asOf, in: here.appendingPathComponent("team"))
        #expect(fromSubfolder.status == atRoot.status)
        #expect(fromSubfolder.standardOutput == atRoot.standardOutput)
        #expect(fromSubfolder.standardError == atRoot.standardError)
        // The same report, in the same place: the project's output folder, named from the project file's folder.
        #expect(try String(contentsOfFile: folder.path + "/clearance-report/report.json", encoding: .utf8) == rootReport)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/team/clearance-report"))
    }

    @Test func initIntoANewFolderAndTheStarterFailsWhenAPersonIsNotCompliant() throws {
        let folder = TemporaryDirectory()
        let result = try CommandRunner.run(["init", "acme/security"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Wrote a Clearance project in acme/security:\n"
                + Self.written.map { "  acme/security/\($0)\n" }.joined() + "Next: cd acme/security && clearance audit\n")
        // The example is a working project: a device that is no longer encrypted is a finding at its line.
        let member = folder.path + "/acme/security/team/sam.rivera.yaml"
        let text = try String(contentsOfFile: member, encoding: .utf8)
        try text.replacingOccurrences(of: "    encrypted: true", with: "    encrypted: false").write(toFile: member, atomically: true, encoding: .utf8)
        let check = try CommandRunner.run(["check", "team/sam.rivera.yaml", "--format", "github"] + Self.asOf,
                                          in: URL(fileURLWithPath: folder.path + "/acme/security"))
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("::error file=team/sam.rivera.yaml,line=30,col=16,title=ZT-04"), "\(check.standardOutput)")
    }

    @Test func theProjectFileListsEveryPacksSettingsCommentedOut() throws {
        let folder = TemporaryDirectory()
        _ = try CommandRunner.run(["init"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        let text = try String(contentsOfFile: folder.path + "/clearance.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let block = lines.drop { !$0.hasPrefix("# settings:") }
        #expect(!block.isEmpty, "\(text)")
        #expect(block.allSatisfy { $0.hasPrefix("#") }, "every line of the settings block is commented")
        #expect(text.contains("policies: [builtin]"))
        // Each built-in pack with params has its lines, read from the pack built into the binary.
        for pack in ["access-reviews", "offboarding", "vendors", "zero-trust-baseline"] {
            #expect(block.contains { $0.hasPrefix("#   \(pack):") }, "\(pack)")
        }
        #expect(block.contains("#     # How long an ordinary grant may go without a review. (duration)"), "\(text)")
        #expect(block.contains("#     review_cadence: 90d"), "\(text)")

        // Uncommented, the block is valid settings: every default as written reads back as the pack's own.
        let uncommented = lines.prefix { !$0.hasPrefix("# settings:") } + block.map { String($0.dropFirst(2)) }
        folder.write("clearance.yaml", uncommented.joined(separator: "\n") + "\n")
        let withDefaults = try CommandRunner.run(["audit"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        #expect(withDefaults.status == 0, "\(withDefaults.standardError)")
        // And a changed line changes the findings: Sam's grant was reviewed 20 days ago.
        let strict = uncommented.map { $0 == "    review_cadence: 90d" ? "    review_cadence: 14d" : $0 }
        #expect(strict != uncommented)
        folder.write("clearance.yaml", strict.joined(separator: "\n") + "\n")
        let changed = try CommandRunner.run(["check", "--format", "github"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        #expect(changed.status == 1)
        #expect(changed.standardOutput.contains("::error file=team/sam.rivera.yaml,line="), "\(changed.standardOutput)")
    }

    @Test func initNeverOverwritesAFile() throws {
        let folder = TemporaryDirectory()
        folder.write("clearance.yaml", "policies: [Policies]\n")
        folder.write("team/sam.rivera.yaml", "kept\n")
        let result = try CommandRunner.run(["init"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 2)
        #expect(result.standardError == """
            clearance.yaml: exists already; clearance init never overwrites a file
            team/sam.rivera.yaml: exists already; clearance init never overwrites a file
            nothing was written.

            """)
        #expect(result.standardOutput == "")
        #expect(try String(contentsOfFile: folder.path + "/clearance.yaml", encoding: .utf8) == "policies: [Policies]\n")
        #expect(try String(contentsOfFile: folder.path + "/team/sam.rivera.yaml", encoding: .utf8) == "kept\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/README.md"))
    }

    @Test func initWritesNothingThroughALink() throws {
        let folder = TemporaryDirectory()
        let outside = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/project", withDestinationPath: outside.path)
        let linkedFolder = try CommandRunner.run(["init", "project"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        #expect(linkedFolder.status == 2)
        #expect(linkedFolder.standardError == """
            project: a symbolic link; clearance init writes only into a real folder (name the folder it points to)
            nothing was written.

            """)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/team", withDestinationPath: outside.path)
        let linkedTeam = try CommandRunner.run(["init"] + Self.asOf, in: URL(fileURLWithPath: folder.path))
        #expect(linkedTeam.status == 2)
        #expect(linkedTeam.standardError == """
            team: a symbolic link; clearance init writes only into a real folder (name the folder it points to)
            nothing was written.

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/clearance.yaml"))
    }
}
