import ClearanceExpression
import ClearancePolicy

/// The parts of rules' `when` conditions that several rules test, so that a document evaluates each such
/// part once (once per element, for a part that reads the `for_each` element) however many rules test it.
///
/// Most packs open every rule with the same guard (`member.status in ['onboarding', 'active', 'offboarding']`,
/// `grant.revoked == null`): a `when` is split at its top-level `&&`, and each part that more than one rule
/// tests gets a slot in a ``ConditionMemo``. A rule's condition then decides from its parts, exactly as the
/// whole expression would; whenever that could differ (a part fails, gives no bool, or the parts together
/// pass the step budget) the whole `when` is evaluated instead.
final class SharedConditions: Sendable {
    /// One `&&` part of a rule's `when`.
    struct Part: @unchecked Sendable {
        /// The program evaluated: the part itself, or what it negates; unretained (its ``Condition`` holds it), as the part
        /// is read for every document.
        let program: Unmanaged<Program>
        /// Whether the part is `!program`.
        let negated: Bool
        /// The part's slot in the memo; `nil` when no other rule tests it.
        let slot: Int?
        /// Whether the part reads the `for_each` element, so it is remembered per element rather than per document.
        let perElement: Bool
    }

    /// How one rule's `when` decides from its parts.
    final class Condition: Sendable {
        let parts: [Part]
        /// The programs of ``parts``, held.
        private let programs: [Program]
        /// The steps the whole `when` is charged before it starts, and its budget.
        let upfrontSteps: Int
        let budget: Int

        init(parts: [(program: Program, negated: Bool, slot: Int?, perElement: Bool)], upfrontSteps: Int, budget: Int) {
            self.parts = parts.map { Part(program: .passUnretained($0.program), negated: $0.negated, slot: $0.slot, perElement: $0.perElement) }
            self.programs = parts.map(\.program)
            self.upfrontSteps = upfrontSteps
            self.budget = budget
        }
    }

    /// The conditions by rule index; `nil` for a rule none of whose parts another rule tests.
    private let conditions: [Condition?]
    /// The number of memo slots.
    let slotCount: Int

    /// Finds the parts the rules of `policies` share.
    init(_ policies: PolicySet) {
        struct Candidate { let rule: Rule; let parts: [(program: Program, negated: Bool, key: String, perElement: Bool)] }
        var candidates: [Candidate] = []
        var uses: [String: Int] = [:]
        for policy in policies.policies {
            for rule in policy.rules {
                guard let when = rule.when?.program else { continue }
                let listKey = rule.forEach.map { Self.scopedKey($0.list.program.shape(), policy: policy.id) }
                let parts = Self.parts(when.conjuncts(), listKey: listKey, policy: policy.id)
                for key in Set(parts.map(\.key)) { uses[key, default: 0] += 1 }
                candidates.append(Candidate(rule: rule, parts: parts))
            }
        }
        var slots: [String: Int] = [:]
        var conditions: [Condition?] = Array(repeating: nil, count: (candidates.map(\.rule.index).max() ?? -1) + 1)
        var seen = Set<Int>(), indexesAreTheRules = true
        for candidate in candidates {
            let index = candidate.rule.index
            guard index >= 0, seen.insert(index).inserted else {
                indexesAreTheRules = false
                continue
            }
            guard candidate.parts.contains(where: { (uses[$0.key] ?? 0) > 1 }), let when = candidate.rule.when?.program else { continue }
            let parts = candidate.parts.map { part -> (program: Program, negated: Bool, slot: Int?, perElement: Bool) in
                var slot: Int?
                if (uses[part.key] ?? 0) > 1 {
                    slot = slots[part.key] ?? slots.count
                    slots[part.key] = slot
                }
                return (part.program, part.negated, slot, part.perElement)
            }
            conditions[index] = Condition(parts: parts, upfrontSteps: when.upfrontSteps, budget: when.stepBudget)
        }
        // A rule index met twice (or none) means the indexes are not the rules' own: share nothing rather than mix rules up.
        self.conditions = indexesAreTheRules ? conditions : []
        self.slotCount = slots.count
    }

    /// How `rule`'s `when` decides from shared parts, when it does; unretained (these conditions hold it).
    func condition(of rule: Rule) -> Unmanaged<Condition>? {
        guard rule.index >= 0 && rule.index < conditions.count, let condition = conditions[rule.index] else { return nil }
        return .passUnretained(condition)
    }

    /// The parts of a `when`, each with the key that tells which other rules' parts are the same: its shape, scoped to
    /// the policy when it reads `params`, and to the `for_each` list when it reads the element.
    private static func parts(_ conjuncts: [Program], listKey: String?, policy: String)
        -> [(program: Program, negated: Bool, key: String, perElement: Bool)] {
        conjuncts.map { conjunct in
            let operand = conjunct.negatedOperand()
            let program = operand ?? conjunct
            let shape = program.shape()
            let perElement = shape.variableSlots.contains(PolicyBindings.element)
            var key = scopedKey(shape, policy: policy)
            if perElement { key = "for_each " + (listKey ?? "") + " " + key }
            return (program, operand != nil, key, perElement)
        }
    }

    private static func scopedKey(_ shape: ExpressionShape, policy: String) -> String {
        shape.readsConstants ? "policy " + policy.debugDescription + " " + shape.key : shape.key
    }
}

extension SharedConditions.Condition {
    /// Whether the `when` holds, decided from its parts and what `memo` remembers of them; `nil` when only the whole
    /// expression can say (a part failed or gave no bool, or the parts together took more than the budget).
    func holds(_ bindings: Bindings, element: Int, memo: inout ConditionMemo) -> Bool? {
        var steps = upfrontSteps
        for part in parts {
            let position = part.perElement ? element + 1 : 0
            let slot = part.perElement && element < 0 ? nil : part.slot
            let value: Bool, extraSteps: Int
            if let slot, let known = memo.value(slot: slot, position: position) {
                (value, extraSteps) = (known.value, known.extraSteps)
            } else {
                let evaluated = part.program._withUnsafeGuaranteedRef { $0.evaluateCountingSteps(bindings) }
                guard case .success(.bool(let result)) = evaluated.result else { return nil }
                (value, extraSteps) = (result, evaluated.steps - evaluated.upfrontSteps)
                if let slot { memo.remember(slot: slot, position: position, ConditionMemo.Entry(value: value, extraSteps: extraSteps)) }
            }
            steps += extraSteps
            if steps > budget { return nil }
            if value == part.negated { return false }
        }
        return true
    }
}
