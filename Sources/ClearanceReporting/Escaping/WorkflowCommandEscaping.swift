import ClearanceCore

/// Text made safe for a GitHub Actions workflow command (`::error file=…,title=…::message`), as the runner decodes it.
public enum WorkflowCommandEscaping {
    /// The message after `::`: `%` as `%25`, carriage return as `%0D`, line feed as `%0A`, and every other C0 or C1
    /// control and DEL as a visible escape (``VisibleText/escaped(_:)``), so none reaches the log raw.
    public static func message(_ value: String) -> String { escape(value, property: false) }

    /// A property value (`file=`, `title=`): as ``message(_:)``, plus `:` as `%3A` and `,` as `%2C`.
    public static func property(_ value: String) -> String { escape(value, property: true) }

    private static func escape(_ value: String, property: Bool) -> String {
        value.replacingScalars { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            case ":" where property: "%3A"
            case "," where property: "%2C"
            case _ where VisibleText.isControl(scalar): VisibleText.escaped(String(scalar))
            default: nil
            }
        }
    }
}
