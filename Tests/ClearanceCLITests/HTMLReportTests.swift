import Foundation
import Testing
import ClearanceTestSupport

/// The HTML report of a small hostile project: every value from an input or a policy is escaped, and the page
/// fetches nothing.
@Suite("HTML report")
struct HTMLReportTests {
    let project = TemporaryDirectory()
    var directory: URL { URL(fileURLWithPath: project.path) }

    static let policy = """
        kind: Policy
        id: demo
        title: Checks for "R&D" & 'ops' <b>
        target: TeamMember
        rules:
          - id: D-01
            title: Identity goes through SSO & "MFA"
            severity: high
            require: member.identity.sso
            message: "{{member.name}} signs in without SSO"
            controls: [SOC2:CC6.1, ISO27001:A.5.10, ISO27001:A.5.9]
            gates: [pre-credentials]

        """

    static let member = """
        kind: TeamMember
        id: mallory
        name: <script>alert(1)</script>
        title: Engineer "R&D" & 'ops'
        status: active
        location: {city: <img src=x onerror=alert(2)>}
        identity: {sso: false}

        """

    static let waiver = """
        kind: Waiver
        id: W-1
        rule: D-01
        subject: mallory
        justification: Because <i>we</i> said "so" & it's fine
        approved_by: sam
        expires: 2026-01-01

        """

    init() {
        project.write("policies/demo.yaml", Self.policy)
        project.write("team/mallory.yaml", Self.member)
        project.write("waivers.yaml", Self.waiver)
        project.write("approvers/sam.yaml", "kind: TeamMember\nid: sam\nname: Sam\nstatus: active\nroles: [security-owner]\nidentity: {sso: true}\n")
    }

    func html(_ arguments: [String] = [], status: Int32 = 1) throws -> String {
        let result = try CommandRunner.run(["check", "--policies", "policies", "--waivers", "waivers.yaml", "--context", "approvers", "--as-of", "2026-11-20",
                                            "--format", "html"] + arguments + ["team"], in: directory)
        #expect(result.status == status)
        #expect(result.standardError == "")
        return result.standardOutput
    }

    @Test func inputValuesAreEscaped() throws {
        let page = try html()
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; signs in without SSO"))
        #expect(page.contains("Engineer &quot;R&amp;D&quot; &amp; &#39;ops&#39;"))
        #expect(page.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!page.contains("<img"))
        #expect(page.contains("Checks for &quot;R&amp;D&quot; &amp; &#39;ops&#39; &lt;b&gt;"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("Identity goes through SSO &amp; &quot;MFA&quot;"))
        #expect(page.contains("Because &lt;i&gt;we&lt;/i&gt; said &quot;so&quot; &amp; it&#39;s fine"))
        #expect(page.contains("<td>sam</td>"))
        #expect(page.contains("data-search=\"mallory &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func pageHasOneScriptAndFetchesNothing() throws {
        let page = try html()
        #expect(page.components(separatedBy: "<script").count == 2)
        for reference in ["http://", "https://", "src=\"", "src='", "url(", "@import", "<link", "<iframe", "<object"] {
            #expect(!page.contains(reference), "found \(reference)")
        }
        #expect(page.hasPrefix("<!DOCTYPE html>\n"))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func controlsAreInNumericOrderAndTheGateBlocks() throws {
        let page = try html()
        let nine = try #require(page.range(of: "<code>A.5.9</code>"))
        let ten = try #require(page.range(of: "<code>A.5.10</code>"))
        #expect(nine.lowerBound < ten.lowerBound)
        #expect(page.contains("<span class=\"badge tone-pending\">Pre-credentials gate: BLOCKED (1 of 1 item not met: D-01)</span>"))
        #expect(page.contains("<span class=\"badge tone-fail\">Expired</span>"))
    }

    @Test func baselineSectionCountsNewUnchangedAndResolved() throws {
        _ = try html(["--write-baseline", "baseline.json"])
        project.write("team/mallory.yaml", Self.member.replacingOccurrences(of: "identity: {sso: false}", with: "identity: {sso: true}"))
        project.write("team/trent.yaml", "kind: TeamMember\nid: trent\nname: Trent\nstatus: active\nidentity: {sso: false}\n")
        let page = try html(["--baseline", "baseline.json"])
        #expect(page.contains("<a href=\"#baseline\">Baseline</a>"))
        #expect(page.contains("<div class=\"card-value\">1</div><div class=\"card-label\">New</div>"))
        #expect(page.contains("<div class=\"card-value\">1</div><div class=\"card-label\">Unchanged</div>"))
        #expect(page.contains("<tr><td><code>D-01</code></td><td><code>mallory</code></td><td>&lt;script&gt;alert(1)&lt;/script&gt; signs in without SSO</td></tr>"))
    }
}
