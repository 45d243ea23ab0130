import ClearanceCore
import ClearanceDocument

/// Checks every rule's `controls` against the loaded framework tables: a control of a framework
/// whose table is loaded must be listed in it. Controls of a framework with no table loaded are
/// not checked, so a pack still loads on its own.
struct ControlStage {
    /// The loaded tables.
    let tables: [ControlTable]

    /// A problem at each control a loaded table does not list, with the closest listed id.
    func run(drafts: [PolicyDraft]) -> [Diagnostic] {
        guard !tables.isEmpty else { return [] }
        let byFramework = Dictionary(tables.map { ($0.framework, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [Diagnostic] = []
        for rule in drafts.flatMap(\.rules) {
            for node in rule.node["controls"]?.elements ?? [] {
                guard let text = node.string, let control = Control(text), let table = byFramework[control.framework],
                      !table.contains(control) else { continue }
                let suggestion = Suggestion.closest(to: control.id, among: table.controls.map(\.id))
                    .map { " (did you mean '\(control.framework.rawValue):\($0)'?)" } ?? ""
                var problem = ShapeChecker.diagnostic(node, code: "policy.unknown-control",
                    "rule \(rule.id) names '\(VisibleText.value(text))', which the \(table.title) table does not list\(suggestion)")
                if let location = table.location {
                    problem.notes.append(Diagnostic.Note(message: "the \(control.framework.rawValue) table loaded", location: location))
                }
                problems.append(problem)
            }
        }
        return problems
    }
}
