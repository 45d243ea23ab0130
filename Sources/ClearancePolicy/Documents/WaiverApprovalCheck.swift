import ClearanceCore

/// Finds waivers that no one entitled to accept the risk approved, and live waivers that accept more
/// than a waiver may: every subject of a rule, or a term past the longest allowed.
struct WaiverApprovalCheck {
    let checks: WaiverChecks

    /// The snapshot's members by id (the first of an id: ids are checked apart), for checking who approved.
    static func members(of documents: DocumentSet) -> [String: InputDocument] {
        Dictionary(documents.documents(of: .teamMember).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One diagnostic per problem, in waiver order: approvers at `checks.unapproved`, limits as errors.
    func diagnostics(_ waivers: [Waiver], in documents: DocumentSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let level = checks.unapproved, !waivers.isEmpty {  // the members by id only for waivers to check
            let members = Self.members(of: documents)
            for waiver in waivers {
                guard let reason = problem(approving: waiver, members: members) else { continue }
                diagnostics.append(diagnostic("input.waiver-approver", "waiver \(waiver.id) is not approved: \(reason)",
                                              at: waiver.approverLocation, waiver, level: level))
            }
        }
        guard let now = checks.now else { return diagnostics }
        for waiver in waivers where waiver.isLive(at: now) {
            if waiver.subject == "*" {
                diagnostics.append(diagnostic("input.waiver-every-subject",
                                              "waiver \(waiver.id) covers every subject of \(waiver.ruleID) (`subject: *`); a waiver names the one subject it accepts",
                                              at: waiver.subjectLocation, waiver, level: .error))
            }
            if waiver.expiresAt.seconds - now.seconds > Int64(checks.maximumDays) * 86_400 {
                diagnostics.append(diagnostic("input.waiver-term",
                                              "waiver \(waiver.id) expires \(waiver.expiresText), more than \(checks.maximumDays) days after \(now.rfc3339.prefix(10)) (waiver_max_days)",
                                              at: waiver.expiresLocation, waiver, level: .error))
            }
        }
        return diagnostics
    }

    /// Why `waiver`'s approver may not approve it, or nil when they may.
    private func problem(approving waiver: Waiver, members: [String: InputDocument]) -> String? {
        Self.approverProblem(waiver.approvedBy, of: waiver.subject, roles: checks.approverRoles, members: members)
    }

    /// Why `approver` may not accept a risk about `subject` (none for a rule override), or nil when they may:
    /// they must be a loaded, active member holding one of `roles`, and not the subject.
    static func approverProblem(_ approver: String, of subject: String?, roles wanted: [String], members: [String: InputDocument]) -> String? {
        let approver = VisibleText.value(approver)
        guard let member = members[approver] else { return "approver \(approver) is not among the loaded members" }
        let status = member.root["status"]?.string ?? "without a status"
        guard status == "active" else { return "approver \(approver) is \(status == "candidate" ? "a candidate" : status)" }
        let roles = Set(member.root["roles"]?.elements.compactMap(\.string) ?? [])
        guard wanted.contains(where: roles.contains) else {
            return wanted.count == 1 ? "approver \(approver) does not hold the \(wanted[0]) role"
                : "approver \(approver) holds none of the approver roles \(wanted.joined(separator: ", "))"
        }
        guard approver != subject else { return "approver \(approver) approves a waiver of their own findings" }
        return nil
    }

    private func diagnostic(_ code: String, _ message: String, at location: SourceLocation, _ waiver: Waiver, level: Diagnostic.Level) -> Diagnostic {
        var diagnostic = Diagnostic(code: code, message: message, location: location, sourceLine: waiver.source.lineText(location.line))
        diagnostic.level = level
        return diagnostic
    }
}
