import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// One control framework's table: each control (in numeric order, with its title when the framework's table is
/// loaded), the rules that evidence it, and its status; then the listed controls no rule covers.
struct FrameworkTable {
    /// One control.
    struct ControlRow {
        /// The control's id, such as `A.5.10`.
        let control: String
        /// Its title from the framework's loaded table, or empty.
        let controlTitle: String
        /// Whether the table gave it a title.
        let hasControlTitle: Bool
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
    /// The controls of the framework's loaded table that no rule covers; `nil` when no table is loaded.
    let coverage: CoverageSection?

    /// The listed controls of a framework that no rule covers.
    struct CoverageSection {
        /// One uncovered control: its id and title.
        struct Line {
            let id: String
            let title: String
        }

        /// `13 of 33 listed`, or `none of the 93 listed`.
        let uncoveredSummary: String
        /// Which controls the table lists and the edition its titles come from.
        let scopeText: String
        /// The uncovered controls, in the table's order.
        let uncovered: [Line]
        /// Whether any listed control is uncovered.
        let hasUncovered: Bool

        init(_ coverage: FrameworkCoverage) {
            let total = coverage.table.controls.count, count = coverage.uncovered.count
            uncoveredSummary = count == 0 ? "none of the \(total) listed" : "\(count) of \(total) listed"
            scopeText = "Listed: \(coverage.table.scope). Edition: \(coverage.table.version)."
            uncovered = coverage.uncovered.map { Line(id: $0.id, title: $0.title) }
            hasUncovered = count > 0
        }
    }

    /// The tables of every framework, in the order Clearance lists them, from the rules' controls and the findings.
    static func all(_ report: Report, tallies: [String: OutcomeTally]) -> [FrameworkTable] {
        var rulesByControl: [Control: [RuleInfo]] = [:]
        for rule in report.catalogue.rules {
            for control in rule.controls where !(rulesByControl[control]?.contains { $0 === rule } ?? false) {
                rulesByControl[control, default: []].append(rule)
            }
        }
        let coverage = report.catalogue.coverage
        return Control.Framework.allCases.map { framework in
            let controls = rulesByControl.keys.filter { $0.framework == framework }.sorted()
            let rows = controls.map { control in
                row(control, title: report.catalogue.title(of: control), rules: rulesByControl[control] ?? [], tallies: tallies)
            }
            var statusCounts: [String: Int] = [:]
            for row in rows { statusCounts[row.status, default: 0] += 1 }
            let summary = ["Failing", "Waived", "Passing", "Not applicable"].compactMap { status in
                statusCounts[status].map { "\($0) \(status.lowercased())" }
            }
            return FrameworkTable(title: framework.title, framework: framework.rawValue,
                                  summary: "\(rows.count) control\(rows.count == 1 ? "" : "s")" + (summary.isEmpty ? "" : ": " + summary.joined(separator: ", ")),
                                  controls: rows, hasControls: !rows.isEmpty,
                                  coverage: coverage.first { $0.table.framework == framework }.map(CoverageSection.init))
        }
    }

    /// A control's row: fail when any finding of its rules fails or errors, else waived, else pass, else not applicable.
    static func row(_ control: Control, title: String? = nil, rules: [RuleInfo], tallies: [String: OutcomeTally]) -> ControlRow {
        var tally = OutcomeTally()
        let lines = rules.map { rule in
            let own = tallies[rule.id] ?? OutcomeTally()
            tally.add(own)
            return RuleLine(ruleID: rule.id, ruleTitle: rule.title, ruleSeverity: rule.severity.rawValue, mark: CheckMark(own.worst))
        }
        let (status, tone): (String, String) =
            tally.isFailing ? ("Failing", "fail") : tally.waived > 0 ? ("Waived", "waived") : tally.pass > 0 ? ("Passing", "pass") : ("Not applicable", "skip")
        return ControlRow(control: control.id, controlTitle: title ?? "", hasControlTitle: title != nil, rules: lines, counts: tally.text,
                          status: status, tone: tone)
    }
}
