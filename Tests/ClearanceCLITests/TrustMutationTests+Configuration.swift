import Foundation
import Testing
import ClearanceTestSupport

/// The command line over `clearance.yaml`, partial checks in the context of the whole project, and
/// runs that check nothing: each mutation of the sample project with the exact outcome a user sees.
@Suite("Trust mutations: configuration")
struct ConfigurationTrustMutationTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// One finding of a JSON report, as compared between runs.
    struct Finding: Hashable, CustomStringConvertible {
        var rule, subject, status, message, file, fingerprint: String
        var element: String?
        var line: Int
        var waiver: String?

        init(_ json: JSONValue) {
            rule = json["rule"]?.string ?? ""
            subject = json["subject"]?.string ?? ""
            status = json["status"]?.string ?? ""
            message = json["message"]?.string ?? ""
            element = json["element"]?.string
            file = json["location"]?["file"]?.string ?? ""
            if case .number(let number)? = json["location"]?["line"] { line = Int(number) } else { line = 0 }
            fingerprint = json["fingerprint"]?.string ?? ""
            waiver = json["waiver"]?["id"]?.string
        }

        var description: String { "\(rule) \(status) \(subject)\(element.map { " " + $0 } ?? "") at \(file):\(line): \(message)" }
    }

    /// The findings of a `--format json` run, with the run's exit status and standard error.
    static func findings(_ project: SampleProjectCopy, _ arguments: [String]) throws -> (status: Int32, findings: Set<Finding>, report: JSONValue, errors: String) {
        let result = try project.run(["check", "--format", "json", "--include-passing"] + asOf + arguments)
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        return (result.status, Set((report["findings"]?.array ?? []).map(Finding.init)), report, result.standardError)
    }

    /// The vendors' exports of the sample (under `Fixtures/exports/`), read only through `sources:` in clearance.yaml.
    static let exports = ["aws-prod-credential-report.csv", "people.csv", "github-members.json", "github-admins.json",
                          "github-2fa-disabled.json", "okta-users.json", "okta-factors.json", "entra-users.csv", "entra-mfa-registration.json",
                          "intune-devices.json"]

    /// Removes the copies of the exports under `folder` of the project: outside a source entry they are not input documents.
    static func removeExports(_ project: SampleProjectCopy, under folder: String) throws {
        for file in exports { try FileManager.default.removeItem(atPath: project.path + "/" + folder + "/exports/" + file) }
    }

    /// Whether a finding is about a record of an export: a run narrowed by paths reads the sources as context.
    static func isAboutAnExport(_ finding: Finding) -> Bool {
        exports.contains { finding.file == "Fixtures/exports/" + $0 } || finding.subject.hasPrefix("Fixtures/exports/")
    }

    /// The full run of the project: every configured input.
    static func fullRun(_ project: SampleProjectCopy) throws -> Set<Finding> {
        let full = try findings(project, [])
        #expect(full.status == 1, "\(full.errors)")
        return full.findings
    }

    // MARK: Item 4: the command line over the configuration

    @Test func narrowingThePoliciesTurnsWaiversForOtherPacksIntoNotes() throws {
        let project = SampleProjectCopy()
        let full = try Self.fullRun(project)
        let narrowed = try Self.findings(project, ["--policies", "Policies/offboarding.yaml", "Fixtures"])
        #expect(narrowed.status == 1)
        #expect(narrowed.errors == """
            Fixtures/waivers.yaml:7:7: note: waiver W-2026-014 names rule 'ZT-03', which is not among the policies named on the command line; it waives nothing in this run
            rule: ZT-03
                  ^
            Fixtures/waivers.yaml:15:7: note: waiver W-2026-009 names rule 'PC-01', which is not among the policies named on the command line; it waives nothing in this run
            rule: PC-01
                  ^
            Fixtures/waivers.yaml:23:7: note: waiver W-2026-017 names rule 'VEN-01', which is not among the policies named on the command line; it waives nothing in this run
            rule: VEN-01
                  ^

            """)
        #expect(!narrowed.findings.isEmpty)
        #expect(narrowed.findings == full.filter { $0.rule.hasPrefix("OFF-") })
    }

    @Test func aWaiverForAnUnknownRuleStaysAnErrorWhenThePoliciesAreNotNarrowed() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("rule: ZT-03", with: "rule: ZT-30", in: "Fixtures/waivers.yaml"))
        let result = try project.run(["check"] + Self.asOf + ["Fixtures"])
        #expect(result.status == 2)
        #expect(result.standardError == """
            Fixtures/waivers.yaml:7:7: waiver W-2026-014 names rule 'ZT-30', which no loaded policy defines (did you mean 'ZT-03'?)
            rule: ZT-30
                  ^
            1 error; nothing was checked.

            """)
    }

    @Test func waiversOnTheCommandLineReplaceTheConfiguredOnes() throws {
        let project = SampleProjectCopy()
        project.write("clearance.yaml", """
            policies: [Policies]
            inputs: [Fixtures/team, Fixtures/access, Fixtures/vendors.yaml]
            waivers: [Fixtures/waivers.yaml]

            """)
        project.write("other-waivers.yaml", """
            kind: Waiver
            id: W-2026-099
            rule: ZT-03
            subject: ana.lopez
            justification: Hardware key on order
            approved_by: marta.ruiz
            expires: 2026-12-31

            """)
        let configured = try Self.findings(project, [])
        #expect(configured.findings.filter { $0.status == "waived" }.map(\.waiver) .sorted { ($0 ?? "") < ($1 ?? "") } == ["W-2026-014", "W-2026-017"])
        let replaced = try Self.findings(project, ["--waivers", "other-waivers.yaml"])
        #expect(replaced.status == 1)
        #expect(replaced.errors == "")
        #expect(replaced.findings.filter { $0.status == "waived" }.map(\.description) == [
            "ZT-03 waived ana.lopez at Fixtures/team/ana.lopez.yaml:\(Self.line(of: "ZT-03", "ana.lopez", in: configured.findings)): "
                + (configured.findings.first { $0.rule == "ZT-03" && $0.subject == "ana.lopez" }?.message ?? ""),
        ])
        #expect(replaced.findings.contains { $0.rule == "VEN-01" && $0.subject == "nearforce" && $0.status == "fail" })
        #expect(!replaced.findings.contains { $0.rule == "expired-waiver" })
        let lint = try project.run(["lint", "--waivers", "other-waivers.yaml"] + Self.asOf)
        #expect(lint.status == 0)
        #expect(lint.standardOutput == "17 policies, 83 rules, 1 waiver: no problems found.\n")
    }

    static func line(of rule: String, _ subject: String, in findings: Set<Finding>) -> Int {
        findings.first { $0.rule == rule && $0.subject == subject }?.line ?? 0
    }

    /// Evidence from the future in a context document is reported when that document is checked, not in a partial
    /// check of another one, which still checks only its own document.
    @Test func futureEvidenceInAContextDocumentIsReportedOnlyWithIt() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("last_login: 2026-11-19T16:40:00Z", with: "last_login: 2027-01-01T00:00:00Z", in: "Fixtures/team/marta.ruiz.yaml"))
        let other = try project.run(["check"] + Self.asOf + ["Fixtures/team/ana.lopez.yaml"])
        #expect(other.status == 0)
        #expect(!other.standardOutput.contains("CLR-FUTURE-EVIDENCE"))
        #expect(other.standardOutput.hasSuffix("1 document checked against 83 rules: 44 pass, 0 fail, 0 error, 1 waived, 24 skip, 0 pending; "
                                               + "nothing failing at or above low.\n"))
        let own = try project.run(["check"] + Self.asOf + ["Fixtures/team/marta.ruiz.yaml"])
        #expect(own.status == 1)
        #expect(own.standardOutput.contains("CLR-FUTURE-EVIDENCE high     identity.last_login is 2027-01-01T00:00:00Z, after the evaluation time 2026-11-20"))
        #expect(own.standardOutput.contains("1 document checked against 83 rules"))
    }

    @Test func checkingACopyOfTheTeamFolderGivesTheFullAuditFindings() throws {
        let project = SampleProjectCopy()
        let full = try Self.fullRun(project)
        try FileManager.default.copyItem(atPath: project.path + "/Fixtures", toPath: project.path + "/team-copy")
        // A copy of the waiver file would be waivers among the inputs: they come from the configured waiver file only,
        // which a partial check reads as context (its expired waiver is reported by the full run).
        try FileManager.default.removeItem(atPath: project.path + "/team-copy/waivers.yaml")
        // Copies of the exports would be read as input documents; the sources read the originals, as context.
        try Self.removeExports(project, under: "team-copy")
        let copy = try Self.findings(project, ["team-copy"])
        #expect(copy.status == 1)
        #expect(copy.errors == "")
        let moved = Set(full.filter { $0.file != "Fixtures/waivers.yaml" && !Self.isAboutAnExport($0) }.map { finding in
            var finding = finding
            finding.file = "team-copy/" + finding.file.dropFirst("Fixtures/".count)
            return finding
        })
        #expect(copy.findings == moved)
        let roles = Set((copy.report["evidence"]?["files"]?.array ?? []).map { ($0["role"]?.string ?? "") + " " + ($0["path"]?.string ?? "").prefix(9) })
        #expect(roles == ["policy Policies/", "input team-copy", "context Fixtures/", "source Fixtures/"])
    }

    @Test func aSecondFileWithAnIdOfTheProjectIsADuplicateInAPartialCheckToo() throws {
        let project = SampleProjectCopy()
        project.write("Fixtures/team/marta-again.yaml", project.read("Fixtures/team/marta.ruiz.yaml"))
        let expected = """
            Fixtures/team/marta.ruiz.yaml:6:5: TeamMember id 'marta.ruiz' is used twice
            id: marta.ruiz
                ^
            Fixtures/team/marta-again.yaml:6:5: note: first used here
            id: marta.ruiz
                ^
            1 error; nothing was checked.

            """
        let full = try project.run(["check"] + Self.asOf)
        #expect(full.status == 2)
        #expect(full.standardError == expected)
        let partial = try project.run(["check"] + Self.asOf + ["Fixtures/team/marta-again.yaml"])
        #expect(partial.status == 2)
        #expect(partial.standardError == expected)
    }

    @Test func theConfiguredWaiverFileAmongTheInputsIsReadOnce() throws {
        let project = SampleProjectCopy()
        let full = try Self.fullRun(project)
        let spelledDifferently = try Self.findings(project, ["./Fixtures/"])
        #expect(spelledDifferently.status == 1)
        #expect(spelledDifferently.errors == "")
        #expect(Set(spelledDifferently.findings.map { finding in
            var finding = finding
            // the exports' records are located as clearance.yaml names the files
            if finding.file.hasPrefix("./") { finding.file = String(finding.file.dropFirst("./".count)) }
            return finding
        }) == full)
    }

    @Test func aFolderReachedThroughASymlinkIsReadOnceAsASubject() throws {
        let project = SampleProjectCopy()
        let full = try Self.fullRun(project)
        try FileManager.default.createSymbolicLink(atPath: project.path + "/linked", withDestinationPath: "Fixtures")
        let linked = try Self.findings(project, ["linked"])
        #expect(linked.errors == "")
        #expect(linked.status == 1)
        #expect(Set(linked.findings.map { finding in
            var finding = finding
            if finding.file.hasPrefix("linked/") { finding.file = "Fixtures/" + finding.file.dropFirst("linked/".count) }
            return finding
        }) == full)
        let roles = Set((linked.report["evidence"]?["files"]?.array ?? []).map { $0["role"]?.string ?? "" })
        #expect(roles == ["policy", "input", "source"])
    }

    // MARK: Item 6: nothing checked is never a pass

    @Test func anEmptyFolderWithWaiversConfiguredExitsTwo() throws {
        let project = SampleProjectCopy()
        try FileManager.default.createDirectory(atPath: project.path + "/empty", withIntermediateDirectories: true)
        let result = try project.run(["check"] + Self.asOf + ["empty"])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "no YAML or JSON files found in empty\n1 error; nothing was checked.\n")
    }

    @Test func anEmptyFolderAmongSeveralPathsExitsTwoNamingIt() throws {
        let project = SampleProjectCopy()
        try FileManager.default.createDirectory(atPath: project.path + "/empty/.hidden", withIntermediateDirectories: true)
        project.write("empty/.hidden/ana.lopez.yaml", project.read("Fixtures/team/ana.lopez.yaml"))
        project.write("empty/notes.txt", "not a document\n")
        let result = try project.run(["check"] + Self.asOf + ["Fixtures/team", "empty", "Fixtures/access"])
        #expect(result.status == 2)
        #expect(result.standardError == "no YAML or JSON files found in empty\n1 error; nothing was checked.\n")
    }

    @Test func aRunThatChecksZeroSubjectsExitsTwo() throws {
        let project = SampleProjectCopy()
        let waiversOnly = try project.run(["check"] + Self.asOf + ["Fixtures/waivers.yaml"])
        #expect(waiversOnly.status == 2)
        #expect(waiversOnly.standardOutput == "")
        #expect(waiversOnly.standardError
                == "no documents to check: Fixtures/waivers.yaml holds no TeamMember, Vendor, AccessManifest, Repository, System, AIWorkflow, ServiceAccount, Account, Employment, ManagedDevice or Source for the loaded policies to check\n")

        let checklist = try project.run(["checklist", "ana.lopez", "--policies", "Policies/access-manifests.yaml"] + Self.asOf)
        #expect(checklist.status == 2)
        #expect(checklist.standardError.hasSuffix("no documents to check: no loaded policy checks a TeamMember such as ana.lopez\n"))

        project.write("clearance.yaml", "policies: [Policies]\ninputs: [Fixtures/access]\n")
        let audit = try project.run(["audit", "--policies", "Policies/vendors.yaml"] + Self.asOf)
        #expect(audit.status == 2)
        #expect(audit.standardError == "no documents to check: Fixtures/access holds no TeamMember or Vendor for the loaded policies to check\n")
        #expect(!FileManager.default.fileExists(atPath: project.path + "/clearance-report"))
    }

    @Test func aWaiverForASubjectNoDocumentHasIsAnErrorInCheck() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("subject: ana.lopez", with: "subject: ana.lopes", in: "Fixtures/waivers.yaml"))
        let result = try project.run(["check"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            Fixtures/waivers.yaml:8:10: waiver W-2026-014 names subject 'ana.lopes', but no loaded TeamMember has that id (did you mean 'ana.lopez'?)
            subject: ana.lopes
                     ^
            1 error; nothing was checked.

            """)
        // `*` matches every subject, and is an error of its own in check.
        #expect(project.replace("subject: ana.lopes", with: "subject: \"*\"", in: "Fixtures/waivers.yaml"))
        let everyone = try project.run(["check"] + Self.asOf)
        #expect(everyone.status == 2)
        #expect(everyone.standardError == """
            Fixtures/waivers.yaml:8:10: waiver W-2026-014 covers every subject of ZT-03 (`subject: *`); a waiver names the one subject it accepts
            subject: "*"
                     ^
            1 error; nothing was checked.

            """)
    }

    @Test func aWaiverForASubjectNoDocumentHasIsAWarningInLint() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("subject: nearforce", with: "subject: nearforse", in: "Fixtures/waivers.yaml"))
        let relaxed = try project.run(["lint"] + Self.asOf)
        #expect(relaxed.status == 0)
        #expect(relaxed.standardOutput == """
            Fixtures/waivers.yaml:24:10: warning: waiver W-2026-017 names subject 'nearforse', but no loaded Vendor has that id (did you mean 'nearforce'?)
            subject: nearforse
                     ^
            17 policies, 83 rules, 3 waivers: 1 warning.

            """)
        let strict = try project.run(["lint", "--strict"] + Self.asOf)
        #expect(strict.status == 1)
        #expect(strict.standardOutput == relaxed.standardOutput)
    }

    // MARK: Item 5: some documents in the context of all

    /// Paths checked on their own inside the project, each compared with the full run restricted to them.
    static let subsets: [[String]] = [
        ["Fixtures/team/ana.lopez.yaml"],
        ["Fixtures/access", "Fixtures/team"],
        ["Fixtures/team/andres.morales.yaml", "Fixtures/waivers.yaml"],
        ["Fixtures/vendors.yaml"],
        ["Fixtures/access/github-acme.yaml", "Fixtures/team/santiago.leon.yaml", "Fixtures/team/daniela.herrera.yaml"],
    ]

    @Test(arguments: subsets)
    func checkingPartOfTheProjectGivesTheFullRunsFindingsForIt(paths: [String]) throws {
        let project = SampleProjectCopy()
        let full = try Self.fullRun(project)
        let part = try Self.findings(project, paths)
        let expected = full.filter { finding in paths.contains { finding.file == $0 || finding.file.hasPrefix($0 + "/") } }
        #expect(!expected.isEmpty)
        #expect(part.errors == "")
        #expect(part.status == (expected.contains { $0.status == "fail" || $0.status == "error" } ? 1 : 0))
        #expect(part.findings.subtracting(expected).map(\.description).sorted() == [])
        #expect(expected.subtracting(part.findings).map(\.description).sorted() == [])
    }

    @Test func aPartialCheckWithTheFullBaselineResolvesNothingItDidNotCheck() throws {
        let project = SampleProjectCopy()
        _ = try project.run(["check", "--write-baseline", "baseline.json"] + Self.asOf)
        let result = try project.run(["check", "--baseline", "baseline.json", "--format", "json"] + Self.asOf + ["Fixtures/team/ana.lopez.yaml"])
        #expect(result.status == 0)
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        #expect(report["baseline"] == .object(["new": .number(0), "unchanged": .number(0), "resolved": .array([])]))
        let fixed = try project.run(["check", "--baseline", "baseline.json", "--format", "json"] + Self.asOf + ["Fixtures/team/santiago.leon.yaml"])
        #expect(fixed.status == 0)
        let santiago = try JSONDecoder().decode(JSONValue.self, from: Data(fixed.standardOutput.utf8))
        #expect(santiago["baseline"]?["resolved"] == .array([]))
        #expect(santiago["baseline"]?["unchanged"] != .number(0))
    }

    @Test func theReadmeGateOnAccessAndTeamReportsNoFalseVendorFailure() throws {
        let project = SampleProjectCopy()
        let result = try project.run(["check"] + Self.asOf + ["Fixtures/access", "Fixtures/team"])
        #expect(result.status == 1)
        let vendorFailures = result.standardOutput.split(separator: "\n").filter { $0.contains("VEN-03") }
        #expect(vendorFailures == ["  ✗ VEN-03   high     santiago.leon is engaged as contractor through devsur: vendor devsur is not among the loaded documents"])
    }

    @Test func contextNamedExplicitlyOutsideAProject() throws {
        let project = SampleProjectCopy(files: ["Policies", "Fixtures"])
        try Self.removeExports(project, under: "Fixtures")  // without clearance.yaml nothing names them as sources
        let full = try Self.findings(project, ["Fixtures", "--waivers", "Fixtures/waivers.yaml"])
        #expect(full.status == 1)
        let member = "Fixtures/team/ana.lopez.yaml"
        let alone = try Self.findings(project, [member])
        #expect(alone.status == 1)
        #expect(alone.findings.filter { $0.status == "fail" }.map { "\($0.rule) \($0.element ?? "-"): \($0.message)" }.sorted() == [
            "AR-01 access[0]: ana.lopez's github write grant on acme/payments-api has no valid approval (approved by: marta.ruiz, not among the loaded documents; approved: 2026-01-31; granted: 2026-02-02)",
            "AR-01 access[1]: ana.lopez's github write grant on acme/payments-api has no valid approval (approved by: diego.hernandez, not among the loaded documents; approved: 2026-11-02; granted: 2026-11-04)",
            "AR-01 access[2]: ana.lopez's jira write grant on acme has no valid approval (approved by: lucia.ramirez, not among the loaded documents; approved: 2026-01-31; granted: 2026-02-02)",
            "AR-05 access[0]: the review of ana.lopez's github grant on acme/payments-api does not count: member diego.hernandez is not among the loaded documents",
            "AR-05 access[1]: the review of ana.lopez's github grant on acme/payments-api does not count: member marta.ruiz is not among the loaded documents",
            "AR-05 access[2]: the review of ana.lopez's jira grant on acme does not count: member marta.ruiz is not among the loaded documents",
            "PC-05 -: ana.lopez has no active security owner assigned: member marta.ruiz is not among the loaded documents",
            "VEN-03 -: ana.lopez is engaged as eor through talentbridge: vendor talentbridge is not among the loaded documents",
            "ZT-03 -: ana.lopez holds production or privileged access without a phishing-resistant MFA factor; enrolled: [\"totp\"] (phishing-resistant: [\"webauthn\"])",
        ])
        let withContext = try Self.findings(project, [member, "--context", "Fixtures", "--waivers", "Fixtures/waivers.yaml"])
        #expect(withContext.errors == "")
        // Waivers named by --waivers are reported (the expired one), whatever the run checks.
        #expect(withContext.findings.filter { $0.file != "Fixtures/waivers.yaml" } == full.findings.filter { $0.file == member })
    }

    @Test func aReferenceToAnAbsentVendorSaysItIsNotLoaded() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("vendor: talentbridge", with: "vendor: devshop", in: "Fixtures/team/ana.lopez.yaml"))
        let run = try Self.findings(project, ["Fixtures/team/ana.lopez.yaml"])
        #expect(run.status == 1)
        #expect(run.findings.filter { $0.rule == "VEN-03" }.map(\.message) == [
            "ana.lopez is engaged as eor through devshop: vendor devshop is not among the loaded documents",
        ])
        #expect(run.findings.filter { $0.rule == "VEN-03" }.map(\.status) == ["fail"])
    }

    @Test func aDocumentNamedAsAPathAndAsContextIsOneSubjectReadOnce() throws {
        let project = SampleProjectCopy()
        let member = "Fixtures/team/ana.lopez.yaml"
        let result = try project.run(["check", "--format", "json"] + Self.asOf + [member, "--context", "Fixtures/team", "--context", member])
        #expect(result.standardError == "")
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        let files = (report["evidence"]?["files"]?.array ?? []).filter { $0["role"]?.string != "policy" }
        #expect(files.filter { $0["path"]?.string == member }.map { $0["role"]?.string } == ["input"])
        #expect(files.filter { $0["role"]?.string == "input" }.count == 1)
        let text = try project.run(["check"] + Self.asOf + [member, "--context", "Fixtures/team"])
        #expect(text.standardOutput.split(separator: "\n").last?.hasPrefix("1 document checked against 83 rules: ") == true)
    }

    @Test func aBrokenContextFileIsStillExitTwo() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("kind: Vendor", with: "kind: Vendr", in: "Fixtures/vendors.yaml"))
        let result = try project.run(["check"] + Self.asOf + ["Fixtures/team/ana.lopez.yaml"])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("Fixtures/vendors.yaml:"))
        #expect(result.standardError.contains(": unknown kind 'Vendr' (did you mean 'Vendor'?); expected one of "))
    }
}
