/// Where a run's findings go: every outcome is counted; full findings are kept for those that
/// need attention, or for all when a report lists passes and skips too.
struct FindingSink: Sendable {
    /// Whether pass and skip findings are kept, not only counted.
    let keepsAll: Bool
    private(set) var findings: [Finding] = []
    private(set) var counts = [Int](repeating: 0, count: FindingStatus.allCases.count)

    init(keepsAll: Bool) { self.keepsAll = keepsAll }

    /// Whether a finding with this outcome is kept (so is worth building).
    func keeps(_ status: FindingStatus) -> Bool { keepsAll || (status != .pass && status != .skip) }

    /// Counts an outcome whose finding is not kept.
    mutating func count(_ status: FindingStatus) { counts[status.index] += 1 }

    /// Counts and keeps a finding.
    mutating func add(_ finding: Finding) {
        counts[finding.status.index] += 1
        findings.append(finding)
    }

    /// Adds what another sink gathered, after this one's.
    mutating func append(_ other: FindingSink) {
        findings += other.findings
        for index in counts.indices { counts[index] += other.counts[index] }
    }
}

extension FindingStatus {
    /// The position of the outcome in ``allCases``.
    var index: Int {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 2
        case .waived: 3
        case .skip: 4
        case .pending: 5
        }
    }
}
