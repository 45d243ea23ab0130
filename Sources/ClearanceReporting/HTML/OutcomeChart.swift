import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// A chart of outcomes as stacked horizontal bars: one row per policy, severity or framework, each bar the row's
/// applicable findings or controls (skips are counted beside it), failures first so they line up on the axis.
struct OutcomeChart {
    /// One bar.
    struct Row {
        /// What the row counts: a policy's title, a severity.
        let label: String
        /// A second line under the label: the policy's id.
        let sublabel: String?
        /// The bar's pieces, left to right.
        let segments: [Segment]
        /// The counts in words.
        let counts: String
        /// The whole row in one sentence, for screen readers and the SVG title.
        let summary: String
    }

    /// One outcome's piece of a bar, in units of ``OutcomeChart/scale``.
    struct Segment {
        let tone: String
        let x: Int
        let width: Int
        let title: String
    }

    /// The width of every bar in SVG units.
    static let scale = 1000
    /// The narrowest piece, so that one failure among hundreds of passes stays visible.
    static let minimumWidth = 8
    /// The outcomes drawn, in bar order.
    static let drawn: [FindingStatus] = [.fail, .error, .pending, .waived, .pass]

    /// The chart's heading.
    let caption: String
    /// What the rows are (`Policy`, `Severity`), for the table header.
    let rowHeader: String
    /// The rows, top to bottom.
    let rows: [Row]

    /// Outcomes by policy, in load order; findings of built-in rules (expired waivers) share a last row.
    static func byPolicy(_ report: Report, outcomes: RuleOutcomes) -> OutcomeChart {
        var tallies: [String: OutcomeTally] = [:]
        var builtIn = OutcomeTally()
        var builtInRules: [String] = []
        for (rule, tally) in outcomes.rules {
            if report.catalogue.policy(rule.policyID) == nil {
                builtIn.add(tally)
                if !builtInRules.contains(rule.id) { builtInRules.append(rule.id) }
            } else {
                tallies[rule.policyID, default: OutcomeTally()].add(tally)
            }
        }
        var rows = report.catalogue.policies.map { row(label: $0.title, sublabel: $0.id, tally: tallies[$0.id] ?? OutcomeTally()) }
        if !builtInRules.isEmpty { rows.append(row(label: "Built-in checks", sublabel: builtInRules.joined(separator: ", "), tally: builtIn)) }
        return OutcomeChart(caption: "Outcomes by policy", rowHeader: "Policy", rows: rows)
    }

    /// Outcomes by the severity of their rule, most severe first; severities no rule has are left out.
    static func bySeverity(_ report: Report, outcomes: RuleOutcomes) -> OutcomeChart {
        var tallies: [Severity: OutcomeTally] = [:]
        for (rule, tally) in outcomes.rules { tallies[rule.severity, default: OutcomeTally()].add(tally) }
        let used = Set(report.catalogue.rules.map(\.severity)).union(tallies.keys)
        let rows = Severity.allCases.reversed().filter(used.contains).map { severity in
            row(label: severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst(), sublabel: nil,
                tally: tallies[severity] ?? OutcomeTally())
        }
        return OutcomeChart(caption: "Outcomes by severity", rowHeader: "Severity", rows: rows)
    }

    /// Control statuses by framework: how many controls fail, are waived, pass, or do not apply.
    static func byFramework(_ tables: [FrameworkTable]) -> OutcomeChart {
        let rows = tables.filter(\.hasControls).map { table in
            var tally = OutcomeTally()
            for control in table.controls { tally.add(FindingStatus(rawValue: control.tone) ?? .skip) }
            let words: [FindingStatus: String] = [.fail: "failing", .waived: "waived", .pass: "passing"]
            return row(label: table.title, sublabel: nil, tally: tally, counts: table.summary) { status, count in
                "\(count) \(words[status] ?? status.rawValue) control\(count == 1 ? "" : "s")"
            }
        }
        return OutcomeChart(caption: "Control status by framework", rowHeader: "Framework", rows: rows)
    }

    /// One row: its bar's geometry and its counts in words (the tally's, unless given); `name` words one segment.
    static func row(label: String, sublabel: String?, tally: OutcomeTally, counts: String? = nil,
                    name: (FindingStatus, Int) -> String = { status, count in "\(count.grouped) \(status.rawValue)" }) -> Row {
        let counted = drawn.map { tally.count($0) }
        let widths = widths(counted, scale: scale, minimum: minimumWidth)
        var segments: [Segment] = []
        var x = 0
        for (index, status) in drawn.enumerated() where widths[index] > 0 {
            let share = Double(counted[index]) * 100 / Double(max(tally.applicable, 1))
            segments.append(Segment(tone: status.rawValue, x: x, width: widths[index], title: "\(name(status, counted[index])) (\(percent(share)))"))
            x += widths[index]
        }
        let text = counts ?? tally.text
        return Row(label: label, sublabel: sublabel, segments: segments, counts: text, summary: label + ": " + text)
    }

    /// Integer widths proportional to `counts` that add up to `scale` (or to 0 when every count is 0); a non-zero
    /// count gets at least `minimum`. Rounding hands the leftover units to the largest remainders, earliest first.
    static func widths(_ counts: [Int], scale: Int, minimum: Int) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        let small = counts.map { $0 > 0 && $0 * scale < minimum * total }
        let reserved = small.filter { $0 }.count * minimum
        let restTotal = zip(counts, small).filter { !$0.1 }.map(\.0).reduce(0, +)
        let exact: [Double] = zip(counts, small).map { count, isSmall in
            isSmall ? Double(minimum) : restTotal == 0 ? 0 : Double(count) * Double(scale - reserved) / Double(restTotal)
        }
        var widths = exact.map { Int($0.rounded(.down)) }
        let leftover = scale - widths.reduce(0, +)
        let order = exact.indices.filter { counts[$0] > 0 }.sorted { a, b in
            let (ra, rb) = (exact[a] - exact[a].rounded(.down), exact[b] - exact[b].rounded(.down))
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(max(leftover, 0)) { widths[index] += 1 }
        return widths
    }

    /// A share in percent for a title: `2.9%`, `<0.1%`, `100%`.
    static func percent(_ value: Double) -> String {
        if value > 0 && value < 0.1 { return "<0.1%" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }
}
