import Testing
@testable import ClearanceReporting

/// The HTML report's section since the last run: absent without a history, every value from the history escaped, bars
/// as tall as their counts.
@Suite("HTML history section")
struct HTMLHistorySectionTests {
    /// A history whose values try to inject markup.
    static let history = ReportHistory(
        store: "h<i>.sqlite",
        previous: ReportHistory.Run(id: 2, asOf: "2026-11-19T00:00:00Z", failing: 10),
        runs: [ReportHistory.Run(id: 1, asOf: "2026-11-18T00:00:00Z", failing: 0), ReportHistory.Run(id: 2, asOf: "2026-11-19T00:00:00Z", failing: 10),
               ReportHistory.Run(id: nil, asOf: "2026-11-20T00:00:00Z", failing: 5)],
        new: [ReportHistory.Finding(rule: "R<1>", subject: "ana\"><script>alert(1)</script>", element: "devices[0]&", status: "fail", severity: "high",
                                    now: nil, message: "<img src=x onerror=alert(1)>", location: "team/ana.yaml:3:5")],
        resolved: [ReportHistory.Finding(rule: "R2", subject: "bo", element: nil, status: "fail", severity: "low", now: "gone", message: "it failed",
                                         location: "team/bo.yaml:4:1")])

    @Test("without a history the page has no history section and no link to one")
    func absent() throws {
        let page = HTMLReporter().render(try SmallReport.make(), context: SmallReport.context)
        #expect(!page.contains("id=\"history\""))
        #expect(!page.contains("#history"))
    }

    @Test("the section escapes every value from the history")
    func escapes() throws {
        var context = SmallReport.context
        context.history = Self.history
        let page = HTMLReporter().render(try SmallReport.make(), context: context)
        #expect(page.contains("<a href=\"#history\">Since the last run</a>"))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("<td><code>R&lt;1&gt;</code></td><td><code>ana&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code> "
                              + "<span class=\"muted\">devices[0]&amp;</span></td><td>fail</td><td>high</td><td><code>team/ana.yaml:3:5</code></td>"
                              + "<td>&lt;img src=x onerror=alert(1)&gt;</td>"))
        #expect(page.contains("Compared with run 2 (as of 2026-11-19T00:00:00Z), the latest run recorded in h&lt;i&gt;.sqlite before this one: 1 new, 1 resolved."))
        #expect(page.contains("<td><code>R2</code></td><td><code>bo</code></td><td>fail (low)</td><td>gone</td>"))
    }

    @Test("bars are as tall as their counts against the largest, with the figures in a table")
    func bars() throws {
        let section = try #require(HistorySection(Self.history))
        #expect(section.bars.map(\.barHeight) == [0, 100, 50])
        #expect(section.bars.map(\.y) == [118, 18, 68])
        #expect(section.bars.map(\.runName) == ["run 1", "run 2", "this run"])
        #expect(section.chartSummary == "Failing findings: run 1 0, run 2 10, this run 5")
        #expect(section.chartWidth == 3 * HistorySection.slot)
        #expect(HistorySection(nil) == nil)
    }
}
