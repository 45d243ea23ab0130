import ClearanceCore
import ClearanceDocument

/// Stage 4: policy ids and rule ids are unique across everything loaded.
struct IdentifierStage {
    func run(drafts: [PolicyDraft]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var policies: [String: Node] = [:]
        var rules: [String: Node] = [:]
        for draft in drafts {
            if let first = policies[draft.id] {
                problems.append(Self.duplicate("policy id '\(draft.id)' is used twice", draft.idNode, first: first))
            } else {
                policies[draft.id] = draft.idNode
            }
            for rule in draft.rules {
                if let first = rules[rule.id] {
                    problems.append(Self.duplicate("rule id '\(rule.id)' is used twice; rule ids are unique across all policies", rule.idNode, first: first))
                } else {
                    rules[rule.id] = rule.idNode
                }
            }
        }
        return problems
    }

    static func duplicate(_ message: String, _ node: Node, first: Node) -> Diagnostic {
        var diagnostic = ShapeChecker.diagnostic(node, code: "policy.duplicate-id", message)
        let location = first.location
        diagnostic.notes.append(Diagnostic.Note(message: "first used here", location: location, sourceLine: first.document.source.lineText(location.line)))
        return diagnostic
    }
}
