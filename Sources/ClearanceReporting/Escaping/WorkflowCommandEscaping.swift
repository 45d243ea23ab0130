/// Text made safe for a GitHub Actions workflow command (`::error file=…,title=…::message`), as the runner decodes it.
public enum WorkflowCommandEscaping {
    /// The message after `::`: `%` as `%25`, carriage return as `%0D`, line feed as `%0A`.
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
            default: nil
            }
        }
    }
}
