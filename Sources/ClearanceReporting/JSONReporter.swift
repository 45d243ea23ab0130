import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import Foundation

/// `json`: the stable, versioned report other tools read (DESIGN.md, "The JSON report").
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let fileName = "report.json"

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let document = JSONReport(report, context: context)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The JSON report's shape, version 1.
struct JSONReport: Encodable {
    struct Tool: Encodable { let name: String; let version: String }
    struct Summary: Encodable { let pass, fail, error, waived, skip: Int }
    struct Location: Encodable { let file: String; let line: Int; let column: Int }
    struct WaiverInfo: Encodable { let id: String; let justification: String; let approvedBy: String; let expires: String }
    struct FileEvidence: Encodable { let path: String; let role: String; let sha256: String; let bytes: Int }
    struct Evidence: Encodable { let commandLine: [String]; let files: [FileEvidence] }
    struct BaselineSummary: Encodable { let new: Int; let unchanged: Int; let resolved: [Baseline.Entry] }
    struct Entry: Encodable {
        let rule: String
        let policy: String
        let severity: String
        let status: String
        let subject: String
        let kind: String
        let element: String?
        let message: String
        let controls: [String]
        let location: Location
        let waiver: WaiverInfo?
        let fingerprint: String
        let baseline: String?

        enum CodingKeys: String, CodingKey {
            case rule, policy, severity, status, subject, kind, element, message, controls, location, waiver, fingerprint, baseline
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(policy, forKey: .policy)
            try container.encode(severity, forKey: .severity)
            try container.encode(status, forKey: .status)
            try container.encode(subject, forKey: .subject)
            try container.encode(kind, forKey: .kind)
            try container.encodeIfPresent(element, forKey: .element)
            try container.encode(message, forKey: .message)
            try container.encode(controls, forKey: .controls)
            try container.encode(location, forKey: .location)
            try container.encodeIfPresent(waiver, forKey: .waiver)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encodeIfPresent(baseline, forKey: .baseline)
        }
    }

    let version = 1
    let tool: Tool
    let asOf: String
    let summary: Summary
    let findings: [Entry]
    let baseline: BaselineSummary?
    let evidence: Evidence

    init(_ report: Report, context: ReportContext) {
        tool = Tool(name: "clearance", version: context.toolVersion)
        asOf = report.asOf.rfc3339
        let counts = report.summary
        summary = Summary(pass: counts[.pass] ?? 0, fail: counts[.fail] ?? 0, error: counts[.error] ?? 0,
                          waived: counts[.waived] ?? 0, skip: counts[.skip] ?? 0)
        findings = report.findings.map { finding in
            Entry(rule: finding.rule.id, policy: finding.rule.policyID, severity: finding.rule.severity.rawValue,
                  status: finding.status.rawValue, subject: finding.subject, kind: finding.kind.rawValue, element: finding.element,
                  message: finding.message, controls: finding.rule.controls.map(\.description),
                  location: Location(file: finding.location.file, line: finding.location.line, column: finding.location.column),
                  waiver: finding.waiver.map { WaiverInfo(id: $0.id, justification: $0.justification, approvedBy: $0.approvedBy, expires: $0.expiresText) },
                  fingerprint: finding.fingerprint,
                  baseline: report.baseline.flatMap { comparison in
                      finding.status.isFailing ? (comparison.isBaselined(finding) ? "unchanged" : "new") : nil
                  })
        }
        baseline = report.baseline.map { comparison in
            let failing = report.findings.filter(\.status.isFailing)
            let unchanged = failing.filter(comparison.isBaselined).count
            return BaselineSummary(new: failing.count - unchanged, unchanged: unchanged, resolved: comparison.resolved)
        }
        evidence = Evidence(commandLine: context.commandLine,
                            files: (report.policies.digests + report.inputFiles).map {
                                FileEvidence(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256, bytes: $0.size)
                            })
    }
}
