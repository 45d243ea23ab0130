import ClearanceExpression

/// What a rule reads of the document it checks, so a failing finding can point at the field that
/// decided it: `require` split at its top-level `&&`, and the document fields each part reads.
public struct RuleBlame: Sendable {
    /// One top-level `&&` operand of `require` (the whole `require` when it is not an `&&`).
    public struct Conjunct: Sendable {
        /// The operand as a program of its own; `nil` when `require` has a single conjunct, whose
        /// outcome is the rule's.
        public let program: Program?
        /// The document and element fields it reads, in source order.
        public let reads: [ReadSite]
    }

    /// The conjuncts of `require`, in source order.
    public let conjuncts: [Conjunct]
    /// The document and element fields `when` reads.
    public let whenReads: [ReadSite]
    /// The document fields the `for_each` list reads.
    public let forEachReads: [ReadSite]
    /// The variable bound to the checked document (`member`, `vendor`, `manifest`).
    public let documentVariable: String
    /// The `for_each` variable, for a rule that has one.
    public let elementVariable: String?

    /// Splits and analyses a rule's expressions; reads of anything but the document and the element
    /// (`params`, `members`, `now`) are left out.
    public init(require: Program, when: Program?, forEach: ForEach?, documentVariable: String) {
        let elementVariable = forEach?.variable
        let keep: (FieldRead) -> Bool = { $0.variable == documentVariable || $0.variable == elementVariable }
        let parts = require.conjuncts()
        conjuncts = parts.map { part in
            Conjunct(program: parts.count > 1 ? part : nil, reads: Self.filter(part.fieldReads(), keep))
        }
        whenReads = when.map { Self.filter($0.fieldReads(), keep) } ?? []
        forEachReads = forEach.map { Self.filter($0.list.program.fieldReads(), { $0.variable == documentVariable }) } ?? []
        self.documentVariable = documentVariable
        self.elementVariable = elementVariable
    }

    private static func filter(_ sites: [ReadSite], _ keep: (FieldRead) -> Bool) -> [ReadSite] {
        sites.compactMap { site in
            if let read = site.field { return keep(read) ? site : nil }
            guard let choice = site.conditional else { return nil }
            let filtered = ConditionalReads(condition: choice.condition, conditionReads: filter(choice.conditionReads, keep),
                                            whenTrue: filter(choice.whenTrue, keep), whenFalse: filter(choice.whenFalse, keep))
            let isEmpty = filtered.conditionReads.isEmpty && filtered.whenTrue.isEmpty && filtered.whenFalse.isEmpty
            return isEmpty ? nil : .conditional(filtered)
        }
    }
}
