import ClearancePolicy

/// A SARIF reporting descriptor: what a rule checks, how to fix it, and how GitHub code scanning ranks it.
struct SARIFRule: Encodable {
    /// The level a result of the rule has unless it says otherwise.
    struct Configuration: Encodable {
        var level: SARIFLevel
    }

    /// The properties GitHub code scanning reads: tags to filter by, and the score and precision it ranks by.
    struct Properties: Encodable {
        var tags: [String]
        var securitySeverity: String
        var precision = "very-high"

        enum CodingKeys: String, CodingKey {
            case tags, securitySeverity = "security-severity", precision
        }
    }

    var id: String
    var name: String
    var shortDescription: SARIFMessage
    var fullDescription: SARIFMessage
    var help: SARIFMessage
    var defaultConfiguration: Configuration
    var properties: Properties

    /// The descriptor of a rule.
    init(_ rule: RuleInfo) {
        id = rule.id
        name = rule.id
        shortDescription = SARIFMessage(text: rule.title)
        fullDescription = SARIFMessage(text: rule.description ?? rule.title)
        let controls = rule.controls.map(\.description)
        var text: [String] = [], markdown: [String] = []
        if let remediation = rule.remediation {
            text.append("Remediation: " + remediation)
            markdown.append("**Remediation:** " + MarkdownEscaping.inline(remediation))
        }
        if !controls.isEmpty {
            text.append("Controls: " + controls.joined(separator: ", "))
            markdown.append("**Controls:** " + controls.map(MarkdownEscaping.inline).joined(separator: ", "))
        }
        help = text.isEmpty ? SARIFMessage(text: rule.title, markdown: MarkdownEscaping.inline(rule.title))
            : SARIFMessage(text: text.joined(separator: "\n\n"), markdown: markdown.joined(separator: "\n\n"))
        defaultConfiguration = Configuration(level: SARIFLevel(rule.severity))
        var tags: [String] = []
        for tag in controls + ["security"] where !tags.contains(tag) { tags.append(tag) }
        properties = Properties(tags: tags, securitySeverity: Self.securitySeverity(rule.severity))
    }

    /// GitHub's security-severity score of a severity: above 9.0 is critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }
}
