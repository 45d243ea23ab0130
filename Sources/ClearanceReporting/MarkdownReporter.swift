import ClearanceEngine
import ClearancePolicy

/// `markdown`: a summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment.
///
/// The outcome as a heading, the counts, the rules with findings that fail the run (``Report/failing(at:)``),
/// one collapsible `<details>` per document listing what needs attention with `file:line:col`, the sources read (vendors' exports,
/// with their generation time, links and digest), then the controls of each loaded framework table that no rule covers. Every value read from a file is escaped (``MarkdownEscaping``).
/// GitHub refuses a step summary over 1 MiB: past ``budget`` bytes, the documents with the most severe findings come first and
/// as many as fit are listed, then a count of the rest and where every finding is.
public struct MarkdownReporter: Reporter {
    public static let name = "markdown"
    public static let fileName = "summary.md"
    public static let recordsEvidence = false

    /// The most bytes the summary takes: under GitHub's 1 MiB step-summary limit, with room for what other steps add.
    let budget: Int

    public init() { budget = 1_000_000 }

    /// A reporter whose summary stays under `budget` bytes.
    init(budget: Int) { self.budget = budget }

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
        // Each document's block is measured, and kept while those kept fit the budget; one not kept is made again when it
        // is listed: a first audit's blocks are hundreds of megabytes, of which the summary shows one.
        func size(_ part: [String]) -> Int { part.reduce(0) { $0 + $1.utf8.count + 1 } }
        var detailSizes: [Int] = [], keptDetails: [[String]?] = [], keptSize = 0
        for group in groups {
            let block = Self.details(group, report, context.failOn)
            let blockSize = size(block)
            detailSizes.append(blockSize)
            let keeps = keptSize + blockSize <= budget
            keptDetails.append(keeps ? block : nil)
            if keeps { keptSize += blockSize }
        }
        func details(_ index: Int) -> [String] { keptDetails[index] ?? Self.details(groups[index], report, context.failOn) }
        let resolved = (report.baseline?.resolved ?? []).map { entry in
            let subject = entry.subject + (entry.element.map { " " + $0 } ?? "")
            return "- ✓ **\(MarkdownEscaping.inline(entry.rule))** \(MarkdownEscaping.inline(subject)): \(MarkdownEscaping.inline(entry.message))"
        }
        let tail = Self.sources(report) + Self.coverage(report)
        let whole = size(lines) + size(tail) + detailSizes.reduce(0, +) + size(resolved)
            + (groups.isEmpty ? 0 : size(["### Findings by subject", ""])) + (resolved.isEmpty ? 0 : size(["### Resolved since the baseline", "", ""]))
        if whole <= budget {
            if !groups.isEmpty { lines += ["### Findings by subject", ""] + groups.indices.flatMap(details) }
            if !resolved.isEmpty { lines += ["### Resolved since the baseline", ""] + resolved + [""] }
        } else {
            // Over the budget: the most severe documents first, as many as fit with room for the counts of the rest.
            var room = budget - size(lines) - size(tail) - 2_000
            if !groups.isEmpty {
                lines += ["### Findings by subject", ""]
                let order = Self.mostSevereGroups(groups)
                var shown = 0
                for index in order {
                    let part = detailSizes[index]
                    guard part <= room else { break }
                    lines += details(index)
                    room -= part
                    shown += 1
                }
                let left = order.dropFirst(shown)
                if !left.isEmpty {
                    let findings = left.reduce(0) { $0 + groups[$1].count }
                    lines += [Self.count(left.count, "more document", plural: "more documents") + " with " + Self.count(findings, "finding")
                              + " to act on are not listed: GitHub keeps a step summary under 1 MiB. "
                              + (context.fullReport.map { "Every finding is in `\(MarkdownEscaping.inline($0))`." } ?? "`clearance check --format text` lists every finding."), ""]
                }
            }
            if !resolved.isEmpty {
                lines += ["### Resolved since the baseline", ""]
                var shown = 0
                for line in resolved {
                    guard line.utf8.count + 1 <= room else { break }
                    lines.append(line)
                    room -= line.utf8.count + 1
                    shown += 1
                }
                if shown < resolved.count { lines.append("- " + Self.count(resolved.count - shown, "more resolved finding") + " not listed.") }
                lines.append("")
            }
        }
        lines += tail
        return lines.joined(separator: "\n")
    }

    /// The positions of `groups` (one document's findings each), the document with the most severe finding first, then the
    /// one with more findings to act on, then report order.
    static func mostSevereGroups(_ groups: [[Finding]]) -> [Int] {
        let keys = groups.map { group in (group.map(\.rule.severity.rank).max() ?? 0, group.count) }
        return groups.indices.sorted { a, b in
            keys[a].0 != keys[b].0 ? keys[a].0 > keys[b].0 : keys[a].1 != keys[b].1 ? keys[a].1 > keys[b].1 : a < b
        }
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
