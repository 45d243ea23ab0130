import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import ClearanceYAML

/// Evaluates one rule on one document exactly as DESIGN.md says: `when` first (per element for a
/// `for_each` rule), then `require`; false `when` skips, any error fails closed.
struct RuleEvaluator {
    let waivers: WaiverBook

    /// Appends the findings of `rule` on `document` to `findings`; `bindings` already hold the document.
    func evaluate(_ rule: Rule, on document: InputDocument, bindings: inout Bindings, into findings: inout [Finding]) {
        let documentLocation = document.root.location
        guard let forEach = rule.forEach else {
            let outcome = decide(rule, bindings)
            findings.append(finding(rule, outcome, document: document, element: nil, index: -1, location: documentLocation, bindings: bindings))
            return
        }
        let elements: [(value: Value, node: Node?)]
        switch forEach.list.program.evaluate(bindings) {
        case .failure(let error):
            findings.append(finding(rule, .error("cannot evaluate for_each: \(error.message)"), document: document, element: nil, index: -1,
                                    location: documentLocation, bindings: bindings))
            return
        case .success(let value):
            guard let list = ValueAccess.elements(of: value) else {
                findings.append(finding(rule, .error("for_each must give a list, not \(ValueAccess.typeName(of: value))"), document: document,
                                        element: nil, index: -1, location: documentLocation, bindings: bindings))
                return
            }
            elements = list
        }
        for (index, element) in elements.enumerated() {
            bindings[PolicyBindings.element] = element.value
            let path = forEach.fieldPath.map { "\($0)[\(index)]" } ?? "[\(index)]"
            let outcome = decide(rule, bindings)
            findings.append(finding(rule, outcome, document: document, element: path, index: index,
                                    location: element.node?.location ?? documentLocation, bindings: bindings))
        }
        bindings[PolicyBindings.element] = .null
    }

    /// The outcome before waivers.
    enum Outcome {
        case pass, fail, skip
        case error(String)
    }

    private func decide(_ rule: Rule, _ bindings: Bindings) -> Outcome {
        if let when = rule.when {
            switch condition(when, named: "when", bindings) {
            case .success(false): return .skip
            case .success(true): break
            case .failure(let problem): return .error(problem.message)
            }
        }
        switch condition(rule.require, named: "require", bindings) {
        case .success(true): return .pass
        case .success(false): return .fail
        case .failure(let problem): return .error(problem.message)
        }
    }

    private struct Problem: Error { let message: String }

    private func condition(_ expression: CompiledExpression, named name: String, _ bindings: Bindings) -> Result<Bool, Problem> {
        switch expression.program.evaluate(bindings) {
        case .success(.bool(let value)): return .success(value)
        case .success(let other): return .failure(Problem(message: "\(name) must give a bool, not \(ValueAccess.typeName(of: other))"))
        case .failure(let error): return .failure(Problem(message: "cannot evaluate \(name): \(error.message)"))
        }
    }

    private func finding(_ rule: Rule, _ outcome: Outcome, document: InputDocument, element: String?, index: Int,
                         location: SourceLocation, bindings: Bindings) -> Finding {
        var status: FindingStatus
        var message: String
        switch outcome {
        case .pass: (status, message) = (.pass, rule.title)
        case .skip: (status, message) = (.skip, rule.title)
        case .fail: (status, message) = (.fail, MessageRenderer.render(rule.message, bindings))
        case .error(let problem): (status, message) = (.error, problem)
        }
        var waiver: Waiver?
        if status.isFailing, let live = waivers.waiver(rule: rule.id, subject: document.id) {
            waiver = live
            status = .waived
        }
        return Finding(rule: rule.info, status: status, subject: document.id, kind: document.kind, element: element,
                       elementIndex: index, message: message, location: location, waiver: waiver)
    }
}
