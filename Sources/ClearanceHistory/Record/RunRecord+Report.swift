import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import Crypto

extension RunRecord {
    /// How a run came about, beside its report: what the command line and the project say.
    public struct Context: Sendable {
        /// `audit` or `check`.
        public var command: String
        /// The wall-clock time of recording.
        public var recordedAt: Timestamp
        /// The Clearance version.
        public var toolVersion: String
        /// The git commit of the project, if known.
        public var gitRevision: String?
        /// The bytes of `clearance.yaml`, if there is one.
        public var configBytes: [UInt8]?
        /// What narrowed the run; nil for the whole project.
        public var scope: RunScope?
        /// The subjects, by rule id, of the findings that needed attention in the history when the run began
        /// (``HistoryStore/watchList()``): of the pass and skip findings, the record keeps only theirs.
        public var watched: [String: Set<String>]

        /// Creates a context.
        public init(command: String, recordedAt: Timestamp, toolVersion: String, gitRevision: String?, configBytes: [UInt8]?, scope: RunScope?,
                    watched: [String: Set<String>]) {
            self.watched = watched
            self.command = command
            self.recordedAt = recordedAt
            self.toolVersion = toolVersion
            self.gitRevision = gitRevision
            self.configBytes = configBytes
            self.scope = scope
        }
    }

    /// The record of a finished run: its report (the findings that need attention, the pass and skip findings of the
    /// context's watched rules and subjects, its counts, the files it read) and the accounts its exports listed
    /// (`documents`: every export read, whether reported on or context).
    public init(report: Report, documents: DocumentSet, context: Context) {
        let catalogue = report.catalogue
        var files = catalogue.digests.map { FileRecord(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256, size: $0.size) }
        files += report.inputFiles.map { FileRecord(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256, size: $0.size) }
        for source in report.sources {
            files.append(FileRecord(path: source.file, role: FileDigest.Role.source.rawValue, sha256: source.sha256, generatedAt: source.generatedAt, format: source.format))
            files += source.extraFiles.map { FileRecord(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256, size: $0.size, generatedAt: source.generatedAt,
                                                        format: source.format) }
        }
        let digests = Dictionary(catalogue.digests.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let watched = context.watched
        let outcomes = (report.findings + report.watchedFindings).filter { finding in
            (finding.status != .pass && finding.status != .skip) || (watched[finding.rule.id]?.contains(finding.subject) ?? false)
        }
        let catalogued = catalogue.rules.map(\.id)
        let rules = catalogued + Set(report.ruleCounts.keys).subtracting(catalogued).sorted()
        self.init(command: context.command, recordedAt: context.recordedAt, asOf: report.asOf, toolVersion: context.toolVersion,
                  gitRevision: context.gitRevision, configSHA256: context.configBytes.map { SHA256.hash(data: $0).lowercaseHex },
                  settingsSHA256: SHA256.hash(data: Array(Self.settingsText(catalogue).utf8)).lowercaseHex, scope: context.scope,
                  packs: catalogue.policies.map { PackRecord(id: $0.id, version: $0.version, file: $0.file, sha256: $0.file.flatMap { digests[$0] }) },
                  files: files,
                  counts: Dictionary(uniqueKeysWithValues: report.summary.map { ($0.key.rawValue, $0.value) }),
                  ruleCounts: rules.flatMap { rule in
                      FindingStatus.allCases.compactMap { status in
                          report.ruleCounts[rule]?[status].map { RuleCount(rule: rule, status: status.rawValue, count: $0) }
                      }
                  },
                  outcomes: outcomes.map(OutcomeRecord.init), watched: watched,
                  accounts: documents.documents(of: .account).map(AccountObservation.init),
                  accountSources: documents.sources.map { source in
                      AccountSource(system: source.system, scope: source.scope, observedAt: source.generatedAt, file: source.file)
                  })
    }

    /// The settings in effect as one text, for their digest: each pack's params with their values, then the rule overrides.
    static func settingsText(_ catalogue: RuleCatalogue) -> String {
        var lines: [String] = []
        for policy in catalogue.policies.sorted(by: { $0.id < $1.id }) {
            for setting in policy.settings.sorted(by: { $0.name < $1.name }) { lines.append("param \(policy.id) \(setting.name) \(setting.value.compact)") }
        }
        for override in catalogue.overrides {
            lines.append("override \(override.ruleID) \(override.severity?.rawValue ?? "-") \(override.disabled) \(override.expires) \(override.approvedBy) \(override.isLive)")
        }
        return lines.joined(separator: "\n")
    }
}

extension OutcomeRecord {
    /// A finding as the history keeps it.
    public init(_ finding: Finding) {
        self.init(fingerprint: finding.fingerprint, rule: finding.rule.id, policy: finding.rule.policyID, kind: finding.kind.rawValue, subject: finding.subject,
                  elementIdentity: finding.elementIdentity, element: finding.element, status: finding.status.rawValue, severity: finding.rule.severity.rawValue,
                  message: finding.message, file: finding.location.file, line: finding.location.line, column: finding.location.column)
    }
}

extension AccountObservation {
    /// An Account document as the history keeps it.
    public init(_ document: InputDocument) {
        let root = document.root
        self.init(system: root["system"]?.string ?? "", scope: root["scope"]?.string, nativeID: root["native_id"]?.string ?? document.id,
                  status: root["status"]?.string ?? "", person: root["person"]?.string, sourceFile: root["source"]?["file"]?.string,
                  observedAt: root["source"]?["generated_at"]?.timestamp)
    }
}
