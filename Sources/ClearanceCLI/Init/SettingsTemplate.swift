import ClearanceDocument
import ClearancePolicy

/// The `settings:` block `clearance init` writes into clearance.yaml: every pack's params with their values in the
/// pack, all commented out, so a company sees what it can set and changes a line by uncommenting it.
struct SettingsTemplate {
    /// The policies whose params are listed, in load order.
    let policies: [Policy]

    /// The block, each line commented.
    var text: String {
        var lines = [
            "# Each built-in pack's settings, with the value the pack uses. To change one, uncomment `settings:`,",
            "# the pack's line and the setting's line, and edit the value.",
            "# settings:",
        ]
        for policy in policies {
            let params = policy.params?.entries ?? []
            guard !params.isEmpty else { continue }
            lines.append("#   \(policy.id):" + (policy.version.map { "   # version \($0)" } ?? ""))
            for (key, value) in params {
                guard let name = key.string else { continue }
                lines.append("#     \(name): \(Self.flow(value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
