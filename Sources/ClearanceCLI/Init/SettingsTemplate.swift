import ClearanceDocument
import ClearancePolicy

/// The `settings:` block `clearance init` writes into clearance.yaml: every param each pack declares, with its
/// description, type and default, all commented out, so a company sees what it can set and changes a line by
/// uncommenting it (each line of the block starts with `# `; removing those two characters leaves valid YAML).
struct SettingsTemplate {
    /// The policies whose params are listed, in load order.
    let policies: [Policy]

    /// The block, each line commented.
    var text: String {
        var lines = [
            "# Each built-in pack's settings, with their defaults. To change one, uncomment `settings:`, the pack's",
            "# line and the setting's line, and edit the value (`clearance explain RULE` shows the values in effect).",
            "# settings:",
        ]
        for policy in policies where !policy.settings.isEmpty {
            lines.append("#   \(policy.id):" + (policy.version.map { "  # \(policy.title), version \($0)" } ?? "  # \(policy.title)"))
            for setting in policy.settings {
                let parameter = setting.parameter
                lines.append("#     # \(Self.oneLine(parameter.description)) (\(parameter.typeText))")
                lines.append("#     \(parameter.name): \(Self.flow(parameter.defaultValue))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` on one line: a description's line breaks would end the comment.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            .joined(separator: " ")
    }

    /// A value as YAML flow text on one line: `90d`, `[admin, owner]`, `{aws: ops.lead}`, quoted where it must be.
    static func flow(_ node: Node) -> String {
        switch node.kind {
        case .sequence: return "[" + node.elements.map(flow).joined(separator: ", ") + "]"
        case .mapping: return "{" + node.entries.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        case .null: return "null"
        case .bool: return node.bool == true ? "true" : "false"
        case .int: return node.int.map(String.init) ?? "null"
        case .double: return node.double.map { String($0) } ?? "null"
        case .timestamp: return node.timestamp?.rfc3339 ?? "null"
        case .string: return scalar(node.string ?? "")
        }
    }

    /// A string as a plain scalar when YAML reads it back as the same string, else single-quoted.
    static func scalar(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-/".unicodeScalars.contains($0) }
        let reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", ""].contains(text.lowercased())
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count)
        // A leading digit or sign could read as a number or a date; a duration such as 90d or 24h cannot.
        let numberLike = text.first.map { $0.isNumber || "-+.".contains($0) } ?? true
        let duration = !digits.isEmpty && ["ms", "s", "m", "h", "d", "w"].contains(String(unit))
        if safe && !reserved && (!numberLike || duration) { return text }
        return "'" + String(text.flatMap { $0 == "'" ? ["'", "'"] : [$0] }) + "'"
    }
}
