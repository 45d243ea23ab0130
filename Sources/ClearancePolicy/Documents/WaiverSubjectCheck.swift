import ClearanceCore

/// Finds waivers whose subject is no loaded document of the kind their rule checks: a typo there
/// (`bob.kumr`) would otherwise waive nothing, silently.
struct WaiverSubjectCheck {
    let policies: PolicySet

    /// One diagnostic at `level` per waiver whose subject (other than `*`) no loaded document has.
    func diagnostics(_ waivers: [Waiver], in documents: DocumentSet, level: Diagnostic.Level) -> [Diagnostic] {
        var idsByKind: [DocumentKind: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        for waiver in waivers where waiver.subject != "*" {
            guard let kind = policies.rule(waiver.ruleID)?.target else { continue }
            let ids = idsByKind[kind] ?? Set(documents.documents(of: kind).map(\.id))
            idsByKind[kind] = ids
            guard !ids.contains(waiver.subject) else { continue }
            var diagnostic = Diagnostic(code: "input.waiver-subject",
                                        message: "waiver \(waiver.id) names subject '\(waiver.subject)', but no loaded \(kind.rawValue) has that id"
                                            + Suggestion.didYouMean(waiver.subject, among: ids.sorted()),
                                        location: waiver.subjectLocation, sourceLine: waiver.source.lineText(waiver.subjectLocation.line))
            diagnostic.level = level
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }
}
