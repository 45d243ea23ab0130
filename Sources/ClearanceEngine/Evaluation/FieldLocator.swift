import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import ClearanceDocument

/// Finds where a failing or erroring finding points: the document field that decided it.
///
/// For `require`, the first conjunct that is false (else the first that cannot be evaluated); in it,
/// the first field the rule reads of the element, else of the document, following the branch a
/// conditional took. A field that is there is pointed at itself; one that is missing, at the map it
/// belongs in; one behind a null or a scalar, at that value. Runs only for findings a report keeps.
struct FieldLocator {
    /// The expression an outcome comes from.
    enum Source {
        case forEach, when, require
    }

    let rule: Rule
    let document: InputDocument
    let element: Node?
    let bindings: Bindings

    /// Where the field that decided the outcome is, or `nil` when the expression reads no field of
    /// the document or the element.
    func location(of source: Source, errored: Bool) -> SourceLocation? {
        let blame = rule.blame
        let sites: [ReadSite]
        var errored = errored
        switch source {
        case .forEach: sites = blame.forEachReads
        case .when: sites = blame.whenReads
        case .require: (sites, errored) = decidingConjunct(errored: errored)
        }
        // Reads with no conditional among them are read where they are; others are flattened first.
        let plain = !sites.contains { $0.conditional != nil }
        var flattened: [FieldRead] = []
        if !plain { flatten(sites, into: &flattened) }
        var first: Place?
        var firstOfElement: Place?
        for index in 0..<(plain ? sites.count : flattened.count) {
            guard let read = plain ? sites[index].field : flattened[index], let place = resolve(read) else { continue }
            if errored, !place.isComplete { return place.node.location }
            if first == nil { first = place }
            if firstOfElement == nil, read.variable == blame.elementVariable { firstOfElement = place }
            // Unless an error is being traced, nothing after the first read of the element (or, for a rule without
            // elements, the first read at all) changes the answer.
            if !errored, firstOfElement != nil || blame.elementVariable == nil { break }
        }
        return (firstOfElement ?? first)?.node.location
    }

    /// The reads of the conjunct that decided `require`, and whether it could not be evaluated.
    private func decidingConjunct(errored: Bool) -> ([ReadSite], Bool) {
        let conjuncts = rule.blame.conjuncts
        var firstError: [ReadSite]?
        for conjunct in conjuncts {
            guard let program = conjunct.program else { return (conjunct.reads, errored) }
            switch program.evaluate(bindings) {
            case .success(.bool(true)): continue
            case .success(.bool(false)): return (conjunct.reads, false)
            default: if firstError == nil { firstError = conjunct.reads }
            }
        }
        if let firstError { return (firstError, true) }
        return (conjuncts.flatMap(\.reads), errored)
    }

    /// The reads in order, each conditional replaced by the branch it takes, then its condition; by
    /// its condition first when the condition cannot be evaluated here.
    private func flatten(_ sites: [ReadSite], into reads: inout [FieldRead]) {
        for site in sites {
            if let read = site.field { reads.append(read) }
            guard let choice = site.conditional else { continue }
            if let condition = choice.condition, case .success(.bool(let holds)) = condition.evaluate(bindings) {
                flatten(holds ? choice.whenTrue : choice.whenFalse, into: &reads)
                flatten(choice.conditionReads, into: &reads)
            } else {
                flatten(choice.conditionReads, into: &reads)
                flatten(choice.whenTrue, into: &reads)
                flatten(choice.whenFalse, into: &reads)
            }
        }
    }

    /// A node a read reaches, and whether it reached the field itself.
    private struct Place {
        let node: Node
        let isComplete: Bool
    }

    /// Walks a read's fields from the document or the element: to the field's value when every
    /// step is there; to the map it is missing from; to a null or scalar met on the way; to the
    /// list or map a macro or an index ranges over.
    private func resolve(_ read: FieldRead) -> Place? {
        var node: Node
        if read.variable == rule.blame.documentVariable {
            node = document.root
        } else if read.variable == rule.blame.elementVariable, let element {
            node = element
        } else {
            return nil
        }
        for field in read.fields {
            if field == FieldRead.element { return Place(node: node, isComplete: true) }
            guard node.kind == .mapping else { return Place(node: node, isComplete: false) }
            guard let value = node[field] else { return Place(node: node, isComplete: false) }
            node = value
        }
        return Place(node: node, isComplete: true)
    }
}
