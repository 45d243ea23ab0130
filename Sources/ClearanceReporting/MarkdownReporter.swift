import ClearanceEngine
import ClearancePolicy

/// `markdown`: a summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment.
///
/// The outcome as a heading, the counts, the rules with findings that fail the run (``Report/failing(at:)``),
/// one collapsible `<details>` per document listing what needs attention with `file:line:col`, the sources read (vendors' exports,
/// with their generation time, links and digest), then the controls of each loaded framework table that no rule covers. Every value read from a file is escaped (``MarkdownEscaping``).
public struct MarkdownReporter: Reporter {
    public static let name = "markdown"
    public static let fileName = "summary.md"
    public static let recordsEvidence = false

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let counts = report.summary
        var lines = ["## Clearance: " + Self.outcome(report.failing(at: context.failOn).count, context.failOn), ""]
        lines.append(Self.count(report.documentsChecked, "document") + " checked against " + Self.count(report.catalogue.rules.count, "rule")
                     + " as of \(report.asOf.rfc3339).")
        if let baseline = report.baseline {
            lines.append("The baseline accepts " + Self.count(baseline.accepted.count, "failing finding") + "; "
                         + Self.count(baseline.resolved.count, "of its findings is", plural: "of its findings are") + " resolved.")
        }
        lines += ["", "| " + FindingStatus.allCases.map(\.rawValue).joined(separator: " | ") + " |",
                  "|" + String(repeating: " ---: |", count: FindingStatus.allCases.count),
                  "| " + FindingStatus.allCases.map { String(counts[$0] ?? 0) }.joined(separator: " | ") + " |", ""]
        lines += Self.failingRules(report, context.failOn)
        let groups = report.attentionBySubject
        if !groups.isEmpty {
            lines += ["### Findings by subject", ""]
            for group in groups { lines += Self.details(group, report, context.failOn) }
        }
        if let resolved = report.baseline?.resolved, !resolved.isEmpty {
            lines += ["### Resolved since the baseline", ""]
            for entry in resolved {
                let subject = entry.subject + (entry.element.map { " " + $0 } ?? "")
                lines.append("- ✓ **\(MarkdownEscaping.inline(entry.rule))** \(MarkdownEscaping.inline(subject)): \(MarkdownEscaping.inline(entry.message))")
            }
            lines.append("")
        }
        lines += Self.sources(report)
        lines += Self.coverage(report)
        return lines.joined(separator: "\n")
    }

    /// The vendors' exports read as sources: when each was made, its records and how they linked, and its digest.
    static func sources(_ report: Report) -> [String] {
        guard !report.sources.isEmpty else { return [] }
        let states = SourcesListing.linkStates
        var lines = ["### Sources", "", "| export | format | generated | records | " + states.joined(separator: " | ") + " | SHA-256 |",
                     "| --- | --- | --- | ---: |" + String(repeating: " ---: |", count: states.count) + " --- |"]
        for source in report.sources {
            lines.append("| " + ([MarkdownEscaping.inline(source.file), MarkdownEscaping.inline(source.format), source.generatedAt.rfc3339, String(source.records)]
                                 + states.map { String(source.links[$0] ?? 0) } + ["`" + source.sha256 + "`"]).joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    /// `36 findings fail at or above low`, `1 finding fails …`, or `nothing fails …`.
    static func outcome(_ failing: Int, _ threshold: Severity) -> String {
        let what = failing == 0 ? "nothing fails" : count(failing, "finding fails", plural: "findings fail")
        return what + " at or above " + threshold.rawValue
    }

    /// `1 rule`, `2 rules`.
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// The table of rules with findings that fail the run (``Report/failing(at:)``), most severe first.
    static func failingRules(_ report: Report, _ threshold: Severity) -> [String] {
        var rules: [(rule: RuleInfo, count: Int)] = []
        var positions: [String: Int] = [:]
        for finding in report.failing(at: threshold) {
            if let position = positions[finding.rule.id] { rules[position].count += 1 } else {
                positions[finding.rule.id] = rules.count
                rules.append((finding.rule, 1))
            }
        }
        guard !rules.isEmpty else { return ["No rule fails.", ""] }
        rules.sort { $0.rule.severity != $1.rule.severity ? $0.rule.severity > $1.rule.severity : $0.rule.id < $1.rule.id }
        return ["### Failing rules", "", "| rule | severity | title | findings | controls |", "| --- | --- | --- | ---: | --- |"]
            + rules.map { rule, count in
                "| " + [MarkdownEscaping.inline(rule.id), rule.severity.rawValue, MarkdownEscaping.inline(rule.title), String(count),
                        rule.controls.map { MarkdownEscaping.inline($0.description) }.joined(separator: ", ")].joined(separator: " | ") + " |"
            } + [""]
    }

    /// For each loaded framework table, how many of its controls no rule covers, and those controls in a collapsible block.
    static func coverage(_ report: Report) -> [String] {
        let coverage = report.catalogue.coverage
        guard !coverage.isEmpty else { return [] }
        var lines = ["### Controls no rule covers", "", "| framework | edition | listed | covered | not covered |", "| --- | --- | ---: | ---: | ---: |"]
        for framework in coverage {
            lines.append("| " + [MarkdownEscaping.inline(framework.table.framework.rawValue), MarkdownEscaping.inline(framework.table.version),
                                  String(framework.table.controls.count),
                                  String(framework.coveredCount), String(framework.uncovered.count)].joined(separator: " | ") + " |")
        }
        lines.append("")
        for framework in coverage where !framework.uncovered.isEmpty {
            lines += ["<details><summary>" + MarkdownEscaping.html(framework.table.framework.rawValue + ": "
                          + count(framework.uncovered.count, "control", plural: "controls") + " no rule covers (listed: " + framework.table.scope + ")")
                          + "</summary>", ""]
            lines += framework.uncovered.map { "- **\(MarkdownEscaping.inline($0.id))** \(MarkdownEscaping.inline($0.title))" }
            lines += ["", "</details>", ""]
        }
        return lines
    }

    /// One document's findings as a collapsible block.
    static func details(_ findings: [Finding], _ report: Report, _ threshold: Severity) -> [String] {
        let first = findings[0]  // safe: a group is never empty
        let failing = findings.filter { report.isFailing($0, at: threshold) }.count, baselined = findings.filter(report.isBaselined).count
        let below = findings.filter { $0.status == .fail && !report.isBaselined($0) && !report.isFailing($0, at: threshold) }.count
        let waived = findings.filter { $0.status == .waived }.count, pending = findings.filter { $0.status == .pending }.count
        let tally = [(failing, "failing"), (below, "below " + threshold.rawValue), (baselined, "in the baseline"), (waived, "waived"),
                     (pending, "pending")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        var lines = ["<details><summary>" + MarkdownEscaping.html("\(first.subject) (\(first.kind.rawValue)): \(tally)") + "</summary>", ""]
        for finding in findings {
            var line = "- " + TextReporter.mark(finding.status).0 + " **\(MarkdownEscaping.inline(finding.rule.id))** (\(finding.rule.severity.rawValue)) "
                + MarkdownEscaping.inline(finding.message) + " — " + MarkdownEscaping.inline(finding.location.description)
            if let element = finding.element { line += " · " + MarkdownEscaping.inline(element) }
            if finding.status == .waived, let waiver = finding.waiver {
                line += " · waived by " + MarkdownEscaping.inline(waiver.id) + " until " + MarkdownEscaping.inline(waiver.expiresText)
            }
            if report.isBaselined(finding) {
                line += " · in the baseline"
            } else if finding.status == .fail && !report.isFailing(finding, at: threshold) {
                line += " · below --fail-on " + threshold.rawValue
            }
            if finding.status == .pending { line += " · pending: blocks credentials" }
            lines.append(line)
        }
        return lines + ["", "</details>", ""]
    }
}
