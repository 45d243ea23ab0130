import ClearanceCore

/// Finds rule overrides of `clearance.yaml` that no one entitled to accept the risk approved, or that run
/// longer than a waiver may: an override is a waiver of a rule for everyone, so it answers to the same rules.
public struct RuleOverrideCheck: Sendable {
    /// Who may approve, how long, and the evaluation time (`checks.now`; no term check without it).
    public let checks: WaiverChecks

    /// Creates a check with the project's waiver rules.
    public init(checks: WaiverChecks) { self.checks = checks }

    /// One error per problem of a live override, in file order.
    public func diagnostics(_ overrides: [RuleOverride], in documents: DocumentSet) -> [Diagnostic] {
        // The members are indexed only for overrides to check: a large organisation has a hundred thousand.
        guard !overrides.isEmpty else { return [] }
        let members = WaiverApprovalCheck.members(of: documents)
        var found: [Diagnostic] = []
        for override in overrides where checks.now.map(override.isLive) ?? true {
            if let reason = WaiverApprovalCheck.approverProblem(override.approvedBy, of: nil, roles: checks.approverRoles, members: members) {
                found.append(Diagnostic(code: "settings.override-approver", message: "the override of \(override.ruleID) is not approved: \(reason)",
                                        location: override.approverLocation, sourceLine: override.source.lineText(override.approverLocation.line)))
            }
            if let now = checks.now, override.expiresAt.seconds - now.seconds > Int64(checks.maximumDays) * 86_400 {
                found.append(Diagnostic(code: "settings.override-term",
                                        message: "the override of \(override.ruleID) expires \(override.expiresText), more than \(checks.maximumDays) days after \(now.rfc3339.prefix(10)) (waiver_max_days)",
                                        location: override.expiresLocation, sourceLine: override.source.lineText(override.expiresLocation.line)))
            }
        }
        return found
    }
}
