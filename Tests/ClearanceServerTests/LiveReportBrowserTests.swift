import ClearanceTestSupport
import Foundation
import Testing

/// The live pages of `clearance serve` on the sample project, opened in headless Chromium as a person opens them: `/`
/// shows the sample team's checklists, `/people/{id}` one person's checklist with the pre-credentials gate first.
/// Served with `--no-auth` on loopback: a browser opening a page sends no bearer token.
@Suite(.enabled(if: HeadlessChromium.shouldRun))
struct LiveReportBrowserTests {
    @Test(.timeLimit(.minutes(3))) func theReportPageRendersTheSampleTeamAndAPersonPageShowsTheirChecklist() async throws {
        let sample = SampleProjectCopy()
        let server = try ServeProcess(in: sample.path, ["--no-auth", "--no-watch", "--as-of", "2026-11-20"])
        #expect(try await server.ready())
        let team = try FileManager.default.contentsOfDirectory(atPath: sample.path + "/Fixtures/team")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
        #expect(team.count > 20)

        let report = try HeadlessChromium.dom(of: "http://127.0.0.1:\(server.port)/")
        #expect(report.contains("<h1>Clearance audit report"))
        #expect(report.contains("<h3>People <span class=\"group-summary\">\(team.count) · "))
        let missing = team.filter { !report.contains("id=\"subject-teammember-\($0)\"") }
        #expect(missing.isEmpty, "no checklist for \(missing)")

        let page = try HeadlessChromium.dom(of: "http://127.0.0.1:\(server.port)/people/daniela.herrera")
        #expect(page.contains("<h3>People <span class=\"group-summary\">1 · 1 needs attention</span></h3>"))
        #expect(page.contains("id=\"subject-teammember-daniela.herrera\""))
        #expect(team.filter { $0 != "daniela.herrera" }.allSatisfy { !page.contains("id=\"subject-teammember-\($0)\"") })
        #expect(page.contains("Pre-credentials gate: BLOCKED (3 of 11 items not met: PC-01, PC-02 and PC-08)"))
        #expect(page.contains("<code>Fixtures/team/daniela.herrera.yaml:30:24</code> · A recent background check passed before credentials"))
        // The full checklist opens with the gate, its open items marked pending.
        let checklist = try #require(page.range(of: "<details class=\"checklist\">")).upperBound
        let firstSection = try #require(page.range(of: "<h5>", range: checklist..<page.endIndex)).upperBound
        #expect(page[firstSection...].hasPrefix("Pre-credentials gate"))
        #expect(page.contains("<li class=\"tone-pending\"><span class=\"mark\" aria-hidden=\"true\">…</span><span class=\"visually-hidden\">not met yet (pending: blocks credentials):</span> <code>PC-01</code> A recent background check passed before credentials</li>"))
        #expect(server.stop().status == 0)
    }
}
