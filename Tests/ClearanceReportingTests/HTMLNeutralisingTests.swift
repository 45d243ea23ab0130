import ClearanceCore
@testable import ClearanceReporting
import Testing

/// What the HTML page does to text the templates wrote: control characters shown as U+FFFD, a line that would be a
/// workflow command defused, everything else byte for byte.
struct HTMLNeutralisingTests {
    @Test func controlsBecomeTheReplacementCharacterAndLineStartingColonsAreDefused() {
        let page = "<p>a\u{1B}[31mred\u{7F}\u{85}\u{9F}</p>\n  ::error::owned\n\t::set-output\nx ::fine\n::\r\ntab\there\rcr é ✓ \u{A0}"
        #expect(HTMLReporter.neutralised(page)
            == "<p>a\u{FFFD}[31mred\u{FFFD}\u{FFFD}\u{FFFD}</p>\n  &#58;:error::owned\n\t&#58;:set-output\nx ::fine\n&#58;:\r\ntab\there\rcr é ✓ \u{A0}")
    }

    /// The one-pass version against the two passes it replaced (scalars, then lines), on random text without CR LF
    /// pairs or combining marks, where Swift's characters and bytes agree.
    @Test func agreesWithTheScalarThenLineDefinition() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [" ", "\t", "\n", ":", "a", "<", "&", "\u{0}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "✓", "😀", "\r"]
        for _ in 0..<2_000 {
            let page = Self.randomPage(alphabet, &generator)
            #expect(HTMLReporter.neutralised(page) == Self.reference(page), "\(page.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Text without control characters, where most pieces hold nothing to neutralise and are handed back as they are:
    /// the same definition still holds, a line's leading `::` included.
    @Test func textWithoutControlsAgreesWithTheDefinitionToo() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [" ", "\t", "\n", ":", "a", "<", "é", "✓", "\u{A0}", "\r"]
        var untouched = 0
        for _ in 0..<2_000 {
            let page = Self.randomPage(alphabet, &generator)
            let clean = page.utf8.withContiguousStorageIfAvailable(HTMLReporter.holdsNothingToNeutralise) ?? false
            #expect(!clean || HTMLReporter.neutralised(page) == page)
            #expect(HTMLReporter.neutralised(page) == Self.reference(page), "\(page.unicodeScalars.map { String($0.value, radix: 16) })")
            if clean { untouched += 1 }
        }
        #expect(untouched > 100)
    }

    /// Up to 40 scalars of `alphabet`, never a CR LF pair: Swift reads one as a single character, so the reference would
    /// not see the line end the page has there (a `\r\r\n` left by replacing pairs afterwards did that now and then).
    static func randomPage(_ alphabet: [Unicode.Scalar], _ generator: inout SystemRandomNumberGenerator) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...40, using: &generator) {
            let scalar = alphabet.randomElement(using: &generator)!
            if scalar == "\n", text.last == "\r" { continue }
            text.append(scalar)
        }
        return String(text)
    }

    /// The definition: control scalars replaced first, then each line's leading `::` defused.
    static func reference(_ page: String) -> String {
        let cleaned = page.replacingScalars { scalar in
            scalar != "\t" && scalar != "\n" && scalar != "\r" && VisibleText.isControl(scalar) ? "\u{FFFD}" : nil
        }
        return cleaned.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let body = line.drop { $0 == " " || $0 == "\t" }
            return body.hasPrefix("::") ? line[..<body.startIndex] + "&#58;" + body.dropFirst() : String(line)
        }.joined(separator: "\n")
    }
}
