import ClearanceCore
@testable import ClearanceHistory
import ClearanceTestSupport
import Foundation
import Testing

/// `clearance history diff` and `trend` print values read from the history (rule ids, subjects, elements, messages,
/// files), which came from input files: each format escapes them, so a hostile value cannot write terminal escapes,
/// start a workflow command, break a Markdown table or a JSON document.
@Suite("History diff and trend escape what they print")
struct HistoryDiffEscapingTests {
    /// A finding whose every field is hostile.
    static let hostile = OutcomeRecord(fingerprint: "f1", rule: "R-1\u{1B}[2J", policy: "pack", kind: "TeamMember", subject: "ana|*[x](y)",
                                       elementIdentity: "d0", element: "devices[0]\n::error::owned", status: "fail", severity: "high",
                                       message: "::warning::pwned\n\u{07}<b>bold</b> `code`", file: "team/a\tb.yaml", line: 3, column: 5)

    /// A project copy whose history `hostile.sqlite` holds an empty run, then a run with the hostile finding.
    static func project() throws -> SampleProjectCopy {
        let project = SampleProjectCopy(files: ["clearance.yaml"])
        let store = try HistoryStores.open(.sqlite(path: project.path + "/hostile.sqlite"), toolVersion: "test", now: 0)
        defer { store.close() }
        for (day, outcomes) in [(0, [OutcomeRecord]()), (1, [hostile])] {
            let time = Timestamp(seconds: 1_793_491_200 + Int64(day) * 86_400)!
            _ = try store.record(RunRecord(command: "audit", recordedAt: time, asOf: time, toolVersion: "test", settingsSHA256: String(repeating: "5", count: 64),
                                           counts: ["fail": outcomes.count], outcomes: outcomes))
        }
        return project
    }

    @Test("text: control characters as visible escapes, no line starting with ::")
    func text() throws {
        let project = try Self.project()
        for arguments in [["history", "diff", "--history", "hostile.sqlite"], ["history", "trend", "--by", "rule", "--history", "hostile.sqlite"]] {
            let result = try project.run(arguments)
            #expect(result.status == 0, "\(result.standardError)")
            let output = result.standardOutput
            #expect(!output.unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" }, "\(arguments)")
            #expect(!output.split(separator: "\n").contains { $0.drop { $0 == " " }.hasPrefix("::") }, "\(arguments)")
            #expect(output.contains("R-1\\u{1B}[2J"), "\(arguments)")
            #expect(output.contains("ana|*[x](y) devices[0]\\n::error::owned"), "\(arguments)")
        }
        let diff = try project.run(["history", "diff", "--history", "hostile.sqlite"]).standardOutput
        #expect(diff.contains("  R-1\\u{1B}[2J  ana|*[x](y) devices[0]\\n::error::owned  fail  high  team/a\\tb.yaml:3:5  ::warning::pwned\\n\\u{07}<b>bold</b> `code`\n"))
    }

    @Test("Markdown: one table row, formatting characters and HTML escaped")
    func markdown() throws {
        let result = try Self.project().run(["history", "diff", "--history", "hostile.sqlite", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(
            "| R-1\u{FFFD}\\[2J | ana\\|\\*\\[x\\](y) | devices\\[0\\] ::error::owned | fail | high | team/a b.yaml:3:5 | ::warning::pwned \u{FFFD}&lt;b&gt;bold&lt;/b&gt; \\`code\\` |\n"),
            "\(result.standardOutput)")
    }

    @Test("JSON: every value escaped by JSON and read back exactly")
    func json() throws {
        let result = try Self.project().run(["history", "diff", "--history", "hostile.sqlite", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let finding = try #require((document["new"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == Self.hostile.rule)
        #expect(finding["subject"] as? String == Self.hostile.subject)
        #expect(finding["element"] as? String == Self.hostile.element)
        #expect(finding["message"] as? String == Self.hostile.message)
        #expect(finding["file"] as? String == Self.hostile.file)
        #expect(!result.standardOutput.unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" })
    }
}
