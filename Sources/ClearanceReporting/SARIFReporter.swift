import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import Foundation

/// `sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// One run; one rule per loaded rule; one result per failing or erroring finding, most severe first (waived ones, as
/// accepted suppressions, only with `--sarif-include-waived`: GitHub ignores suppressions; pending gate items are not
/// alerts and are left out), plus an `absent` result per baseline finding that is gone. Past `--sarif-max-results`
/// (GitHub code scanning shows 5,000 results of a run) the least severe are left out and counted in the run's
/// `properties.clearanceResults`. Every file read is an artifact with its SHA-256 (a vendor's export with its source's format, generation time and
/// links as properties). Keys are sorted and the only times written are the as-of time and the sources' generation times, so equal
/// runs give equal bytes.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    public static let fileName = "report.sarif"

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let rules = Self.rules(report)
        var ruleIndexes: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndexes[rule.id] == nil { ruleIndexes[rule.id] = index }
        let shown = Self.shown(report, context)
        let written = shown.prefix(max(0, context.sarifMaxResults))
        var results = written.map { finding in
            SARIFResult(finding, ruleIndex: ruleIndexes[finding.rule.id], baselineState: report.baseline.map { Self.state(of: finding, $0) })
        }
        let absent = Self.absent(report).map { entry in
            let index = ruleIndexes[entry.rule]
            return SARIFResult(resolved: entry, rule: index.map { rules[$0] }, ruleIndex: index)
        }
        let room = max(0, context.sarifMaxResults - results.count)
        results += absent.prefix(room)
        let omitted = max(0, shown.count + absent.count - max(0, context.sarifMaxResults))
        let truncation = omitted == 0 ? nil : SARIFRun.Truncation(
            total: shown.count + absent.count, written: results.count, omitted: omitted,
            omittedBySeverity: Self.countBySeverity(shown.dropFirst(written.count)),
            fullReport: context.fullReport)
        let invocation = SARIFInvocation(commandLine: context.commandLine.joined(separator: " "), arguments: Array(context.commandLine.dropFirst()),
                                         properties: .init(asOf: report.asOf.rfc3339, failOn: context.failOn.rawValue),
                                         ruleConfigurationOverrides: report.catalogue.overrides.filter(\.isLive).map(SARIFRuleOverride.init))
        let run = SARIFRun(
            tool: .init(driver: SARIFToolComponent(version: context.toolVersion, rules: rules.map(SARIFRule.init)),
                        extensions: report.catalogue.policies.map(SARIFPack.init)),
            invocations: [invocation],
            originalUriBaseIds: [SARIFArtifactLocation.sourceRoot: SARIFArtifactLocation(description: "The folder clearance ran in; relative paths start there.")],
            artifacts: SARIFArtifact.all(report.catalogue.digests + report.inputFiles, sources: report.sources),
            results: results, properties: truncation.map { SARIFRun.Properties(clearanceResults: $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // safe: the model holds only strings, integers and booleans, which always encode.
        guard let data = try? encoder.encode(SARIFLog(runs: [run])) else { return "{}\n" }
        return Self.escapingDELAndC1(data) + "\n"
    }

    /// JSONEncoder's output as text, with DEL and the C1 controls, which it writes raw (they only occur inside strings),
    /// as `\\u` escapes: DEL is the byte `7F`, a C1 control the bytes `C2 80` to `C2 9F`.
    static func escapingDELAndC1(_ json: Data) -> String {
        var output = ""
        output.reserveCapacity(json.count)
        ByteReplacement.append(String(decoding: json, as: UTF8.self), to: &output) { bytes, index in
            switch bytes[index] {
            case 0x7F: (JSONText.unicodeEscape(0x7F), 1)
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): (JSONText.unicodeEscape(UInt32(bytes[index + 1])), 2)
            default: nil
            }
        }
        return output
    }

    /// How many findings each severity has, by its name; severities with none left out.
    static func countBySeverity(_ findings: ArraySlice<Finding>) -> [String: Int] {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.rule.severity, default: 0] += 1 }
        return Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
    }

    /// The findings a run's results are made of, most severe first: failing and erroring, and waived ones when asked for.
    static func shown(_ report: Report, _ context: ReportContext) -> [Finding] {
        MostSevereFirst.sorted(report.findings.filter { isShown($0, context) })
    }

    /// Whether a finding is one of the run's results: failing or erroring, or waived when asked for.
    private static func isShown(_ finding: Finding, _ context: ReportContext) -> Bool {
        finding.status == .fail || finding.status == .error || (finding.status == .waived && context.sarifIncludeWaived)
    }

    /// How many results the run leaves out past `--sarif-max-results`.
    public static func omitted(_ report: Report, _ context: ReportContext) -> Int {
        max(0, report.findings.count { isShown($0, context) } + absent(report).count - max(0, context.sarifMaxResults))
    }

    /// The baseline's findings that are gone: no failing, erroring or waived finding has their fingerprint.
    static func absent(_ report: Report) -> [Baseline.Entry] {
        guard let baseline = report.baseline else { return [] }
        let present = Set(report.findings.filter { $0.needsAttention && $0.status != .pending }.map(\.fingerprint))
        return baseline.resolved.filter { !present.contains($0.fingerprint) }
    }

    /// Every loaded rule in load order, then any rule a finding names that no policy defines (such as `waiver-expired`).
    static func rules(_ report: Report) -> [RuleInfo] {
        var rules = report.catalogue.rules
        var known = Set(rules.map(\.id))
        var last: RuleInfo?
        for finding in report.findings where finding.rule !== last {
            last = finding.rule
            if known.insert(finding.rule.id).inserted { rules.append(finding.rule) }
        }
        return rules
    }

    /// `unchanged` when the baseline holds the finding (as a failure then, failing or waived now), else `new`.
    static func state(of finding: Finding, _ baseline: BaselineComparison) -> SARIFResult.BaselineState {
        baseline.isBaselined(finding) || baseline.resolved.contains { $0.fingerprint == finding.fingerprint } ? .unchanged : .new
    }
}
