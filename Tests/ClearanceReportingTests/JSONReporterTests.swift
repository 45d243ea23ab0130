import ClearanceCore
import ClearanceEngine
import ClearancePolicy
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

    /// Text from the files (messages, elements, paths) with every kind of character JSON escapes is written as the tree prints it.
    @Test func findingsWithTextThatNeedsEscapesArePrintedAsTheTreePrintsThem() throws {
        let report = try SmallReport.make()
        let hostile = "a \"quote\", a back\\slash, a new\nline, a\ttab, \r, \u{08}\u{0C}, NUL \u{00}, DEL \u{7F}, C1 \u{85}\u{9F}, é, 😀 </script>"
        let findings = report.findings.filter(\.needsAttention).map { finding in
            Finding(rule: finding.rule, status: finding.status, subject: finding.subject, kind: finding.kind,
                    element: finding.element.map { $0 + hostile }, message: hostile,
                    location: SourceLocation(file: "team/\\odd \"name\".yaml", line: finding.location.line, column: finding.location.column,
                                             offset: finding.location.offset),
                    waiver: finding.waiver)
        }
        let odd = Report(asOf: report.asOf, findings: findings, summary: [.fail: findings.count], documentsChecked: 4,
                         catalogue: report.catalogue, inputFiles: [], waivers: [])
        let text = JSONReporter().render(odd, context: SmallReport.context)
        var expected = ""
        let listed = odd.findings.filter(\.needsAttention)  // in report order
        for (index, finding) in listed.enumerated() {
            expected += index == 0 ? "\"findings\": [\n    " : ",\n    "
            JSONReporter.finding(finding, baseline: odd.baseline).writePretty(into: &expected, indent: 2)
        }
        #expect(text.contains(expected + "\n  ],\n"))
        #expect(text.contains("\\u0085") && text.contains("\\u007f") && text.contains("\\\"quote\\\""))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let messages = ((parsed?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }
        #expect(messages == listed.map(\.message) && messages.count == findings.count)
    }

    /// Findings are written in batches, several at once on more threads: the document is the same, in report order.
    @Test func findingsWrittenOnSeveralThreadsComeInReportOrder() throws {
        let report = try SmallReport.make()
        let failing = report.findings.filter(\.needsAttention)
        // Over four batches of findings, each a copy with its own subject, so order shows.
        let many = (0..<9_000).map { index in
            let finding = failing[index % failing.count]
            return Finding(rule: finding.rule, status: finding.status, subject: "person-\(index)", kind: finding.kind, element: finding.element,
                           message: finding.message, location: finding.location, waiver: finding.waiver)
        }
        let large = Report(asOf: report.asOf, findings: many, summary: [.fail: many.count], documentsChecked: many.count,
                           catalogue: report.catalogue, inputFiles: [], waivers: [])
        var threaded = SmallReport.context
        threaded.jobs = 3
        let one = JSONReporter().render(large, context: SmallReport.context), three = JSONReporter().render(large, context: threaded)
        #expect(one == three)
        let parsed = try JSONSerialization.jsonObject(with: Data(three.utf8)) as? [String: Any]
        let subjects = ((parsed?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["subject"] as? String }
        #expect(subjects == large.findings.map(\.subject))
        #expect(subjects.count == 9_000)
    }

    /// The evidence lists every file read, written in pieces as it goes: the bytes the tree prints, never held whole.
    @Test func theEvidenceOfManyFilesIsWrittenInPiecesAsTheTreePrintsIt() throws {
        let report = try SmallReport.make()
        let files = (0..<12_000).map { index in
            FileDigest(path: "team/person-\(index) \"odd\".yaml", role: index % 3 == 0 ? .context : .input, bytes: Array("id: \(index)\n".utf8))
        }
        let large = Report(asOf: report.asOf, findings: report.findings, summary: report.summary, documentsChecked: files.count,
                           catalogue: report.catalogue, inputFiles: files, waivers: [])
        var pieces: [String] = []
        JSONReporter().stream(large, context: SmallReport.context) { pieces.append($0) }
        let text = pieces.joined()
        // 12,000 files take about 2 MiB: handed on in more than one piece.
        #expect(pieces.count > 2 && pieces.allSatisfy { $0.utf8.count < 2 * JSONReporter.pieceSize })
        var expected = "\"files\": "
        JSONText.array((report.catalogue.digests + files).map { file in
            .object([("path", .string(file.path)), ("role", .string(file.role.rawValue)), ("sha256", .string(file.sha256)), ("bytes", .int(Int64(file.size)))])
        }).writePretty(into: &expected, indent: 2)
        #expect(text.contains(expected + ",\n    \"sources\": "))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let listed = ((parsed?["evidence"] as? [String: Any])?["files"] as? [[String: Any]]) ?? []
        #expect(listed.count == report.catalogue.digests.count + 12_000)
        #expect(listed.last?["path"] as? String == "team/person-11999 \"odd\".yaml")
    }
}
