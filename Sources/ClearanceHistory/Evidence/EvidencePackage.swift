import ClearanceCore
import ClearancePolicy

/// The evidence of a period for an auditor: the leavers, each system's revocation, the access reviews due and done,
/// a reproducible sample of the leavers, and every run and file it relied on. Computed from the member files, the HR
/// records and the history; the writers (CSV, JSON, HTML) only present it.
public struct EvidencePackage: Sendable, Equatable {
    /// The period.
    public var period: EvidencePeriod
    /// The evaluation time: exits after it have not happened, and review periods not ended by it are not counted.
    public var asOf: Timestamp
    /// The params judged by.
    public var settings: EvidenceSettings
    /// The history read; nil when there is none, and then observed revocation times are unavailable.
    public var history: HistoryEvidence?
    /// Where the history would be, as messages name it, when there is none.
    public var historyName: String
    /// The population of leavers, in key order.
    public var leavers: [Leaver]
    /// One row per leaver and system.
    public var revocations: [Revocation]
    /// The access reviews.
    public var reviews: ReviewEvidence
    /// The sample of the leavers.
    public var sample: EvidenceSample
    /// The runs relied on: those evaluated in the period, and any other whose observation a revocation cites, oldest first.
    public var runs: [RunSummary]
    /// The files this package was computed from now (member files, HR and other exports), as a run would record them.
    public var inputs: [FileRecord]

    /// Computes the package.
    public init(period: EvidencePeriod, asOf: Timestamp, members: [EvidenceMember], employments: [EvidenceEmployment], settings: EvidenceSettings,
                history: HistoryEvidence?, historyName: String, sampleSize: Int, seed: UInt64, inputs: [FileRecord]) {
        self.period = period
        self.asOf = asOf
        self.settings = settings
        self.history = history
        self.historyName = history?.name ?? historyName
        self.inputs = inputs
        leavers = LeaverPopulation.leavers(in: period, now: asOf, members: members, employments: employments)
        revocations = Revocations.rows(leavers, history: history, settings: settings, now: asOf)
        reviews = ReviewEvidence(period: period, now: asOf, members: members, settings: settings)
        sample = EvidenceSample(seed: seed, size: sampleSize, population: leavers.count)
        let cited = Set(revocations.compactMap(\.observedRun))
        runs = (history?.runs ?? []).filter { run in
            cited.contains(run.id) || Timestamp(seconds: run.asOfSeconds).map(period.contains) == true
        }
    }

    /// Computes the package from a loaded project: its member files and HR records (`documents`), the packs' params
    /// (`policies`), and the files read (the inputs and every export with its further files).
    public init(period: EvidencePeriod, asOf: Timestamp, documents: DocumentSet, policies: PolicySet, history: HistoryEvidence?, historyName: String,
                sampleSize: Int, seed: UInt64) {
        var inputs = documents.digests.map { FileRecord(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256, size: $0.size) }
        for source in documents.sources {
            inputs.append(FileRecord(path: source.file, role: FileDigest.Role.source.rawValue, sha256: source.sha256, generatedAt: source.generatedAt,
                                     format: source.format))
            inputs += source.extraFiles.map { FileRecord(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256, size: $0.size,
                                                         generatedAt: source.generatedAt, format: source.format) }
        }
        self.init(period: period, asOf: asOf, members: documents.documents(of: .teamMember).map(EvidenceMember.init),
                  employments: documents.documents(of: .employment).map(EvidenceEmployment.init), settings: EvidenceSettings(policies: policies),
                  history: history, historyName: historyName, sampleSize: sampleSize, seed: seed, inputs: inputs)
    }

    /// The files a run read, in the order it recorded them.
    public func files(ofRun id: Int64) -> [FileRecord] { history?.files[id] ?? [] }

    /// The revocation rows of a leaver.
    public func revocations(of leaver: Leaver) -> [Revocation] { revocations.filter { $0.leaver == leaver.key } }

    /// The sampled leavers, in the order drawn.
    public var sampledLeavers: [Leaver] { sample.drawn.map { leavers[$0] } }
}
