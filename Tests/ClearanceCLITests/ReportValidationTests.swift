import Foundation
import Testing
import ClearanceTestSupport

/// SARIF validates against the OASIS SARIF 2.1.0 schema and JUnit against the Jenkins xUnit `junit-10.xsd`
/// (copies in `Schemas/`). Each test runs where its tool is installed, and always in CI, where a missing tool fails it.
@Suite("Report validation")
struct ReportValidationTests {
    static let schemas = CommandRunner.packageRoot.appendingPathComponent("Tests/ClearanceCLITests/Schemas").path
    static let sampleTeam = ["check", "--as-of", "2026-11-20"]
    static let canValidateJSON = PythonTool.hasModule("jsonschema") || ExternalTool.isCI
    static let canValidateXML = ExternalTool.isInstalled("xmllint") || ExternalTool.isCI

    /// Validates a SARIF log with `validate-json-schema.py`.
    static func expectValidSARIF(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = TemporaryDirectory()
        let file = directory.write("report.sarif", text)
        let result = try PythonTool.run([PythonTool.script("validate-json-schema.py"), schemas + "/sarif-schema-2.1.0.json", file])
        #expect(result.status == 0, "\(result.output)", sourceLocation: sourceLocation)
    }

    /// Validates a JUnit report with `xmllint`.
    static func expectValidJUnit(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = TemporaryDirectory()
        let file = directory.write("junit.xml", text)
        let result = try ExternalTool.run(["xmllint", "--noout", "--schema", schemas + "/junit-10.xsd", file])
        #expect(result.status == 0, "\(result.output)", sourceLocation: sourceLocation)
    }

    /// Where a report comes from: the sample team, one member checked with the rest as context, or the project of hostile values.
    enum Source: String, CaseIterable, CustomTestStringConvertible {
        case sampleTeam, oneMemberInContext, hostileProject

        var testDescription: String { rawValue }

        /// The report in a format.
        func report(_ format: String) throws -> String {
            switch self {
            case .sampleTeam: try CommandRunner.run(ReportValidationTests.sampleTeam + ["--format", format]).standardOutput
            case .oneMemberInContext:
                try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", format, "Fixtures/team/ana.lopez.yaml"]).standardOutput
            case .hostileProject: try HostileProject().check(format: format).standardOutput
            }
        }
    }

    @Test(.enabled(if: canValidateJSON, "needs Python's jsonschema (pip install jsonschema)"), arguments: Source.allCases)
    func sarifValidates(_ source: Source) throws {
        try Self.expectValidSARIF(try source.report("sarif"))
    }

    @Test(.enabled(if: canValidateXML, "needs xmllint (apt install libxml2-utils)"), arguments: Source.allCases)
    func junitValidates(_ source: Source) throws {
        try Self.expectValidJUnit(try source.report("junit"))
    }

    /// A baseline that lacks one of today's failures (new), holds one that is gone (absent) and one now waived (unchanged).
    @Test(.enabled(if: canValidateJSON, "needs Python's jsonschema (pip install jsonschema)"))
    func sarifWithBaselineAndWaiversValidates() throws {
        let directory = TemporaryDirectory()
        let written = directory.path + "/written.json"
        _ = try CommandRunner.run(Self.sampleTeam + ["--write-baseline", written, "--format", "json=" + directory.path + "/report.json"])
        var baseline = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: written))) as? [String: Any])
        var entries = try #require(baseline["findings"] as? [[String: Any]])
        #expect(entries.count == 82)
        entries.removeFirst()
        let waived = try Self.results(try CommandRunner.run(Self.sampleTeam + ["--format", "sarif", "--sarif-include-waived"]).standardOutput)
            .first { $0["ruleId"] as? String == "ZT-03" && $0["suppressions"] != nil }
        let waivedFingerprint = try #require((waived?["partialFingerprints"] as? [String: String])?["clearanceFindingHash/v2"])
        entries.append(["fingerprint": waivedFingerprint, "rule": "ZT-03", "subject": "ana.lopez", "kind": "TeamMember", "status": "fail",
                        "message": "ana.lopez holds production or privileged access without a phishing-resistant MFA factor; enrolled: [\"totp\"] (phishing-resistant: [\"webauthn\"])"])
        entries.append(["fingerprint": "00000000000000000000000000000000", "rule": "ZT-01", "subject": "ana.lopez", "kind": "TeamMember",
                        "status": "fail", "message": "ana.lopez signs in without SSO"])
        baseline["findings"] = entries
        directory.write("baseline.json", Array(try JSONSerialization.data(withJSONObject: baseline)))

        let result = try CommandRunner.run(Self.sampleTeam + ["--baseline", directory.path + "/baseline.json", "--format", "sarif", "--sarif-include-waived"])
        #expect(result.status == 1)
        try Self.expectValidSARIF(result.standardOutput)
        let results = try Self.results(result.standardOutput)
        let states = Dictionary(grouping: results) { $0["baselineState"] as? String ?? "none" }.mapValues(\.count)
        #expect(states == ["new": 2, "unchanged": 82, "absent": 1])
        let absent = try #require(results.last)
        #expect(absent["baselineState"] as? String == "absent")
        #expect(absent["ruleId"] as? String == "ZT-01")
        #expect(absent["locations"] == nil)
    }

    /// The results of a SARIF log's run.
    static func results(_ text: String) throws -> [[String: Any]] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
    }
}
