import ClearanceCore
import ClearanceEngine
import ClearancePolicy
@testable import ClearanceReporting
import Testing

/// The HTML report's escaping: every quote and bracket a value holds becomes an entity, even one followed by a combining
/// mark (with which Swift counts it as one character, and Mustache's own escaping let it through).
struct HTMLEscapingTests {
    @Test func escapesTheFiveCharactersByteByByte() {
        #expect(HTMLEscaping.escaped(#"a<b>&"c"'d'"#) == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(HTMLEscaping.escaped("\"\u{301} onmouseover=x") == "&quot;\u{301} onmouseover=x")
        #expect(HTMLEscaping.escaped("<\u{338}script>") == "&lt;\u{338}script&gt;")
        #expect(HTMLEscaping.escaped("Chávez ✓") == "Chávez ✓")
        #expect(HTMLEscaping.escaped("") == "")
    }

    /// A person's name and a rule's title with a quote and a combining mark cannot end an attribute or open a tag,
    /// in the checklist cards and in the framework tables alike.
    @Test func aCombiningMarkAfterAQuoteCannotLeaveAnAttributeAnywhereOnThePage() throws {
        let hostileName = "Ana\"\u{301} onmouseover=\"alert(1)"
        let hostileTitle = "Title'\u{301}><\u{338}img src=x onerror=alert(2)>"
        let rule = SmallReport.rule("ZT-09", hostileTitle, SmallReport.zeroTrust, .high, controls: ["SOC2:CC6.1"], remediation: "Fix it.")
        let catalogue = RuleCatalogue(policies: [SmallReport.zeroTrust], rules: [rule], digests: [], overrides: [], frameworks: [SmallReport.soc2Table])
        let person = SmallReport.person("ana.x", hostileName, "active", ["Engineer"], issued: nil)
        let finding = SmallReport.finding(rule, .fail, "ana.x", "device \"\u{301}<\u{338}b> fails", at: 3, 5)
        let report = Report(asOf: SmallReport.asOf, findings: [finding], summary: [.fail: 1], documentsChecked: 1, catalogue: catalogue,
                            inputFiles: [], waivers: [], subjects: [person])
        let page = HTMLReporter().render(report, context: SmallReport.context)
        #expect(Self.count("Ana&quot;\u{301} onmouseover=&quot;alert(1)", in: page) > 0)
        #expect(Self.count("\"\u{301}", in: page) == 0)
        #expect(Self.count("'\u{301}", in: page) == 0)
        #expect(Self.count("<\u{338}", in: page) == 0)
        // Both the framework table (a Mustache partial) and the card (written directly) show the title escaped.
        #expect(Self.count("Title&#39;\u{301}&gt;&lt;\u{338}img src=x onerror=alert(2)&gt;", in: page) >= 2)
    }

    /// How many times `needle`'s UTF-8 bytes occur in `page`'s (bytes, not characters, as a browser reads them).
    static func count(_ needle: String, in page: String) -> Int {
        let needle = Array(needle.utf8), bytes = Array(page.utf8)
        guard bytes.count >= needle.count else { return 0 }
        return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }.count
    }
}
