import Foundation
import Testing
import ClearanceTestSupport

/// Mutations of the sample team that must not load: each changes one thing in a copy of the
/// project and runs `clearance check --as-of 2026-11-20` there; the run exits 2 with the exact
/// errors. Then evidence from the future: each gives the built-in finding at the field, and the
/// rule that reads the field does not pass.
@Suite("Trust mutations: validation")
struct TrustMutationValidationTests {
    /// One change to one file of the sample project, and the error lines `check` must print.
    struct Mutation: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let old: String
        let new: String
        let errors: [String]

        var testDescription: String { name }
    }

    static let ana = "Fixtures/team/ana.lopez.yaml", valeria = "Fixtures/team/valeria.gutierrez.yaml"
    static let statuses = "candidate, onboarding, active, offboarding, offboarded"
    static let environments = "production, staging, development, corporate"

    static let mutations: [Mutation] = [
        Mutation(name: "status terminated", file: ana, old: "status: active", new: "status: terminated",
                 errors: ["\(ana):9:9: `status` must be one of \(statuses); found 'terminated'"]),
        Mutation(name: "status inactive", file: ana, old: "status: active", new: "status: inactive",
                 errors: ["\(ana):9:9: `status` must be one of \(statuses); found 'inactive' (did you mean 'active'?)"]),
        Mutation(name: "status Offboarding", file: ana, old: "status: active", new: "status: Offboarding",
                 errors: ["\(ana):9:9: `status` must be one of \(statuses); found 'Offboarding' (did you mean 'offboarding'?)"]),
        Mutation(name: "status null", file: ana, old: "status: active", new: "status: null",
                 errors: ["\(ana):9:9: `status` must be one of \(statuses); found null"]),
        Mutation(name: "status missing", file: ana, old: "status: active\n", new: "",
                 errors: ["\(ana):5:1: TeamMember has no `status`, which is required"]),
        Mutation(name: "grant environment prod", file: ana, old: "environment: production", new: "environment: prod",
                 errors: ["\(ana):58:18: `environment` must be one of \(environments); found 'prod' (did you mean 'production'?)"]),
        Mutation(name: "engagement model freelance", file: ana, old: "model: eor", new: "model: freelance",
                 errors: ["\(ana):14:10: `model` must be one of direct, eor, staff-augmentation, contractor; found 'freelance'"]),
        Mutation(name: "review decision Keep", file: valeria, old: "decision: keep", new: "decision: Keep",
                 errors: ["\(valeria):48:69: `decision` must be one of keep, revoke, reduce; found 'Keep' (did you mean 'keep'?)"]),
        Mutation(name: "mfa yubikey", file: valeria, old: "mfa: [webauthn, totp]", new: "mfa: [yubikey]",
                 errors: ["\(valeria):20:9: `mfa[0]` must be one of sms, totp, push, webauthn; found 'yubikey'"]),
        Mutation(name: "unknown key identiy", file: valeria, old: "identity:", new: "identiy:",
                 errors: ["\(valeria):17:1: unknown key `identiy` in TeamMember (did you mean `identity`?)"]),
        Mutation(name: "unknown key last_patchd", file: valeria, old: "last_patched:", new: "last_patchd:",
                 errors: ["\(valeria):34:5: unknown key `last_patchd` in device (did you mean `last_patched`?)"]),
        Mutation(name: "unknown key at the top level", file: valeria, old: "title: Machine", new: "team: ml-platform\ntitle: Machine",
                 errors: ["\(valeria):9:1: unknown key `team` in TeamMember"]),
        Mutation(name: "unknown key inside a grant", file: valeria, old: "    approved_by: diego.hernandez", new: "    aproved_by: diego.hernandez",
                 errors: ["\(valeria):43:5: unknown key `aproved_by` in grant (did you mean `approved_by`?)"]),
        Mutation(name: "sso as the text yes", file: valeria, old: "sso: true", new: "sso: \"yes\"",
                 errors: ["\(valeria):18:8: `sso` must be true or false; found 'yes'"]),
        Mutation(name: "notice_days as text", file: valeria, old: "notice_days: 30", new: "notice_days: \"30\"",
                 errors: ["\(valeria):82:32: `notice_days` must be an integer; found '30' (unquote it to make it an integer)"]),
        Mutation(name: "name missing", file: valeria, old: "name: Valeria Gutiérrez Rojas\n", new: "",
                 errors: ["\(valeria):4:1: TeamMember has no `name`, which is required"]),
        Mutation(name: "grant role missing", file: valeria, old: "    role: write\n", new: "",
                 errors: ["\(valeria):38:5: grant has no `role`, which is required"]),
        Mutation(name: "device id missing", file: valeria, old: "  - id: LAP-0118  # MacBook Pro 16\" (2025, 48 GB), Intune-managed\n    serial:",
                 new: "  - serial:", errors: ["\(valeria):28:5: device has no `id`, which is required"]),
        Mutation(name: "quoted review date", file: valeria, old: "{date: 2026-10-01,", new: "{date: \"2026-10-01\",",
                 errors: ["\(valeria):48:25: `date` must be a date (YYYY-MM-DD) or an RFC 3339 date-time; found '2026-10-01' (unquote it to make it a date)"]),
        Mutation(name: "vendor type agency", file: "Fixtures/vendors.yaml", old: "type: employer-of-record", new: "type: agency",
                 errors: ["Fixtures/vendors.yaml:9:7: `type` must be one of employer-of-record, staffing-partner, contractor-agency; found 'agency'"]),
        Mutation(name: "manifest grant environment prod", file: "Fixtures/access/github-acme.yaml", old: "environment: production", new: "environment: prod",
                 errors: ["Fixtures/access/github-acme.yaml:9:80: `environment` must be one of \(environments); found 'prod' (did you mean 'production'?)"]),
        Mutation(name: "manifest grant member missing", file: "Fixtures/access/github-acme.yaml",
                 old: "{member: ana.lopez, resource: acme/payments-api, role: write, environment: production,",
                 new: "{resource: acme/payments-api, role: write, environment: production,",
                 errors: ["Fixtures/access/github-acme.yaml:9:5: manifest grant has no `member`, which is required"]),
        Mutation(name: "two problems in one file", file: ana, old: "status: active\n", new: "status: terminated\nnickname: ana\n",
                 errors: ["\(ana):9:9: `status` must be one of \(statuses); found 'terminated'",
                          "\(ana):10:1: unknown key `nickname` in TeamMember"]),
    ]

    /// The `file:line:col: message` lines of a run's standard error.
    static func errorLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.range(of: #"^\S+:\d+:\d+: "#, options: .regularExpression) != nil }
    }

    @Test(arguments: mutations)
    func invalidDocumentStopsTheRun(mutation: Mutation) throws {
        let project = SampleProjectCopy()
        #expect(project.replace(mutation.old, with: mutation.new, in: mutation.file), "\(mutation.file) has no \(mutation.old)")
        let run = try project.run(["check", "--as-of", "2026-11-20"])
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(Self.errorLines(run.standardError) == mutation.errors)
        let count = mutation.errors.count
        #expect(run.standardError.hasSuffix("\(count) error\(count == 1 ? "" : "s"); nothing was checked.\n"))
    }

    @Test func anErrorShowsTheSourceLineAndCaret() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("status: active", with: "status: Offboarding", in: Self.ana))
        let run = try project.run(["check", "--as-of", "2026-11-20"])
        #expect(run.status == 2)
        #expect(run.standardError == """
            \(Self.ana):9:9: `status` must be one of \(Self.statuses); found 'Offboarding' (did you mean 'offboarding'?)
            status: Offboarding
                    ^
            1 error; nothing was checked.

            """)
    }

    // MARK: JSON inputs

    /// Replaces a member's YAML file with what `clearance inspect` prints for it, changed by `edit`.
    static func convertToJSON(_ project: SampleProjectCopy, _ file: String, edit: (String) -> String = { $0 }) throws -> String {
        let inspected = try project.run(["inspect", file])
        #expect(inspected.status == 0)
        let json = file.replacingOccurrences(of: ".yaml", with: ".json")
        project.write(json, edit(inspected.standardOutput))
        try FileManager.default.removeItem(atPath: project.path + "/" + file)
        return json
    }

    @Test func inspectOutputReadsBackWithTheSameFindings() throws {
        let project = SampleProjectCopy()
        let yaml = try project.run(["check", "--as-of", "2026-11-20"])
        _ = try Self.convertToJSON(project, Self.ana)
        let json = try project.run(["check", "--as-of", "2026-11-20"])
        #expect(json.status == yaml.status)
        #expect(json.standardError == "")
        #expect(yaml.standardOutput.hasSuffix(
            "180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; 82 failing at or above low.\n"))
        #expect(json.standardOutput.hasSuffix(
            "180 documents checked against 83 rules: 1222 pass, 82 fail, 0 error, 2 waived, 1221 skip, 4 pending; 82 failing at or above low.\n"))
    }

    @Test func aJSONStringWhereTheShapeSaysTimestampIsATimestamp() throws {
        let project = SampleProjectCopy()
        let json = try Self.convertToJSON(project, Self.ana) {
            $0.replacingOccurrences(of: "\"last_login\":\"2026-11-18T09:12:00Z\"", with: "\"last_login\":\"2026-12-24\"")
        }
        let run = try project.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        #expect(run.status == 1)
        let findings = try Self.findings(run, subject: "ana.lopez")
        let column = try #require(project.read(json).range(of: "\"2026-12-24\"")).lowerBound.utf16Offset(in: project.read(json)) + 1
        #expect(findings.map(Self.withoutFingerprint).contains(Self.builtIn("identity.last_login is 2026-12-24, after the evaluation time 2026-11-20; evidence cannot be from the future",
                                               element: "identity.last_login", file: json, line: 1, column: column)))
        #expect(Self.status(findings, rule: "AR-07") == "fail")
    }

    @Test func aJSONStringThatIsNotATimestampIsAnError() throws {
        let project = SampleProjectCopy()
        let json = try Self.convertToJSON(project, Self.ana) {
            $0.replacingOccurrences(of: "\"last_login\":\"2026-11-18T09:12:00Z\"", with: "\"last_login\":\"2026-13-18\"")
        }
        let run = try project.run(["check", "--as-of", "2026-11-20"])
        #expect(run.status == 2)
        let column = try #require(project.read(json).range(of: "\"2026-13-18\"")).lowerBound.utf16Offset(in: project.read(json)) + 1
        #expect(Self.errorLines(run.standardError) == [
            "\(json):1:\(column): `last_login` must be a date (YYYY-MM-DD) or an RFC 3339 date-time; found '2026-13-18'",
        ])
    }

    // MARK: Evidence from the future

    /// The findings about one subject of a `--format json` run, as JSON objects.
    static func findings(_ run: CommandRunner.Result, subject: String) throws -> [JSONValue] {
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(run.standardOutput.utf8))
        return (report["findings"]?.array ?? []).filter { $0["subject"]?.string == subject }
    }

    /// The status of a rule's finding (for one element), or nil when it has none that needs attention.
    static func status(_ findings: [JSONValue], rule: String, element: String? = nil) -> String? {
        findings.first { $0["rule"]?.string == rule && $0["element"]?.string == element }?["status"]?.string
    }

    /// The built-in finding as the JSON report writes it.
    static func builtIn(_ message: String, element: String, file: String, line: Int, column: Int, subject: String = "ana.lopez") -> JSONValue {
        .object([
            "rule": .string("CLR-FUTURE-EVIDENCE"), "policy": .string("clearance"), "severity": .string("high"), "status": .string("fail"),
            "subject": .string(subject), "kind": .string("TeamMember"), "element": .string(element), "message": .string(message),
            "controls": .array([]),
            "location": .object(["file": .string(file), "line": .number(Double(line)), "column": .number(Double(column))]),
        ])
    }

    /// A finding without its fingerprint (which another part of the report pins).
    static func withoutFingerprint(_ finding: JSONValue) -> JSONValue {
        guard var fields = finding.object else { return finding }
        fields["fingerprint"] = nil
        return .object(fields)
    }

    /// A future piece of evidence, the built-in finding it must give, and the rule that must not pass on it.
    struct FutureCase: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let old: String
        let new: String
        let subject: String
        let finding: (element: String, message: String, line: Int, column: Int)
        let reader: (rule: String, element: String?)

        var testDescription: String { name }
    }

    static let futureCases: [FutureCase] = [
        FutureCase(name: "last_review 2027-12-31", file: valeria, old: "{date: 2026-10-01,", new: "{date: 2027-12-31,", subject: "valeria.gutierrez",
                   finding: ("access[0].last_review.date",
                             "access[0].last_review.date is 2027-12-31, after the evaluation time 2026-11-20; evidence cannot be from the future", 48, 25),
                   reader: ("AR-03", "access[0]")),
        FutureCase(name: "last_patched 2027-06-01", file: valeria, old: "last_patched: 2026-11-17", new: "last_patched: 2027-06-01",
                   subject: "valeria.gutierrez",
                   finding: ("devices[0].last_patched",
                             "devices[0].last_patched is 2027-06-01, after the evaluation time 2026-11-20; evidence cannot be from the future", 34, 19),
                   reader: ("ZT-06", "devices[0]")),
        FutureCase(name: "last_login next month", file: ana, old: "last_login: 2026-11-18T09:12:00Z", new: "last_login: 2026-12-25T09:12:00Z",
                   subject: "ana.lopez",
                   finding: ("identity.last_login",
                             "identity.last_login is 2026-12-25T09:12:00Z, after the evaluation time 2026-11-20; evidence cannot be from the future", 23, 15),
                   reader: ("AR-07", nil)),
    ]

    @Test(arguments: futureCases)
    func futureEvidenceIsAFindingAndPassesNoRule(futureCase: FutureCase) throws {
        let project = SampleProjectCopy()
        #expect(project.replace(futureCase.old, with: futureCase.new, in: futureCase.file))
        let run = try project.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        #expect(run.status == 1)
        let findings = try Self.findings(run, subject: futureCase.subject)
        let builtIn = findings.filter { $0["rule"]?.string == "CLR-FUTURE-EVIDENCE" }.map(Self.withoutFingerprint)
        #expect(builtIn == [Self.builtIn(futureCase.finding.message, element: futureCase.finding.element, file: futureCase.file,
                                         line: futureCase.finding.line, column: futureCase.finding.column, subject: futureCase.subject)])
        // The JSON report lists every finding but passes and skips: the reading rule is there, failed or in error.
        let status = Self.status(findings, rule: futureCase.reader.rule, element: futureCase.reader.element)
        #expect(status == "fail" || status == "error", "\(futureCase.reader.rule) gave \(status ?? "pass or skip")")
    }

    @Test func evidenceOfTheEvaluationDayIsNotFromTheFuture() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("last_patched: 2026-11-17", with: "last_patched: 2026-11-20", in: Self.valeria))
        let run = try project.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        let findings = try Self.findings(run, subject: "valeria.gutierrez")
        #expect(findings.map { $0["rule"]?.string ?? "" } == ["CON-02", "CON-05"])
        let later = try project.run(["check", "--as-of", "2026-11-19T23:59:59Z", "--format", "json"])
        #expect(try Self.findings(later, subject: "valeria.gutierrez").filter { $0["rule"]?.string == "CLR-FUTURE-EVIDENCE" }.map(Self.withoutFingerprint) == [
            Self.builtIn("devices[0].last_patched is 2026-11-20, after the evaluation time 2026-11-19T23:59:59Z; evidence cannot be from the future",
                         element: "devices[0].last_patched", file: Self.valeria, line: 34, column: 19, subject: "valeria.gutierrez"),
        ])
    }

    @Test func plannedDatesAreNotEvidence() throws {
        // paola.sanchez's exit (2026-12-18) and her grants' expiry are plans, not evidence.
        let project = SampleProjectCopy()
        let run = try project.run(["check", "--as-of", "2026-11-20", "--format", "json"])
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(run.standardOutput.utf8))
        #expect((report["findings"]?.array ?? []).filter { $0["rule"]?.string == "CLR-FUTURE-EVIDENCE" } == [])
    }

    @Test func theFindingAppearsInEveryFormatAndFailsTheRun() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("last_patched: 2026-11-17", with: "last_patched: 2027-06-01", in: Self.valeria))
        let message = "devices[0].last_patched is 2027-06-01, after the evaluation time 2026-11-20; evidence cannot be from the future"
        // Her file alone: the whole team has more failing findings than GitHub's ten error annotations.
        let github = try project.run(["check", "--as-of", "2026-11-20", "--format", "github", "--fail-on", "high", Self.valeria])
        #expect(github.status == 1)
        #expect(github.standardOutput.contains(
            "::error file=\(Self.valeria),line=34,col=19,title=CLR-FUTURE-EVIDENCE Evidence is not from the future (high)::\(message)\n"))
        let text = try project.run(["check", "--as-of", "2026-11-20", "--format", "text"])
        #expect(text.standardOutput.contains("  ✗ CLR-FUTURE-EVIDENCE high     \(message)\n    \(Self.valeria):34:19 · devices[0].last_patched\n"))
        for format in ["junit", "markdown", "sarif"] {
            let run = try project.run(["check", "--as-of", "2026-11-20", "--format", format])
            #expect(run.standardOutput.contains(format == "markdown" ? "devices\\[0\\].last\\_patched is 2027-06-01" : message), "\(format)")
        }
    }
}
