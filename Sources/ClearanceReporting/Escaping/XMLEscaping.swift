/// Text made safe for XML 1.0 element content and attribute values (JUnit, and HTML inside Markdown).
public enum XMLEscaping {
    /// Element content: `&`, `<`, `>` as entities, a carriage return as `&#13;` and a line feed as `&#10;` (so a value
    /// never starts a line of the file, say `::error` in a CI log), and every character XML 1.0 forbids, DEL and the C1 controls as U+FFFD.
    public static func text(_ value: String) -> String { escape(value, attribute: false) }

    /// An attribute value in double quotes: as ``text(_:)``, plus `"` and the line breaks and tabs that attribute normalization would lose.
    public static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        value.replacingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\r": "&#13;"
            case "\"" where attribute: "&quot;"
            case "\n": "&#10;"
            case "\t" where attribute: "&#9;"
            default: isAllowed(scalar) && !(0x7F..<0xA0).contains(scalar.value) ? nil : "\u{FFFD}"
            }
        }
    }

    /// Whether XML 1.0 allows a character (`Char` production): no C0 controls but tab and line breaks, no U+FFFE or U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
