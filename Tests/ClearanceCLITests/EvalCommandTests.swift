import Foundation
import Testing

/// `clearance eval` as a policy author runs it: the printed value, or a rendered error and exit 2.
@Suite struct EvalCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    private func clearance(_ arguments: [String]) throws -> Run {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        var executable = products.appendingPathComponent("clearance")
        if !FileManager.default.fileExists(atPath: executable.path) {
            executable = Bundle.main.bundleURL.appendingPathComponent("clearance")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test func printsTheValue() throws {
        let run = try clearance(["eval", "1 + 2"])
        #expect(run.status == 0)
        #expect(run.output == "3\n")
        let list = try clearance(["eval", "[1, 2u, 'a', b'x', 1.5, duration('90m')].map(x, type(x))"])
        #expect(list.output == "[int, uint, string, bytes, double, google.protobuf.Duration]\n")
    }

    @Test func readsInputAndVariables() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString).yaml")
        try "id: ana.lopez\ndevices:\n  - {id: LAP-1, managed: true}\n  - {id: LAP-2, managed: false}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try clearance(["eval", "doc.devices.filter(d, !d.managed).map(d, d.id) + [prefix + doc.id]",
                                 "--input", file.path, "--var", "prefix=user-"])
        #expect(run.error == "")
        #expect(run.output == "[\"LAP-2\", \"user-ana.lopez\"]\n")
    }

    @Test func compileErrorsExitTwo() throws {
        let run = try clearance(["eval", "size('abc', 2)"])
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.error == "expression:1:1: function 'size' takes 1 argument, not 2\nsize('abc', 2)\n^\n")
    }

    @Test func runtimeErrorsExitTwo() throws {
        let run = try clearance(["eval", "{'a': 1}['b'] + 1"])
        #expect(run.status == 2)
        #expect(run.error == "expression:1:9: no such key: b\n{'a': 1}['b'] + 1\n        ^\n")
    }

    /// A temporary folder holding `files` (name and text), removed after `body`.
    private func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(folder)
    }

    static let members = [
        "ana.yaml": "kind: TeamMember\nid: ana.lopez\nname: Ana\nstatus: active\nsecurity_owner: marta.ruiz\nengagement: {model: eor, vendor: talentbridge, start: 2026-02-02}\n",
        "marta.yaml": "kind: TeamMember\nid: marta.ruiz\nname: Marta\nstatus: offboarding\n",
        "vendors.yaml": "kind: Vendor\nid: talentbridge\nname: TalentBridge\ntype: employer-of-record\n---\nkind: Vendor\nid: nearshore\nname: Nearshore\ntype: staffing-partner\n",
    ]

    @Test func bindsTheDocumentUnderItsKindsName() throws {
        try withFiles(Self.members) { folder in
            let run = try clearance(["eval", "member.status", folder.appendingPathComponent("ana.yaml").path])
            #expect(run.error == "")
            #expect(run.status == 0)
            #expect(run.output == "\"active\"\n")
            let vendor = try clearance(["eval", "[vendor.id, vendor.type]", folder.appendingPathComponent("vendors.yaml").path])
            #expect(vendor.output == "[\"talentbridge\", \"employer-of-record\"]\n")
        }
    }

    @Test func nowIsTheAsOfTime() throws {
        let run = try clearance(["eval", "now", "--as-of", "2026-11-20"])
        #expect(run.error == "")
        #expect(run.output == "timestamp(\"2026-11-20T00:00:00Z\")\n")
        try withFiles(Self.members) { folder in
            let since = try clearance(["eval", "now - member.engagement.start", folder.appendingPathComponent("ana.yaml").path,
                                       "--as-of", "2026-02-03T12:00:00Z"])
            #expect(since.error == "")
            #expect(since.output == "duration(\"129600s\")\n")
        }
        let both = try clearance(["eval", "now", "--as-of", "2026-11-20", "--var", "now=2026-01-01"])
        #expect(both.status == 2)
        #expect(both.error.hasPrefix("Error: --as-of and --var now=... both set `now`; give one\n"))
        let bad = try clearance(["eval", "now", "--as-of", "yesterday"])
        #expect(bad.status == 2)
        #expect(bad.error.hasPrefix("Error: --as-of must be a date (2026-11-20) or an RFC 3339 date-time (2026-11-20T09:00:00Z); got 'yesterday'\n"))
    }

    @Test func looksDocumentsUpThroughTheirKindsMaps() throws {
        try withFiles(Self.members) { folder in
            let paths = ["ana.yaml", "marta.yaml", "vendors.yaml"].map { folder.appendingPathComponent($0).path }
            let run = try clearance(["eval", "[members[member.security_owner].status, member.engagement.vendor in vendors, size(vendors), 'nobody' in members]"] + paths)
            #expect(run.error == "")
            #expect(run.output == "[\"offboarding\", true, 2, false]\n")
            // A folder gives every file in it; a file also named on its own is read once, first where named; waivers are left out.
            try "kind: Waiver\nid: w1\nrule: ZT-01\nsubject: ana.lopez\njustification: j\napproved_by: marta.ruiz\nexpires: 2026-12-01\n"
                .write(to: folder.appendingPathComponent("waivers.yaml"), atomically: true, encoding: .utf8)
            let folderRun = try clearance(["eval", "[member.id, members.map(id, id), vendors.map(id, id)]", paths[1], folder.path])
            #expect(folderRun.error == "")
            #expect(folderRun.output == "[\"marta.ruiz\", [\"marta.ruiz\", \"ana.lopez\"], [\"talentbridge\", \"nearshore\"]]\n")
            let noVendors = try clearance(["eval", "size(vendors)", paths[0]])
            #expect(noVendors.status == 2)
            #expect(noVendors.error.hasPrefix("expression:1:6: "))
        }
    }

    /// The TeamMember kind's indexes are bound like its lookup map: each email or IdP id to the members recorded with it.
    @Test func looksMembersUpByEmailAndIdentityProviderID() throws {
        let shared = [
            "a.yaml": "kind: TeamMember\nid: a.one\nname: A\nemail: team@example.com\nstatus: active\nidentity: {idp_id: 00u-a}\n",
            "b.yaml": "kind: TeamMember\nid: b.two\nname: B\nemail: team@example.com\nstatus: offboarded\nidentity: {idp_id: 00u-b}\n",
            "c.yaml": "kind: TeamMember\nid: c.three\nname: C\nstatus: active\n",
        ]
        try withFiles(shared) { folder in
            let paths = ["a.yaml", "b.yaml", "c.yaml"].map { folder.appendingPathComponent($0).path }
            let run = try clearance(["eval", "[member_emails[member.email], member_idp_ids[member.identity.idp_id], size(member_emails), size(member_idp_ids)]"] + paths)
            #expect(run.error == "")
            #expect(run.output == "[[\"a.one\", \"b.two\"], [\"a.one\"], 1, 2]\n")
        }
    }

    @Test func documentsOfNoKindAreRefused() throws {
        try withFiles(["plain.yaml": "id: ana.lopez\nstatus: active\n"]) { folder in
            let run = try clearance(["eval", "member.status", folder.appendingPathComponent("plain.yaml").path])
            #expect(run.status == 2)
            #expect(run.output == "")
            #expect(run.error.contains("plain.yaml:1:1: eval binds documents by kind, one of TeamMember, Vendor, AccessManifest, Repository, System, AIWorkflow, ServiceAccount, Account, Employment, ManagedDevice, Source; --input binds a document of any shape as `doc`\n"))
        }
    }
}
