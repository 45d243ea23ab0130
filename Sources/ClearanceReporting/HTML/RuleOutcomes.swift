import ClearanceEngine
import ClearancePolicy

/// The outcomes of a report's findings rule by rule, counted in one pass: what the charts and the framework tables total.
struct RuleOutcomes {
    /// Each rule with findings and its tally, in the order its first finding comes in the report.
    let rules: [(rule: RuleInfo, tally: OutcomeTally)]

    /// The outcomes of a report's findings and of its passes and skips only counted.
    init(_ report: Report) {
        var slots: [ObjectIdentifier: Int] = [:]
        var rules: [(rule: RuleInfo, tally: OutcomeTally)] = []
        var last: (rule: RuleInfo, slot: Int)?
        for finding in report.findings {
            let slot: Int
            if let last, last.rule === finding.rule {
                slot = last.slot
            } else {
                let key = ObjectIdentifier(finding.rule)
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = rules.count
                    slots[key] = slot
                    rules.append((finding.rule, OutcomeTally()))
                }
                last = (finding.rule, slot)
            }
            rules[slot].tally.add(finding.status)
        }
        for marks in report.passMarks {
            for count in marks.counts {
                let key = ObjectIdentifier(count.rule)
                let slot = slots[key] ?? rules.count
                if slot == rules.count {
                    slots[key] = slot
                    rules.append((count.rule, OutcomeTally()))
                }
                rules[slot].tally.pass += count.pass
                rules[slot].tally.skip += count.skip
            }
        }
        self.rules = rules
    }

    /// The tallies by rule id (two rule objects with one id, as a built-in rule may be, counted together).
    var byRuleID: [String: OutcomeTally] {
        var tallies: [String: OutcomeTally] = [:]
        for (rule, tally) in rules { tallies[rule.id, default: OutcomeTally()].add(tally) }
        return tallies
    }
}
