import ClearanceCore

/// A person who left in the period, as the member file and the HR export show it, with the exit time used.
public struct Leaver: Sendable, Equatable {
    /// The member id, or the HR record's id for a person no member file claims.
    public var key: String
    /// The member, when a member file exists.
    public var member: EvidenceMember?
    /// The HR records linked to the person.
    public var employments: [EvidenceEmployment]
    /// The exit time used; nil when no source records one (the person is listed because their status says they left).
    public var exit: Timestamp?
    /// What the exit time was read from: `offboarding.exit`, `engagement.end` or `termination_date`.
    public var exitBasis: String?

    /// The name, from the member file or the HR record.
    public var name: String { member?.name ?? employments.first?.name ?? "" }

    /// The HR termination date (the earliest of the linked records).
    public var terminationDate: Timestamp? { employments.compactMap(\.terminationDate).min() }

    /// Which sources showed the exit: `member file`, `hris` or both.
    public var shownBy: [String] {
        var sources: [String] = []
        if let member, member.exit != nil || member.engagementEnd != nil || ["offboarding", "offboarded"].contains(member.status) { sources.append("member file") }
        if employments.contains(where: { $0.terminationDate != nil || $0.status == "inactive" }) { sources.append("hris") }
        return sources
    }
}

/// The leavers of a period: every member and HR record whose exit falls in it (and has passed at the evaluation time),
/// and every person marked as gone whose exit no source records.
public enum LeaverPopulation {
    /// The statuses of a member file that say the person is leaving or has left.
    static let leavingStatuses: Set<String> = ["offboarding", "offboarded"]

    /// The leavers of `period` as of `now`, in key order.
    ///
    /// The exit time is `offboarding.exit` when the member file records it (the moment the offboarding pack times
    /// revocations from), else the earliest of `engagement.end` and the linked HR records' `termination_date`; a date
    /// is read as its first instant (midnight UTC), as the packs read it.
    public static func leavers(in period: EvidencePeriod, now: Timestamp, members: [EvidenceMember], employments: [EvidenceEmployment]) -> [Leaver] {
        let memberIDs = Set(members.map(\.id))
        var byPerson: [String: [EvidenceEmployment]] = [:]
        for employment in employments { if let person = employment.person, memberIDs.contains(person) { byPerson[person, default: []].append(employment) } }
        var leavers: [Leaver] = []
        for member in members {
            let linked = byPerson[member.id] ?? []
            var leaver = Leaver(key: member.id, member: member, employments: linked, exit: nil, exitBasis: nil)
            if let exit = member.exit {
                leaver.exit = exit
                leaver.exitBasis = "offboarding.exit"
            } else {
                let candidates = [(member.engagementEnd, "engagement.end"), (leaver.terminationDate, "termination_date")]
                    .compactMap { time, basis in time.map { ($0, basis) } }
                if let earliest = candidates.min(by: { $0.0 < $1.0 }) {
                    leaver.exit = earliest.0
                    leaver.exitBasis = earliest.1
                }
            }
            if include(leaver, leaving: leavingStatuses.contains(member.status) || linked.contains { $0.status == "inactive" }, period, now) {
                leavers.append(leaver)
            }
        }
        for employment in employments where employment.person.map({ !memberIDs.contains($0) }) ?? true {
            let leaver = Leaver(key: employment.id, member: nil, employments: [employment], exit: employment.terminationDate,
                                exitBasis: employment.terminationDate == nil ? nil : "termination_date")
            if include(leaver, leaving: employment.status == "inactive", period, now) { leavers.append(leaver) }
        }
        return leavers.sorted { $0.key < $1.key }
    }

    /// Whether a person belongs to the population: an exit in the period that has passed, or no exit at all while a
    /// source says they are leaving or gone (they cannot be shown to be outside the period).
    static func include(_ leaver: Leaver, leaving: Bool, _ period: EvidencePeriod, _ now: Timestamp) -> Bool {
        guard let exit = leaver.exit else { return leaving }
        return period.contains(exit) && exit <= now
    }
}
