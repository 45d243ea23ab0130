import ClearanceCore
import ClearanceEngine
import ClearanceReporting
import Foundation
import Testing

/// The JSON report, written a finding at a time, is the same document printed whole would be.
struct JSONReporterTests {
    @Test func aReportWithNothingToListHasAnEmptyFindingsArrayAndIsValidJSON() throws {
        let report = try SmallReport.make()
        let empty = Report(asOf: report.asOf, findings: report.findings.filter { !$0.needsAttention }, summary: [:], documentsChecked: 4,
                           catalogue: report.catalogue, inputFiles: [], waivers: [])
        let text = JSONReporter().render(empty, context: SmallReport.context)
        #expect(text.contains("\n  \"findings\": [],\n  \"frameworks\": "))
        #expect(text.hasPrefix("{\n  \"version\": 2,\n"))
        #expect(text.hasSuffix("\n}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func everyListedFindingIsTheFindingPrintedTwoLevelsIn() throws {
        let report = try SmallReport.make()
        let text = JSONReporter().render(report, context: SmallReport.context)
        let listed = report.findings.filter(\.needsAttention)
        #expect(!listed.isEmpty)
        var expected = ""
        for (index, finding) in listed.enumerated() {
            expected += index == 0 ? "\"findings\": [\n    " : ",\n    "
            JSONReporter.finding(finding, baseline: report.baseline).writePretty(into: &expected, indent: 2)
        }
        expected += "\n  ],\n"
        #expect(text.contains(expected))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["findings"] as? [Any])?.count == listed.count)
    }
}
