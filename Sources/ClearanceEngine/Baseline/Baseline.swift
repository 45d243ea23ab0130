import ClearanceCore
import Foundation

/// Accepted findings: a run with `--baseline` fails only on findings that are not in it.
public struct Baseline: Codable, Sendable {
    /// One accepted finding.
    public struct Entry: Codable, Sendable, Hashable {
        /// The finding's fingerprint (see ``Finding/fingerprint``).
        public let fingerprint: String
        public let rule: String
        public let subject: String
        public let kind: String
        public let element: String?
        public let status: String
        public let message: String
    }

    /// The file format's version.
    public let version: Int
    /// When the baseline was written (the run's as-of time).
    public let asOf: String
    /// The accepted findings, sorted by fingerprint.
    public let findings: [Entry]

    /// The version written and read: 2 since fingerprints follow element identity (version 1 used list positions).
    public static let currentVersion = 2

    /// The baseline of a report: every fail, whatever its severity. Errors are left out: an unevaluated check
    /// is never accepted (a waiver, which expires, is the way to accept one for a while).
    public init(_ report: Report) {
        version = Self.currentVersion
        asOf = report.asOf.rfc3339
        findings = report.findings.filter { $0.status == .fail }.map { finding in
            Entry(fingerprint: finding.fingerprint, rule: finding.rule.id, subject: finding.subject, kind: finding.kind.rawValue,
                  element: finding.element, status: finding.status.rawValue, message: finding.message)
        }.sorted { $0.fingerprint < $1.fingerprint }
    }

    /// The baseline as pretty-printed JSON.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// Reads a baseline file; anything else is a diagnostic naming the file.
    public static func load(path: String) throws(Diagnostic) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(code: "baseline.unreadable", message: "cannot read the baseline file", file: path)
        }
        do {
            let version = try JSONDecoder().decode(Version.self, from: data).version
            guard version == Self.currentVersion else {
                let message = version == 1
                    ? "written by an earlier Clearance (fingerprints by position); re-create it with --write-baseline"
                    : "baseline version \(version) is not supported (expected \(Self.currentVersion)); re-create it with --write-baseline"
                throw Diagnostic(code: "baseline.version", message: message, file: path)
            }
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(code: "baseline.format", message: "not a Clearance baseline (write one with --write-baseline)", file: path)
        }
    }
}

extension Baseline {
    /// Just the version of a baseline file, read before the rest.
    private struct Version: Decodable { let version: Int }
}

/// How a run compares with a baseline: which failing findings are accepted, which accepted ones are gone.
public struct BaselineComparison: Sendable {
    /// The fingerprints of findings the baseline accepts.
    public let accepted: Set<String>
    /// Baseline findings that no longer fail: fixed since the baseline was written.
    public let resolved: [Baseline.Entry]

    /// Compares a report's findings with a baseline; only fails are accepted, never errors. With
    /// `checked` (subjects as "Kind id"), only baseline findings about those subjects can be
    /// resolved, since the run looked at no other.
    public init(baseline: Baseline, findings: [Finding], checked: Set<String>? = nil) {
        let failing = Set(findings.filter { $0.status == .fail }.map(\.fingerprint))
        let known = Set(baseline.findings.map(\.fingerprint))
        accepted = failing.intersection(known)
        resolved = baseline.findings.filter { !failing.contains($0.fingerprint) && checked?.contains($0.kind + " " + $0.subject) ?? true }
    }

    /// Whether a finding is in the baseline (so it does not fail the run).
    public func isBaselined(_ finding: Finding) -> Bool { finding.status == .fail && accepted.contains(finding.fingerprint) }
}
