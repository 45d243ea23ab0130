import ClearanceCore
import ClearanceEngine

/// A person's accounts as the sources observed them, as `clearance checklist` prints them: a heading per system and scope,
/// then each account's name, status, MFA and last use, and the record's place. Everything read from an export is escaped.
public enum ObservedAccountsText {
    /// The lines, heading first; none without accounts.
    public static func lines(_ accounts: [ObservedAccount], style: TextStyle = TextStyle(enabled: false)) -> [String] {
        guard !accounts.isEmpty else { return [] }
        let shown = VisibleText.value
        var lines = [style.bold("Accounts observed in the sources")]
        var heading: String?
        for account in accounts {
            let system = shown(account.system) + (account.scope.map { " " + shown($0) } ?? "")
            if system != heading {
                lines.append("  " + system)
                heading = system
            }
            var facts = [shown(account.status), "MFA " + shown(account.mfaText), "last seen " + account.lastSeenText]
            if account.privileged == true { facts.insert("administrator", at: 1) }
            lines.append("    " + TextReporter.pad(shown(account.name), 16) + " " + facts.joined(separator: " · "))
            lines.append("      " + style.dim(shown(account.location.description)))
        }
        return lines
    }
}
