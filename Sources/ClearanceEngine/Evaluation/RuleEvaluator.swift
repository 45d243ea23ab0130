import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import ClearanceDocument

/// Evaluates one rule on one document exactly as DESIGN.md says: `when` first (per element for a
/// `for_each` rule), then `require`; false `when` skips, any error fails closed.
///
/// A fail of a pre-credentials gate rule about someone still in the pipeline is pending, not failing.
/// Only findings the sink keeps are built (location, element path and identity, message); the rest are counted.
struct RuleEvaluator {
    let waivers: WaiverBook
    /// How each rule's `for_each` elements are identified, by rule id; a rule not listed is ``ElementIdentity/undeclared``.
    var identities: [String: ElementIdentity] = [:]

    /// Evaluates `rule` on `document` into `sink`; `bindings` already hold the document, and `inPipeline`
    /// says whether it is a person with neither credentials nor access yet. `shared` is how the rule's `when` decides from
    /// parts other rules test too (``SharedConditions``), remembered in `memo`.
    func evaluate(_ rule: Rule, on document: InputDocument, inPipeline: Bool = false, shared: Unmanaged<SharedConditions.Condition>?,
                  bindings: inout Bindings, memo: inout ConditionMemo, into sink: inout FindingSink) {
        // The rule and document are handed down as they are: a struct of the two would count a reference for each field, per rule.
        let pending = inPipeline && rule.isPreCredentials
        guard let listProgram = rule.unretainedList else {
            record(rule, document, pending: pending, decide(rule, shared, bindings, element: -1, memo: &memo), element: nil, bindings: bindings,
                   into: &sink)
            return
        }
        let list: Value
        switch listProgram._withUnsafeGuaranteedRef({ $0.evaluate(bindings) }) {
        case .failure(let error):
            record(rule, document, pending: pending, .error("cannot evaluate for_each: \(error.message)", in: .forEach), element: nil,
                   bindings: bindings, into: &sink)
            return
        case .success(let value):
            list = value
        }
        // A list read from the subject's own field holds its nodes; any other list's nodes may lie in another subject's place.
        let ownList = rule.forEach?.fieldPath != nil
        func isElsewhere(_ yaml: Document) -> Bool { !ownList && (yaml !== document.document || yaml.rootID != document.root.id) }
        switch list {
        case .nodeList(let yaml, let id):
            if isElsewhere(yaml) { sink.noteElementElsewhere() }
            // `list` holds the document for the loop: each element is handed on unretained, and made a node only if kept.
            let handle = Unmanaged.passUnretained(yaml)
            for index in 0..<yaml.count(id) {
                let elementID = yaml.element(index, of: id)
                bindings.bind(PolicyBindings.element, node: elementID, of: yaml)
                record(rule, document, pending: pending, decide(rule, shared, bindings, element: index, memo: &memo), element: .node(index, handle, elementID),
                       bindings: bindings, into: &sink)
            }
        case .list(let values):
            for (index, value) in values.enumerated() {
                if let node = value.node, isElsewhere(node.document) { sink.noteElementElsewhere() }
                bindings[PolicyBindings.element] = value
                record(rule, document, pending: pending, decide(rule, shared, bindings, element: index, memo: &memo), element: .value(index, value),
                       bindings: bindings, into: &sink)
            }
        case .null:
            break  // an absent or null list has no elements, like an empty one
        default:
            record(rule, document, pending: pending, .error("for_each must give a list, not \(list.typeName)", in: .forEach), element: nil,
                   bindings: bindings, into: &sink)
        }
        bindings[PolicyBindings.element] = .null
    }

    /// A `for_each` element: its position, and the node of a document's list (its document unretained: the list being
    /// looped over holds it) or the value of a list an expression built.
    private enum Element {
        case node(Int, Unmanaged<Document>, NodeID)
        case value(Int, Value)

        var index: Int {
            switch self {
            case .node(let index, _, _), .value(let index, _): index
            }
        }

        /// Where the element stands, when it stands in a document.
        var node: Node? {
            switch self {
            case .node(_, let document, let id): Node(document: document.takeUnretainedValue(), id: id)
            case .value(_, let value): value.node
            }
        }

        var value: Value {
            switch self {
            case .node(_, let document, let id): Value(document: document.takeUnretainedValue(), id: id)
            case .value(_, let value): value
            }
        }
    }

    /// The outcome before waivers.
    enum Outcome {
        case pass, fail, skip
        /// An expression could not be evaluated: what went wrong, and which expression.
        case error(String, in: FieldLocator.Source)
    }

