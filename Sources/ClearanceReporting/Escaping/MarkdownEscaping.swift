/// Text from input files made safe for GitHub-flavoured Markdown: it renders as the same text, never as formatting or HTML.
public enum MarkdownEscaping {
    /// Inline Markdown (a table cell, a list item): HTML entities for `&`, `<` and `>`, a backslash before every character
    /// that could start formatting (`` \ ` * _ [ ] | ~ $ ``), and line breaks and control characters flattened to one line.
    public static func inline(_ value: String) -> String {
        oneLine(value).replacingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$": "\\" + String(scalar)
            default: nil
            }
        }
    }

    /// Text inside an HTML block such as `<summary>`, where Markdown is not read: HTML escapes only, on one line.
    public static func html(_ value: String) -> String { XMLEscaping.attribute(oneLine(value)) }

    /// Line breaks and tabs as spaces, other control characters as U+FFFD, so a value cannot end a table row or an HTML block.
    static func oneLine(_ value: String) -> String {
        value.replacingScalars { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: " "
            case 0x00..<0x20, 0x7F..<0xA0: "\u{FFFD}"
            default: nil
            }
        }
    }
}
