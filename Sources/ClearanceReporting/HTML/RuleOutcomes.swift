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
        func slot(_ rule: RuleInfo) -> Int {
            if let known = slots[ObjectIdentifier(rule)] { return known }
            slots[ObjectIdentifier(rule)] = rules.count
            rules.append((rule, OutcomeTally()))
            return rules.count - 1
        }
        for finding in report.findings {
            let index = slot(finding.rule)
            rules[index].tally.add(finding.status)
        }
        for marks in report.passMarks {
            for count in marks.counts {
                let index = slot(count.rule)
                rules[index].tally.pass += count.pass
                rules[index].tally.skip += count.skip
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
