import ClearanceEngine

/// How many findings have each outcome, and the one that decides a status: errors, then fails, pending items, waivers, passes.
struct OutcomeTally {
    var pass = 0
    var fail = 0
    var error = 0
    var waived = 0
    var skip = 0
    var pending = 0

    /// The tally of some findings.
    init(_ findings: some Sequence<Finding> = [Finding]()) {
        for finding in findings { add(finding.status) }
    }

    /// Counts one more outcome.
    mutating func add(_ status: FindingStatus) {
        switch status {
        case .pass: pass += 1
        case .fail: fail += 1
        case .error: error += 1
        case .waived: waived += 1
        case .skip: skip += 1
        case .pending: pending += 1
        }
    }

    /// Adds another tally's counts.
    mutating func add(_ other: OutcomeTally) {
        pass += other.pass
        fail += other.fail
        error += other.error
        waived += other.waived
        skip += other.skip
        pending += other.pending
    }

    /// Every finding counted.
    var total: Int { pass + fail + error + waived + skip + pending }

    /// Findings whose rule applied (everything but skips).
    var applicable: Int { pass + fail + error + waived + pending }

    /// Whether anything fails (a fail or an error).
    var isFailing: Bool { fail + error > 0 }

    /// The count of one outcome.
    func count(_ status: FindingStatus) -> Int {
        switch status {
        case .pass: pass
        case .fail: fail
        case .error: error
        case .waived: waived
        case .skip: skip
        case .pending: pending
        }
    }

    /// The outcome that decides a status; `nil` when nothing was counted.
    var worst: FindingStatus? {
        FindingStatus.worstFirst.first { count($0) > 0 }
    }

    /// `231 pass · 3 fail · 1 waived · 40 not applicable`, leaving out outcomes that did not occur.
    var text: String {
        let parts = [FindingStatus.pass, .fail, .pending, .error, .waived, .skip].filter { count($0) > 0 }.map { status in
            count(status).grouped + " " + (status == .skip ? "not applicable" : status.rawValue)
        }
        return parts.isEmpty ? "no findings" : parts.joined(separator: " · ")
    }
}
