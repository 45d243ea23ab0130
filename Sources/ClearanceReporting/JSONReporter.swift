import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// `json`: the stable, versioned report other tools read (DESIGN.md, "The JSON report").
///
/// `summary` counts every outcome (`pass`, `fail`, `error`, `waived`, `skip`, `pending`); `findings` lists
/// those that need attention (fail, error, waived, pending), or every finding with `--include-passing`.
/// `pending` is a pre-credentials gate item not yet met by someone still in the pipeline: it never fails a run.
/// Version 2 added `pending` and fingerprints that follow element identity. `frameworks` lists each loaded framework
/// table with the controls no rule covers; `evidence.sources` each vendor's export read with its digest, generation time, records
/// and link counts. Keys keep the documented order.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let fileName = "report.json"
    public static let streamsFindings = true

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        joinedPieces(report, context: context)
    }

    /// The report, written a member at a time and the findings a batch at a time (``writeFindings(_:baseline:jobs:to:)``):
    /// each finding is made and written on its own, so neither a tree of every finding nor the whole text is ever held (a
    /// first audit can have millions); the bytes are those of the whole document printed ``JSONText/pretty``.
    public func stream(_ report: Report, context: ReportContext, to write: (String) -> Void) {
        let counts = report.summary
        // `nil` stands for the findings, written in batches where it stands.
        var members: [(String, JSONText?)] = [
            ("version", .int(2)),
            ("tool", .object([("name", .string("clearance")), ("version", .string(context.toolVersion))])),
            ("asOf", .string(report.asOf.rfc3339)),
            ("summary", .object(FindingStatus.allCases.map { ($0.rawValue, .int(Int64(counts[$0] ?? 0))) })),
            ("findings", nil),
        ]
        if let baseline = report.baseline {
            let failing = report.findings.filter(\.status.isFailing)
            let unchanged = failing.filter(baseline.isBaselined).count
            members.append(("baseline", .object([
                ("new", .int(Int64(failing.count - unchanged))), ("unchanged", .int(Int64(unchanged))),
                ("resolved", .array(baseline.resolved.map { entry in
                    .object([("rule", .string(entry.rule)), ("subject", .string(entry.subject)), ("kind", .string(entry.kind)),
                             ("element", .optional(entry.element)), ("status", .string(entry.status)), ("message", .string(entry.message)),
                             ("fingerprint", .string(entry.fingerprint))])
                })),
            ])))
        }
        members.append(("frameworks", Self.frameworks(report)))
        // `nil` stands for the evidence too, written with its files (one for each input file) in pieces.
        members.append(("evidence", nil))
        var output = "{"
        for (index, (name, value)) in members.enumerated() {
            output += index == 0 ? "\n  " : ",\n  "
            JSONText.quote(name, into: &output)
            output += ": "
            if name == "evidence" {
                Self.writeEvidence(report, context, into: &output, to: write)
                continue
            }
            if let value {
                value.writePretty(into: &output, indent: 1)
                continue
            }
            // An array of objects as `pretty` prints it: `[]` when empty, else one item per line, two levels in.
            if let streamed = report.streamed {
                write(output)
                output = Self.writeFindings(streamed, includePassing: context.includePassing, jobs: context.jobs, to: write) ? "\n  ]" : "[]"
                continue
            }
            let listed = report.findings.filter { context.includePassing || $0.needsAttention }
            guard !listed.isEmpty else {
                output += "[]"
                continue
            }
            write(output)
            output = ""
            Self.writeFindings(listed, baseline: report.baseline, jobs: context.jobs, to: write)
            output += "\n  ]"
        }
        write(output + "\n}\n")
    }

    /// About what one finding takes, room reserved so a batch's text seldom grows.
    private static let bytesPerFinding = 768

    /// The findings' array from its `[` to its last item, a batch of findings at a time, each batch made on one of
    /// `jobs` threads and handed on in order (a few batches ahead at most, so memory stays bounded).
    static func writeFindings(_ findings: [Finding], baseline: BaselineComparison?, jobs: Int, to write: (String) -> Void) {
        ParallelMap.forEachBatch(of: findings.count, size: 2_048, jobs: jobs) { positions in
            var text = JSONBytes(capacity: positions.count * bytesPerFinding)
            var writer = JSONFindingWriter(baseline: baseline)
            for position in positions {
                text.raw(position == 0 ? "[\n    " : ",\n    ")
                writer.write(findings[position], into: &text)
            }
            return text.string
        } consume: { write($0) }
    }

    /// The findings' array from its `[` to its last item, as ``writeFindings(_:baseline:jobs:to:)`` writes it, for findings
    /// made again batch by batch as they are written (a report with no baseline); `false` when it listed none (nothing
    /// written: the array is `[]`).
    static func writeFindings(_ stream: FindingStream, includePassing: Bool, jobs: Int, to write: (String) -> Void) -> Bool {
        var started = false
        stream.forEachBatch(jobs: jobs) { findings in
            var text = JSONBytes(capacity: findings.count * bytesPerFinding)
            var writer = JSONFindingWriter(baseline: nil)
            for finding in findings where includePassing || finding.needsAttention {
                text.raw(",\n    ")
                writer.write(finding, into: &text)
            }
            return text.string
        } consume: { text in
            guard !text.isEmpty else { return }
            // The first item opens the array: `[` where the others have their separating comma.
            write(started ? text : "[" + text.dropFirst())
            started = true
        }
        return started
    }

    /// One finding as the JSON report writes it (`rule`, `policy`, `severity`, `status`, `subject`, `kind`, `element`, `message`,
    /// `controls`, `location`, `waiver`, `fingerprint`, and `baseline` when compared with one).
    public static func finding(_ finding: Finding, baseline: BaselineComparison?) -> JSONText {
        var members: [(String, JSONText)] = [
            ("rule", .string(finding.rule.id)), ("policy", .string(finding.rule.policyID)),
            ("severity", .string(finding.rule.severity.rawValue)), ("status", .string(finding.status.rawValue)),
            ("subject", .string(finding.subject)), ("kind", .string(finding.kind.rawValue)),
        ]
        if let element = finding.element { members.append(("element", .string(element))) }
        members += [
            ("message", .string(finding.message)),
            ("controls", .array(finding.rule.controls.map { .string($0.description) })),
            ("location", .object([("file", .string(finding.location.file)), ("line", .int(Int64(finding.location.line))),
                                  ("column", .int(Int64(finding.location.column)))])),
        ]
        if finding.status == .waived, let waiver = finding.waiver {
            members.append(("waiver", .object([("id", .string(waiver.id)), ("justification", .string(waiver.justification)),
                                               ("approvedBy", .string(waiver.approvedBy)), ("expires", .string(waiver.expiresText))])))
        }
        members.append(("fingerprint", .string(finding.fingerprint)))
        if let baseline, finding.status.isFailing {
            members.append(("baseline", .string(baseline.isBaselined(finding) ? "unchanged" : "new")))
        }
        return .object(members)
    }

    /// Each loaded framework table: what it lists, how many of its controls the rules cover, and those no rule covers.
    static func frameworks(_ report: Report) -> JSONText {
        .array(report.catalogue.coverage.map { coverage in
            .object([
                ("id", .string(coverage.table.framework.rawValue)), ("title", .string(coverage.table.title)),
                ("version", .string(coverage.table.version)), ("scope", .string(coverage.table.scope)),
                ("controls", .int(Int64(coverage.table.controls.count))), ("covered", .int(Int64(coverage.coveredCount))),
                ("uncovered", .array(coverage.uncovered.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
            ])
        })
    }

    /// Appends ``evidence(_:_:)`` as ``JSONText/writePretty(into:indent:)`` prints it one level in, the same bytes, its
    /// files made one at a time and the text handed to `write` every ``pieceSize`` bytes: a first audit reads a file for
    /// each of its hundred thousand people.
    static func writeEvidence(_ report: Report, _ context: ReportContext, into output: inout String, to write: (String) -> Void) {
        guard case .object(let members) = evidence(report, context) else { return }
        let files = report.catalogue.digests + report.inputFiles
        output += "{"
        for (index, (name, value)) in members.enumerated() {
            output += index == 0 ? "\n    " : ",\n    "
            JSONText.quote(name, into: &output)
            output += ": "
            guard name == "files", !files.isEmpty else {
                value.writePretty(into: &output, indent: 2)
                continue
            }
            // An array of objects as `pretty` prints it two levels in: one item a line, three levels in.
            output += "["
            for (position, file) in files.enumerated() {
                output += position == 0 ? "\n      " : ",\n      "
                fileEntry(file).writePretty(into: &output, indent: 3)
                if output.utf8.count >= pieceSize {
                    write(output)
                    output = ""
                }
            }
            output += "\n    ]"
        }
        output += "\n  }"
    }

    /// One file read, as the evidence lists it.
    private static func fileEntry(_ file: FileDigest) -> JSONText {
        .object([("path", .string(file.path)), ("role", .string(file.role.rawValue)), ("sha256", .string(file.sha256)), ("bytes", .int(Int64(file.size)))])
    }

    /// The evidence: when and how the report was made, and what it read, but for the files read (an empty `files`, which
    /// ``writeEvidence(_:_:into:to:)`` lists).
    private static func evidence(_ report: Report, _ context: ReportContext) -> JSONText {
        .object([
            ("asOf", .string(report.asOf.rfc3339)),
            ("clearanceVersion", .string(context.toolVersion)),
            ("commandLine", .array(context.commandLine.map(JSONText.string))),
            ("files", .array([])),
            ("sources", .array(report.sources.map(SourcesListingJSON.source))),
            ("packs", .array(report.catalogue.policies.map { policy in
                .object([("id", .string(policy.id)), ("version", .optional(policy.version)), ("file", .optional(policy.file)),
                         ("settings", .array(policy.settings.map { setting in
                             .object([("name", .string(setting.name)), ("type", .string(setting.type)), ("value", setting.value),
                                      ("origin", .string(setting.origin ?? "default"))])
                         }))])
            })),
            ("ruleOverrides", .array(report.catalogue.overrides.map { override in
                .object([("rule", .string(override.ruleID)), ("applied", .bool(override.isLive)), ("disabled", .bool(override.disabled)),
                         ("packSeverity", .string(override.packSeverity.rawValue)), ("severity", .optional(override.severity?.rawValue)),
                         ("justification", .string(override.justification)), ("approvedBy", .string(override.approvedBy)),
                         ("expires", .string(override.expires)),
                         ("location", .object([("file", .string(override.location.file)), ("line", .int(Int64(override.location.line))),
                                               ("column", .int(Int64(override.location.column)))]))])
            })),
        ])
    }
}
