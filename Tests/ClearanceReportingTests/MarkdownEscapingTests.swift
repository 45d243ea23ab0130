@testable import ClearanceReporting
import Testing

/// Markdown and workflow-command escaping replaces scalar by scalar, so a carriage return inside a CR LF (one Swift
/// character), a control character beside a combining mark, and characters that start formatting are each replaced, and
/// text with nothing to replace comes back unchanged.
struct MarkdownEscapingTests {
    @Test func inlineTextIsOneLineOfLiteralCharacters() {
        #expect(MarkdownEscaping.inline("a\r\nb") == "a  b")
        #expect(MarkdownEscaping.inline("*bold* _it_ [x](y) `c` | ~s~ $m$ \\") == "\\*bold\\* \\_it\\_ \\[x\\](y) \\`c\\` \\| \\~s\\~ \\$m\\$ \\\\")
        #expect(MarkdownEscaping.inline("<img src=x>&amp;") == "&lt;img src=x&gt;&amp;amp;")
        #expect(MarkdownEscaping.inline("\u{7}\u{301}é🇵🇹\u{85}") == "\u{FFFD}\u{301}é🇵🇹\u{FFFD}")
        #expect(MarkdownEscaping.inline("Chávez ✓ ok") == "Chávez ✓ ok")
        #expect(MarkdownEscaping.inline("") == "")
        #expect(MarkdownEscaping.inline("*") == "\\*")
        #expect(MarkdownEscaping.oneLine("\tx\n") == " x ")
    }

    /// Runs between replacements are copied whole: the result is the one a scalar-by-scalar copy gives, for text
    /// replaced at its start, its end, everywhere and nowhere, with multibyte scalars between.
    @Test func replacingCopiesTheRunsBetweenReplacementsAsTheyAre() {
        func scalarByScalar(_ value: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
            var output = ""
            for scalar in value.unicodeScalars {
                if let text = replacement(scalar) { output += text } else { output.unicodeScalars.append(scalar) }
            }
            return output
        }
        let pieces = ["a", "é", "e\u{301}", "\r\n", "\r", "🇵🇹", "*", "<", "\u{0}", "漢字", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for replace in [{ (s: Unicode.Scalar) in s == "*" || s == "\r" ? "[\(s.value)]" : nil }, { _ in nil }, { (s: Unicode.Scalar) in "<\(s.value)>" }] {
                #expect(value.replacingScalars(replace) == scalarByScalar(value, replace), "\(value.debugDescription)")
            }
        }
    }
}
