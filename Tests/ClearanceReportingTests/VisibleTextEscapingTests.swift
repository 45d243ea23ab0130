import ClearanceCore
import Testing

/// `VisibleText.escaped` shows every C0 control, DEL and C1 control as an escape, whatever surrounds it, and leaves every
/// other character as it is: the first look at the text's bytes never lets a control through or escapes anything else.
@Suite("Visible text escaping")
struct VisibleTextEscapingTests {
    /// Each scalar from U+0000 to U+2FFF between two letters: escaped exactly when it is a control.
    @Test func everyScalarUpToU2FFF() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let shown = VisibleText.escaped(text)
            if VisibleText.isControl(scalar) {
                #expect(shown != text, "U+\(String(value, radix: 16)) was not escaped")
                #expect(!shown.unicodeScalars.contains(where: VisibleText.isControl), "U+\(String(value, radix: 16))")
            } else if scalar != "\n", scalar != "\r", scalar != "\t" {
                #expect(shown == text, "U+\(String(value, radix: 16)) was changed")
            }
        }
    }

    @Test func namedEscapesAndNeighboursOfC1() {
        #expect(VisibleText.escaped("tab\there\nnext\rback") == "tab\\there\\nnext\\rback")
        #expect(VisibleText.escaped("NEL \u{85}, APC \u{9F}, DEL \u{7F}, NUL \u{00}") == "NEL \\u{85}, APC \\u{9F}, DEL \\u{7F}, NUL \\u{00}")
        // Characters whose UTF-8 starts like a C1 control's, but are not one.
        #expect(VisibleText.escaped("NBSP \u{A0} © ¿ é") == "NBSP \u{A0} © ¿ é")
    }
}