    /// The outcome of `rule` on the bound document, or on its `for_each` element at `element` (`-1` for a rule without one).
    private func decide(_ rule: Rule, _ shared: Unmanaged<SharedConditions.Condition>?, _ bindings: Bindings, element: Int,
                        memo: inout ConditionMemo) -> Outcome {
        if let when = rule.unretainedWhen {
            switch shared?._withUnsafeGuaranteedRef({ $0.holds(bindings, element: element, memo: &memo) }) {
            case false?: return .skip
            case true?: break
            case nil:
                switch when._withUnsafeGuaranteedRef({ condition($0, named: "when", bindings) }) {
                case .success(false): return .skip
                case .success(true): break
                case .failure(let problem): return .error(problem.message, in: .when)
                }
            }
        }
        switch condition(rule.require.program, named: "require", bindings) {
        case .success(true): return .pass
        case .success(false): return .fail
        case .failure(let problem): return .error(problem.message, in: .require)
        }
    }

    private struct Problem: Error { let message: String }

    private func condition(_ program: Program, named name: String, _ bindings: Bindings) -> Result<Bool, Problem> {
        switch program.evaluate(bindings) {
        case .success(.bool(let value)): return .success(value)
        case .success(let other): return .failure(Problem(message: "\(name) must give a bool, not \(other.typeName)"))
        case .failure(let error): return .failure(Problem(message: "cannot evaluate \(name): \(error.message)"))
        }
    }

    /// Records one outcome of `rule` on `document`; `pending` says whether a fail is pending (a gate rule, about someone
    /// still in the pipeline).
    private func record(_ rule: Rule, _ document: InputDocument, pending: Bool, _ outcome: Outcome,
                        element: Element?, bindings: Bindings, into sink: inout FindingSink) {
        var status: FindingStatus
        switch outcome {
        case .pass: status = .pass
        case .skip: status = .skip
        case .fail: status = pending ? .pending : .fail
        case .error: status = .error
        }
        if sink.keepsNoPassOrSkip, status == .pass || status == .skip {
            // The common outcome, counted without reading the rule's or the subject's id.
            sink.count(status)
            if sink.marksPasses { sink.mark(status, of: rule.info, on: document.kind, document.id) }
            return
        }
        var waiver: Waiver?
        if status.isFailing, let live = waivers.waiver(rule: rule.id, subject: document.id) {
            waiver = live
            status = .waived
        }
        if status == .fail { sink.countFail(rule.info.severity) }
        guard sink.keeps(status, rule: rule.id, subject: document.id) else {
            sink.count(status)
            if sink.marksPasses { sink.mark(status, of: rule.info, on: document.kind, document.id) }
            return
        }
        sink.noteKept()
        if !sink.select(status, rule.info.severity), sink.pass.countsOnly {
            sink.count(status)
            return
        }
        let message: KeptText
        switch outcome {
        case .pass, .skip: message = KeptText(rule.title)
        case .fail: message = MessageRenderer.render(rule.unretainedMessage, bindings, into: sink.texts)
        case .error(let problem, _): message = sink.texts.keep(problem)
        }
        let path = element.map { index in rule.forEach?.fieldPath.map { "\($0)[\(index.index)]" } ?? "[\(index.index)]" }
        let identity = element.map { element in
            let texts = sink.texts
            texts.startText()
            texts.append(rule.forEach?.fieldPath ?? "")
            if !Self.writeIdentity(of: element.value, identities[rule.id] ?? .undeclared, into: texts) { texts.append("[\(element.index)]") }
            return texts.finishText()
        }
        sink.add(Finding(rule: rule.info, status: status, subject: document.id, kind: document.kind, element: path,
                         elementIndex: element?.index ?? -1, elementIdentity: identity, message: message,
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

    /// Writes an element's identity in its list, or writes nothing and returns `false` when only its position identifies
    /// it: the declared fields of a mapping (`{system=aws␟resource=acme-prod␟role=Admin}`), or a scalar's value (`=webauthn`).
    static func writeIdentity(of value: Value, _ declared: ElementIdentity, into texts: TextArena) -> Bool {
        switch value {
        case .nodeMap(let document, let id):
            guard case .fields(let keys) = declared else { return false }
            let node = Node(document: document, id: id)
            texts.append("{")
            for (index, key) in keys.enumerated() {
                if index > 0 { texts.append("\u{1F}") }
                texts.append(key)
                texts.append("=")
                texts.append(node[key].map { ValueAccess.text(of: Value(node: $0)) } ?? "null")
            }
            texts.append("}")
            return true
        case .string, .int, .uint, .double, .bool, .timestamp, .duration:
            texts.append("=")
            texts.append(ValueAccess.text(of: value))
            return true
        default:
            return false
        }
    }
}
