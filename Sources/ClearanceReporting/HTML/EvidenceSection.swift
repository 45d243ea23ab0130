import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// What the run read and how it ran: the as-of time, the version, the command line, and every file's SHA-256.
struct EvidenceSection {
    /// One file read.
    struct File {
        let role: String
        let path: String
        let size: String
        let sha256: String
    }

    /// One param of a pack in effect.
    struct Setting {
        let pack: String
        let name: String
        let value: String
        let origin: String
        let description: String
    }

    /// One vendor's export read as a source.
    struct Source {
        let file: String
        let format: String
        /// The system and the scope the entry names: `aws 111122223333`.
        let system: String
        let generatedAt: String
        let records: String
        /// `3 linked · 1 service · 1 unlinked · 2 ambiguous`.
        let links: String
        let sha256: String
    }

    /// One pack loaded.
    struct Pack {
        let id: String
        let version: String
        let file: String
    }

    /// One change clearance.yaml makes to a rule.
    struct Override {
        let rule: String
        let change: String
        let state: String
        let justification: String
        let approvedBy: String
        let expires: String
        let location: String
    }

    let asOf: String
    let version: String
    let commandLine: String
    let failOn: String
    let files: [File]
    /// `7 policy files and 31 input files, 123,456 bytes in all` (and the sources' files, when there are any).
    let fileSummary: String
    /// The vendors' exports read as sources, in the order clearance.yaml lists them.
    let sources: [Source]
    /// Whether any source is listed.
    let hasSources: Bool
    let packs: [Pack]
    let settings: [Setting]
    let overrides: [Override]
    /// Whether any rule override is listed.
    let hasOverrides: Bool

    /// The evidence of a run: policy files first, then input files, each in the order read.
    init(_ report: Report, context: ReportContext) {
        asOf = report.asOf.rfc3339
        version = context.toolVersion
        commandLine = context.commandLine.map(Self.shellQuoted).joined(separator: " ")
        failOn = context.failOn.rawValue
        let digests = report.catalogue.digests + report.inputFiles
        files = digests.map { File(role: $0.role.rawValue, path: $0.path, size: $0.size.grouped, sha256: $0.sha256) }
        let policies = report.catalogue.digests.count, exports = report.inputFiles.filter { $0.role == .source }.count
        let inputs = report.inputFiles.count - exports
        fileSummary = "\(policies) policy file\(policies == 1 ? "" : "s")" + (exports == 0 ? " and " : ", ") + "\(inputs) input file\(inputs == 1 ? "" : "s")"
            + (exports == 0 ? "" : " and \(exports) source file\(exports == 1 ? "" : "s")") + ", \(digests.map(\.size).reduce(0, +).grouped) bytes in all"
        sources = report.sources.map { source in
            Source(file: source.file, format: source.format, system: source.system + (source.scope.map { " " + $0 } ?? ""),
                   generatedAt: source.generatedAt.rfc3339, records: source.records.grouped,
                   links: SourcesListing.linkStates.compactMap { state in source.links[state].map { "\($0.grouped) \(state)" } }.joined(separator: " · "),
                   sha256: source.sha256)
        }
        hasSources = !sources.isEmpty
        packs = report.catalogue.policies.map { Pack(id: $0.id, version: $0.version ?? "–", file: $0.file ?? "–") }
        settings = report.catalogue.policies.flatMap { policy in
            policy.settings.map { Setting(pack: policy.id, name: $0.name, value: $0.valueText, origin: $0.origin ?? "pack default", description: $0.description) }
        }
        overrides = report.catalogue.overrides.map {
            Override(rule: $0.ruleID, change: $0.change, state: $0.isLive ? "applied" : "expired, not applied", justification: $0.justification,
                     approvedBy: $0.approvedBy, expires: $0.expires, location: $0.location.description)
        }
        hasOverrides = !overrides.isEmpty
    }

    /// An argument as a POSIX shell reads it back: bare when it is plain, else in single quotes.
    static func shellQuoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=:,@%+".unicodeScalars.contains(scalar)
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
