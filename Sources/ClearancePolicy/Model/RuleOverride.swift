import ClearanceCore
import ClearanceDocument
import Foundation

/// A change `clearance.yaml` makes to one rule: another severity, or the rule turned off, until it expires.
public struct RuleOverride: Sendable {
    /// The id of the changed rule.
    public let ruleID: String
    /// The severity its findings get instead of the pack's; `nil` when only `disabled` is set.
    public let severity: Severity?
    /// Whether the rule is turned off.
    public let disabled: Bool
    /// Why the change is accepted.
    public let justification: String
    /// The member id of who accepted it.
    public let approvedBy: String
    /// The instant it stops applying: the end of its expiry day in UTC, or the exact date-time given.
    public let expiresAt: Timestamp
    /// The expiry as written (a date or a date-time).
    public let expiresText: String
    /// Where the override's rule id is written.
    public let location: SourceLocation
    /// Where its `expires` is written.
    public let expiresLocation: SourceLocation
    /// Where its `approved_by` is written.
    public let approverLocation: SourceLocation
    /// The file it is written in, for quoting its lines.
    public let source: SourceFile

    /// Whether the override still applies at `now`.
    public func isLive(at now: Timestamp) -> Bool { now < expiresAt }

    /// What the override does, in words: `severity high → low` or `disabled`.
    public func changeText(packSeverity: Severity) -> String {
        if disabled { return "disabled" }
        return severity.map { "severity \(packSeverity.rawValue) → \($0.rawValue)" } ?? "no change"
    }

    /// Reads one entry of `rules:` (already shape-checked), or the problems that keep it from applying.
    static func read(key: Node, value: Node) -> Result<RuleOverride, Diagnostics> {
        guard let ruleID = key.string, let justification = value["justification"]?.string, let approverNode = value["approved_by"],
              let approvedBy = approverNode.string, let expiresNode = value["expires"], let expires = expiresNode.timestamp else {
            return .failure(Diagnostics([ShapeChecker.diagnostic(value, code: "settings.rule", "rules.\(ShapeChecker.keyText(key)) is incomplete")]))
        }
        var problems: [Diagnostic] = []
        for (name, text) in [("justification", justification), ("approved_by", approvedBy)] where text.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ShapeChecker.diagnostic(value[name] ?? value, code: "settings.rule", "rules.\(VisibleText.value(ruleID)) has an empty `\(name)`"))
        }
        let severity = value["severity"]?.string.flatMap(Severity.init(rawValue:))
        let disabled = value["disabled"]?.bool ?? false
        if value["disabled"]?.bool == false {
            problems.append(ShapeChecker.diagnostic(value["disabled"]!, code: "settings.rule",  // safe: just read
                                                    "rules.\(VisibleText.value(ruleID)): `disabled: false` changes nothing; remove it"))
        }
        if severity == nil && !disabled {
            problems.append(ShapeChecker.diagnostic(value, code: "settings.rule",
                                                    "rules.\(VisibleText.value(ruleID)) changes nothing: give it a `severity` or `disabled: true`"))
        }
        if severity != nil && disabled {
            problems.append(ShapeChecker.diagnostic(value, code: "settings.rule",
                                                    "rules.\(VisibleText.value(ruleID)) both changes the severity and turns the rule off; choose one"))
        }
        guard problems.isEmpty else { return .failure(Diagnostics(problems)) }
        let expiry = Expiry(expires, writtenIn: expiresNode)
        return .success(RuleOverride(ruleID: ruleID, severity: severity, disabled: disabled, justification: justification, approvedBy: approvedBy,
                                     expiresAt: expiry.end, expiresText: expiry.text,
                                     location: key.location, expiresLocation: expiresNode.location,
                                     approverLocation: approverNode.location, source: key.document.source))
    }
}
