import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// One control framework's table: each control (in numeric order), the rules that evidence it, and its status.
struct FrameworkTable {
    /// One control.
    struct ControlRow {
        /// The control's id, such as `A.5.10`.
        let control: String
        /// The rules evidencing it, in load order.
        let rules: [RuleLine]
        /// Its findings in words.
        let counts: String
        /// `Failing`, `Waived`, `Passing` or `Not applicable`.
        let status: String
        /// The status's CSS tone.
        let tone: String
    }

    /// One rule under a control, with its own outcome.
    struct RuleLine {
        let ruleID: String
        let ruleTitle: String
        let ruleSeverity: String
        let mark: CheckMark
    }

    /// The framework's full name.
    let title: String
    /// The framework's short name, such as `SOC2`.
    let framework: String
    /// How many controls have each status, in words.
    let summary: String
    /// The controls.
    let controls: [ControlRow]
    /// Whether any rule evidences a control of the framework.
    let hasControls: Bool

    /// The tables of every framework, in the order Clearance lists them, from the rules' controls and the findings.
    static func all(_ report: Report, tallies: [String: OutcomeTally]) -> [FrameworkTable] {
        var rulesByControl: [Control: [RuleInfo]] = [:]
        for rule in report.catalogue.rules {
            for control in rule.controls where !(rulesByControl[control]?.contains { $0 === rule } ?? false) {
                rulesByControl[control, default: []].append(rule)
            }
        }
        return Control.Framework.allCases.map { framework in
            let controls = rulesByControl.keys.filter { $0.framework == framework }.sorted()
            let rows = controls.map { control in row(control, rules: rulesByControl[control] ?? [], tallies: tallies) }
            var statusCounts: [String: Int] = [:]
            for row in rows { statusCounts[row.status, default: 0] += 1 }
            let summary = ["Failing", "Waived", "Passing", "Not applicable"].compactMap { status in
                statusCounts[status].map { "\($0) \(status.lowercased())" }
            }
            return FrameworkTable(title: framework.title, framework: framework.rawValue,
                                  summary: "\(rows.count) control\(rows.count == 1 ? "" : "s")" + (summary.isEmpty ? "" : ": " + summary.joined(separator: ", ")),
                                  controls: rows, hasControls: !rows.isEmpty)
        }
    }

    /// A control's row: fail when any finding of its rules fails or errors, else waived, else pass, else not applicable.
    static func row(_ control: Control, rules: [RuleInfo], tallies: [String: OutcomeTally]) -> ControlRow {
        var tally = OutcomeTally()
        let lines = rules.map { rule in
            let own = tallies[rule.id] ?? OutcomeTally()
            tally.add(own)
            return RuleLine(ruleID: rule.id, ruleTitle: rule.title, ruleSeverity: rule.severity.rawValue, mark: CheckMark(own.worst))
        }
        let (status, tone): (String, String) =
            tally.isFailing ? ("Failing", "fail") : tally.waived > 0 ? ("Waived", "waived") : tally.pass > 0 ? ("Passing", "pass") : ("Not applicable", "skip")
        return ControlRow(control: control.id, rules: lines, counts: tally.text, status: status, tone: tone)
    }
}
