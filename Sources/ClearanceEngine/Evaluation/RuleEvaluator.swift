import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import ClearanceYAML

/// Evaluates one rule on one document exactly as DESIGN.md says: `when` first (per element for a
/// `for_each` rule), then `require`; false `when` skips, any error fails closed.
///
/// Only findings the sink keeps are built (location, element path, message); the rest are counted.
struct RuleEvaluator {
    let waivers: WaiverBook

    /// Evaluates `rule` on `document` into `sink`; `bindings` already hold the document.
    func evaluate(_ rule: Rule, on document: InputDocument, bindings: inout Bindings, into sink: inout FindingSink) {
        guard let forEach = rule.forEach else {
            record(rule, decide(rule, bindings), document: document, element: nil, bindings: bindings, into: &sink)
            return
        }
        let list: Value
        switch forEach.list.program.evaluate(bindings) {
        case .failure(let error):
            record(rule, .error("cannot evaluate for_each: \(error.message)", in: .forEach), document: document, element: nil, bindings: bindings, into: &sink)
            return
        case .success(let value):
            list = value
        }
        switch list {
        case .nodeList(let yaml, let id):
            for index in 0..<yaml.count(id) {
                let elementID = yaml.element(index, of: id)
                bindings[PolicyBindings.element] = Value(document: yaml, id: elementID)
                record(rule, decide(rule, bindings), document: document, element: (index, Node(document: yaml, id: elementID)),
                       bindings: bindings, into: &sink)
            }
        case .list(let values):
            for (index, value) in values.enumerated() {
                bindings[PolicyBindings.element] = value
                record(rule, decide(rule, bindings), document: document, element: (index, value.node), bindings: bindings, into: &sink)
            }
        default:
            record(rule, .error("for_each must give a list, not \(list.typeName)", in: .forEach), document: document, element: nil, bindings: bindings, into: &sink)
        }
        bindings[PolicyBindings.element] = .null
    }

    /// The outcome before waivers.
    enum Outcome {
        case pass, fail, skip
        /// An expression could not be evaluated: what went wrong, and which expression.
        case error(String, in: FieldLocator.Source)
    }

    private func decide(_ rule: Rule, _ bindings: Bindings) -> Outcome {
        if let when = rule.when {
            switch condition(when, named: "when", bindings) {
            case .success(false): return .skip
            case .success(true): break
            case .failure(let problem): return .error(problem.message, in: .when)
            }
        }
        switch condition(rule.require, named: "require", bindings) {
        case .success(true): return .pass
        case .success(false): return .fail
        case .failure(let problem): return .error(problem.message, in: .require)
        }
    }

    private struct Problem: Error { let message: String }

    private func condition(_ expression: CompiledExpression, named name: String, _ bindings: Bindings) -> Result<Bool, Problem> {
        switch expression.program.evaluate(bindings) {
        case .success(.bool(let value)): return .success(value)
        case .success(let other): return .failure(Problem(message: "\(name) must give a bool, not \(other.typeName)"))
        case .failure(let error): return .failure(Problem(message: "cannot evaluate \(name): \(error.message)"))
        }
    }

    private func record(_ rule: Rule, _ outcome: Outcome, document: InputDocument, element: (index: Int, node: Node?)?,
                        bindings: Bindings, into sink: inout FindingSink) {
        var status: FindingStatus
        switch outcome {
        case .pass: status = .pass
        case .skip: status = .skip
        case .fail: status = .fail
        case .error: status = .error
        }
        var waiver: Waiver?
        if status.isFailing, let live = waivers.waiver(rule: rule.id, subject: document.id) {
            waiver = live
            status = .waived
        }
        guard sink.keeps(status) else { return sink.count(status) }
        let message: String
        switch outcome {
        case .pass, .skip: message = rule.title
        case .fail: message = MessageRenderer.render(rule.message, bindings)
        case .error(let problem, _): message = problem
        }
        let path = element.map { index in rule.forEach?.fieldPath.map { "\($0)[\(index.index)]" } ?? "[\(index.index)]" }
        sink.add(Finding(rule: rule.info, status: status, subject: document.id, kind: document.kind, element: path,
                         elementIndex: element?.index ?? -1, message: message,
                         location: location(rule, outcome, document: document, element: element?.node, bindings: bindings),
                         waiver: waiver))
    }

    /// A failure or an error points at the field that decided it; anything else, and a failure that
    /// reads no field, at the element or the document.
    private func location(_ rule: Rule, _ outcome: Outcome, document: InputDocument, element: Node?, bindings: Bindings) -> SourceLocation {
        let locator = FieldLocator(rule: rule, document: document, element: element, bindings: bindings)
        let field: SourceLocation?
        switch outcome {
        case .pass, .skip: field = nil
        case .fail: field = locator.location(of: .require, errored: false)
        case .error(_, let source): field = locator.location(of: source, errored: true)
        }
        return field ?? element?.location ?? document.root.location
    }
}
