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
    public static let streamsFindings = true

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        joinedPieces(report, context: context)
    }

    /// The log in pieces: all of it but its two long lists encoded whole, and those, the artifacts (one for each file read)
    /// and the results, encoded a thousand at a time where they stand: a first audit reads a hundred thousand files, and an
    /// encoder's tree of every artifact is many times the size of its text.
    public func stream(_ report: Report, context: ReportContext, to write: (String) -> Void) {
        stream(report, context: context, encodingAtOnce: 1_000, to: write)
    }

    /// ``stream(_:context:to:)``, encoding `atOnce` artifacts or results at a time.
    func stream(_ report: Report, context: ReportContext, encodingAtOnce atOnce: Int, to write: (String) -> Void) {
        let files = report.catalogue.digests + report.inputFiles
        var run = Self.run(report, context: context)
        let results = run.results
        run.results = []
        let skeleton = Self.encoded(SARIFLog(runs: [run])) + "\n"
        // The run's `artifacts` (its first key: keys are sorted) and `results`, empty arrays three levels in as the encoder
        // prints them; every string is escaped, so no line break stands before them.
        let lists: [(name: String, count: Int, chunk: @Sendable (Range<Int>) -> String)] = [
            ("artifacts", files.count, { range in
                let artifacts = SARIFArtifact.all(Array(files[range]), sources: report.sources)
                return SARIFArtifact.printed(artifacts) ?? Self.encoded(artifacts)
            }),
            ("results", results.count, { Self.encoded(Array(results[$0])) }),
        ]
        var slots: [Range<String.Index>] = []
        for list in lists {
            let after = slots.last?.upperBound ?? skeleton.startIndex
            guard let slot = skeleton.range(of: "\"\(list.name)\" : [\n\n      ]", range: after..<skeleton.endIndex) else {
                run.results = results
                run.artifacts = SARIFArtifact.all(files, sources: report.sources)
                write(Self.encoded(SARIFLog(runs: [run])) + "\n")
                return
            }
            slots.append(slot)
        }
        var written = skeleton.startIndex
        for (list, slot) in zip(lists, slots) where list.count > 0 {
            write(String(skeleton[written..<slot.lowerBound]) + "\"\(list.name)\" : [\n")
            // The chunks are encoded side by side on the run's threads and written in order.
            let chunk = list.chunk
            ParallelMap.forEachBatch(of: list.count, size: max(1, atOnce), jobs: context.jobs) { range in
                Self.items(chunk(range), first: range.lowerBound == 0)
            } consume: { write($0) }
            write("\n      ]")
            written = slot.upperBound
        }
        write(String(skeleton[written...]))
    }

    /// A chunk as the encoder printed it alone (`[`, a line break, the items, a line break, `]`) as items of the log's
    /// list: without its brackets, each line three levels further in, after a comma unless it is the `first` chunk.
    static func items(_ chunk: String, first: Bool) -> String {
        let indent = Array("      ".utf8)
        var piece: [UInt8] = first ? [] : Array(",\n".utf8)
        var chunk = chunk
        chunk.withUTF8 { bytes in
            guard bytes.count >= 4 else { return }
            piece.reserveCapacity(piece.count + bytes.count + bytes.count / 8)
            piece += indent
            // Each line as a whole, then the indent after its break.
            var start = 2
            let end = bytes.count - 2
            while start < end {
                let lineEnd = bytes[start..<end].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? end
                piece.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
                if bytes[lineEnd - 1] == UInt8(ascii: "\n") { piece += indent }
                start = lineEnd
            }
        }
        return String(decoding: piece, as: UTF8.self)
    }

    /// A value as the log's encoder prints it (sorted keys, indented, slashes and DEL and C1 controls as the log writes them).
    private static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // safe: the model holds only strings, integers and booleans, which always encode.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return escapingDELAndC1(data)
    }

    /// The run, with its results but without its artifacts.
    private static func run(_ report: Report, context: ReportContext) -> SARIFRun {
        let rules = Self.rules(report)
        var ruleIndexes: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndexes[rule.id] == nil { ruleIndexes[rule.id] = index }
        let selection = Self.selection(report, context)
        var results = selection.written.map { finding in
            SARIFResult(finding, ruleIndex: ruleIndexes[finding.rule.id], baselineState: report.baseline.map { Self.state(of: finding, $0) })
        }
        let absent = Self.absent(report).map { entry in
            let index = ruleIndexes[entry.rule]
            return SARIFResult(resolved: entry, rule: index.map { rules[$0] }, ruleIndex: index)
        }
        let room = max(0, context.sarifMaxResults - results.count)
        results += absent.prefix(room)
        let omitted = max(0, selection.total + absent.count - max(0, context.sarifMaxResults))
        let truncation = omitted == 0 ? nil : SARIFRun.Truncation(
            total: selection.total + absent.count, written: results.count, omitted: omitted,
            omittedBySeverity: selection.omittedBySeverity, fullReport: context.fullReport)
        let invocation = SARIFInvocation(commandLine: context.commandLine.joined(separator: " "), arguments: Array(context.commandLine.dropFirst()),
                                         properties: .init(asOf: report.asOf.rfc3339, failOn: context.failOn.rawValue),
                                         ruleConfigurationOverrides: report.catalogue.overrides.filter(\.isLive).map(SARIFRuleOverride.init))
        return SARIFRun(
            tool: .init(driver: SARIFToolComponent(version: context.toolVersion, rules: rules.map(SARIFRule.init)),
                        extensions: report.catalogue.policies.map(SARIFPack.init)),
            invocations: [invocation],
            originalUriBaseIds: [SARIFArtifactLocation.sourceRoot: SARIFArtifactLocation(description: "The folder clearance ran in; relative paths start there.")],
            artifacts: [], results: results, properties: truncation.map { SARIFRun.Properties(clearanceResults: $0) })
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

    /// The findings a run's results are made of that it writes (most severe first, at most `--sarif-max-results`), how
    /// many there are in all, and how many of each severity are left out.
    struct Selection {
        let written: [Finding]
        let total: Int
        let omittedBySeverity: [String: Int]
    }

    /// The run's results, from the findings the report keeps or, for a report that streams them, from the selection the
    /// run made as it counted (or, made with other settings, from the stream): one list per severity and outcome, each
    /// keeping only as many as the lists before it leave room for, so at most `--sarif-max-results` findings are held.
    static func selection(_ report: Report, _ context: ReportContext) -> Selection {
        guard let stream = report.streamed, let selection = findingSelection(context) else {
            let limit = max(0, context.sarifMaxResults)
            let shown = Self.shown(report, context)
            return Selection(written: Array(shown.prefix(limit)), total: shown.count, omittedBySeverity: countBySeverity(shown.dropFirst(limit)))
        }
        let selected = report.selected.flatMap { $0.name == selection.name ? $0 : nil } ?? stream.select(selection, jobs: context.jobs)
        var omitted: [String: Int] = [:]
        for (key, list) in selected.lists.enumerated() where selected.counts[key] > list.count {
            omitted[MostSevereFirst.severity(ofKey: key).rawValue, default: 0] += selected.counts[key] - list.count
        }
        return Selection(written: selected.lists.flatMap { $0 }, total: selected.counts.reduce(0, +), omittedBySeverity: omitted)
    }

    /// The findings a run's results are made of, most severe first: failing and erroring, and waived ones when asked for.
    static func shown(_ report: Report, _ context: ReportContext) -> [Finding] {
        MostSevereFirst.sorted(report.findings.filter { isShown($0, context) })
    }

    /// The findings the run's results are made of (``selection(_:_:)``), for a run to select as it counts.
    public static func findingSelection(_ context: ReportContext) -> FindingSelection? {
        FindingSelection(name: "SARIF results: at most \(max(0, context.sarifMaxResults)), waived \(context.sarifIncludeWaived)",
                         room: context.sarifMaxResults, lists: MostSevereFirst.keyCount) { status, severity in
            isShown(status, context) ? MostSevereFirst.key(status, severity) : nil
        }
    }

    /// Whether a finding is one of the run's results: failing or erroring, or waived when asked for.
    private static func isShown(_ finding: Finding, _ context: ReportContext) -> Bool {
        isShown(finding.status, context)
    }

    /// Whether a finding with this outcome is one of the run's results.
    private static func isShown(_ status: FindingStatus, _ context: ReportContext) -> Bool {
        status == .fail || status == .error || (status == .waived && context.sarifIncludeWaived)
    }

    /// How many results the run leaves out past `--sarif-max-results`.
    public static func omitted(_ report: Report, _ context: ReportContext) -> Int {
        // A report that streams its findings keeps none, but counts them all; it has no baseline.
        let shown = report.streamed == nil ? report.findings.count { isShown($0, context) }
            : report.summary[.fail, default: 0] + report.summary[.error, default: 0] + (context.sarifIncludeWaived ? report.summary[.waived, default: 0] : 0)
        return max(0, shown + absent(report).count - max(0, context.sarifMaxResults))
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
        // Only a finding outside the plan names a rule no policy defines.
        for finding in report.streamed?.outsidePlan ?? report.findings where finding.rule !== last {
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
