import Foundation
import Testing
import ClearanceTestSupport

/// The framework control tables in a project: a rule's control they do not list stops every command; a pack whose
/// framework has no table loaded still runs, and the reports then list only the loaded tables' uncovered controls.
@Suite("Framework control tables in a project")
struct ControlTableCLITests {
    @Test func aControlTheTableDoesNotListIsExit2ForLintAndAudit() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("NIST800-53:SI-3]", with: "NIST800-53:SI-33]", in: "Policies/zero-trust-baseline.yaml"))
        let line = try #require(project.read("Policies/zero-trust-baseline.yaml").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasSuffix("NIST800-53:SI-33]") }) + 1
        let expected = """
            Policies/zero-trust-baseline.yaml:\(line):153: rule ZT-04 names 'NIST800-53:SI-33', which the NIST SP 800-53 Rev. 5 table does not list (did you mean 'NIST800-53:SI-3'?)
            …, ISO27001:A.6.7, ISO27001:A.8.1, ISO27001:A.8.7, ISO27001:A.8.24, NIST800-53:AC-19, NIST800-53:SC-28, NIST800-53:SI-33]
                                                                                                                    ^
            Policies/frameworks/nist800-53.yaml:2:1: note: the NIST800-53 table loaded
            1 error; nothing was checked.

            """
        let lint = try project.run(["lint"])
        #expect(lint.status == 2)
        #expect(lint.standardError == expected)
        let audit = try project.run(["audit", "--as-of", "2026-11-20"])
        #expect(audit.status == 2)
        #expect(audit.standardError == expected)
    }

    @Test func withoutItsTableAControlIsNotCheckedAndNotReported() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("NIST800-53:SI-3]", with: "NIST800-53:SI-33]", in: "Policies/zero-trust-baseline.yaml"))
        try FileManager.default.removeItem(atPath: project.path + "/Policies/frameworks/nist800-53.yaml")
        let lint = try project.run(["lint", "--strict"])
        #expect(lint.status == 0, "\(lint.standardError)")
        let audit = try project.run(["audit", "--as-of", "2026-11-20", "--output", "out"])
        #expect(audit.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(project.read("out/report.json").utf8)) as? [String: Any]
        let frameworks = try #require(report?["frameworks"] as? [[String: Any]])
        #expect(frameworks.compactMap { $0["id"] as? String } == ["SOC2", "ISO27001"])
        #expect(frameworks.compactMap { $0["uncovered"] as? [[String: String]] }.map(\.count) == [18, 53])
    }
}
