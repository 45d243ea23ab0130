import Foundation
import Testing
import ClearanceTestSupport

/// Hostile values from input files come out of every format as text: never as a second annotation, a broken
/// table, markup or a script.
@Suite("Reporter escaping")
struct ReporterEscapingTests {
    let project = HostileProject()

    /// CR and LF are percent-encoded (the runner decodes them inside the annotation); every other control character
    /// is shown as a visible `\u{XX}` escape, since the runner would pass it to the log raw.
    @Test func githubEscapesMessagesAndProperties() throws {
        let result = try project.check(format: "github")
        #expect(result.status == 1)
        #expect(result.standardOutput == """
            ::error file=team/a%2Cb%3Ac%25.yaml,line=5,col=17,title=H-01 Names%3A 100%25 safe%2C <b>bold</b> | `code` (high)::\
            50%25 off: a,b%0D%0Aline2 | <script>alert(1)</script> & `tick` *star* _u_ [x](javascript:alert(1)) $x$ \\u{01}\\u{0B} end
            ::notice title=Clearance::1 document checked against 2 rules: 0 pass, 1 fail, 0 error, 1 waived, 0 skip, 0 pending; 1 failing at or above low.

            """)
    }

    @Test func markdownEscapesTablesListsAndHTML() throws {
        let result = try project.check(format: "markdown")
        #expect(result.status == 1)
        #expect(result.standardOutput == """
            ## Clearance: 1 finding fails at or above low

            1 document checked against 2 rules as of 2026-11-20T00:00:00Z.

            | pass | fail | error | waived | skip | pending |
            | ---: | ---: | ---: | ---: | ---: | ---: |
            | 0 | 1 | 0 | 1 | 0 | 0 |

            ### Failing rules

            | rule | severity | title | findings | controls |
            | --- | --- | --- | ---: | --- |
            | H-01 | high | Names: 100% safe, &lt;b&gt;bold&lt;/b&gt; \\| \\`code\\` | 1 | SOC2:CC6.1 |

            ### Findings by subject

            <details><summary>eve (TeamMember): 1 failing, 1 waived</summary>

            - ~ **H-02** (low) eve has no title — team/a,b:c%.yaml:1:1 · waived by W-1 until 2026-12-31
            - ✗ **H-01** (high) 50% off: a,b  line2 \\| &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\`tick\\` \\*star\\* \\_u\\_ \
            \\[x\\](javascript:alert(1)) \\$x\\$ \u{FFFD}\u{FFFD} end — team/a,b:c%.yaml:5:17

            </details>

            """)
    }

    @Test func junitEscapesAttributesTextAndForbiddenCharacters() throws {
        let result = try project.check(format: "junit")
        #expect(result.status == 1)
        let message = "50% off: a,b&#13;&#10;line2 | &lt;script&gt;alert(1)&lt;/script&gt; &amp; `tick` *star* _u_ [x](javascript:alert(1)) $x$ \u{FFFD}\u{FFFD} end"
        // Line feeds inside a value are `&#10;` in element text too, so a value can never start a line of the file;
        // the lines the reporter itself writes (Justification, Remediation) stay lines.
        let text = message
        #expect(result.standardOutput == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="Clearance" tests="2" failures="1" errors="0">
              <testsuite name="hostile" tests="2" failures="1" errors="0" skipped="1" timestamp="2026-11-20T00:00:00Z">
                <testcase name="H-02 eve" classname="hostile.H-02">
                  <skipped message="waived by W-1 until 2026-12-31">team/a,b:c%.yaml:1:1: eve has no title
            Justification: ok &amp; &lt;fine&gt; "quoted"&#10;next: 100%
            Approved by: marta.ruiz</skipped>
                </testcase>
                <testcase name="H-01 eve" classname="hostile.H-01">
                  <failure message="\(message)" type="high">team/a,b:c%.yaml:5:17: \(text)
            Remediation: Fix it &amp; retry: a|b &lt;script&gt;x&lt;/script&gt;
            Controls: SOC2:CC6.1</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func sarifKeepsValuesExactAndEncodesURIs() throws {
        #expect(try project.check(format: "sarif").standardOutput.components(separatedBy: "\"ruleId\"").count == 2)  // waived left out
        let result = try project.check(format: "sarif", options: ["--sarif-include-waived"])
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        // The failing H-01 (`sso: false`, 5:17) and the waived H-02 (the document, 1:1), whichever order severity gives them.
        let failing = try #require(results.first { $0["suppressions"] == nil })
        let waived = try #require(results.first { $0["suppressions"] != nil })
        #expect((failing["message"] as? [String: Any])?["text"] as? String == HostileProject.name)
        let location = (failing["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        let artifact = location?["artifactLocation"] as? [String: Any]
        #expect(artifact?["uri"] as? String == "team/a%2Cb%3Ac%25.yaml")
        #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
        let suppression = (waived["suppressions"] as? [[String: Any]])?.first
        #expect(suppression?["justification"] as? String == "ok & <fine> \"quoted\"\nnext: 100%")
        let rules = try #require((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        let help = rules.first?["help"] as? [String: Any]
        #expect(help?["text"] as? String == "Remediation: Fix it & retry: a|b <script>x</script>\n\nControls: SOC2:CC6.1")
        #expect(help?["markdown"] as? String == "**Remediation:** Fix it &amp; retry: a\\|b &lt;script&gt;x&lt;/script&gt;\n\n**Controls:** SOC2:CC6.1")
    }
}
