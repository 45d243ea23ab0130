import ClearanceCore

/// For one leaver and one system: when access ended, as declared in the member file and as observed in the history,
/// how many hours after exit, and whether within the window the offboarding pack allows.
public struct Revocation: Sendable, Equatable {
    /// The leaver's key (member id or HR record id).
    public var leaver: String
    /// The system.
    public var system: String
    /// The exit time.
    public var exit: Timestamp?
    /// When the window closed (exit plus the revocation window).
    public var deadline: Timestamp?
    /// The access entries on the system, as `system resource role`.
    public var grants: [String]
    /// The declared revocation: the latest `revoked` of the grants, when every grant on the system has one.
    public var declared: Timestamp?
    /// The accounts on the system the history links to the person, as native ids.
    public var accounts: [String]
    /// What the history shows: `revoked`, `still listed` (an account's latest state is active or pending),
    /// `not observed` (no account of the system linked to the person) or `no history`.
    public var observedStatus: String
    /// The observed revocation: when the last of the accounts was first seen deprovisioned, absent or suspended.
    public var observed: Timestamp?
    /// What showed it: `absent`, `deprovisioned` or `suspended`.
    public var observedAs: String?
    /// The run that showed it.
    public var observedRun: Int64?
    /// The export that showed it.
    public var observedSource: String?
    /// The time the hours are counted to: observed, else declared.
    public var basis: Basis
    /// Hours from exit to revocation, in hundredths (negative when revoked before exit); nil when not revoked or no exit.
    public var hundredthsOfHours: Int64?
    /// Whether revocation came within the window.
    public var within: Within
    /// What an auditor should know beyond the columns: a declaration the history contradicts, an account never seen revoked.
    public var note: String

    /// Which revocation time the hours count.
    public enum Basis: String, Sendable {
        /// The history showed every account revoked.
        case observed
        /// The member file declares every grant revoked, and the history showed no revocation.
        case declared
        /// Neither: access is not shown revoked.
        case none
    }

    /// Whether revocation came within the window.
    public enum Within: String, Sendable {
        /// Revoked by the deadline.
        case yes
        /// Revoked after the deadline, or not revoked and the deadline has passed.
        case no
        /// Not revoked, and the deadline is still ahead.
        case notYetDue = "not yet due"
        /// No exit time, so nothing can be timed.
        case unknown
    }

    /// Whether access is shown revoked (observed or declared).
    public var isRevoked: Bool { basis != .none }

    /// The revocation time the hours count.
    public var revokedAt: Timestamp? {
        switch basis {
        case .observed: observed
        case .declared: declared
        case .none: nil
        }
    }

    /// Hours with two decimals: `48.00`, `-0.50`; empty when none.
    public var hoursText: String {
        guard let value = hundredthsOfHours else { return "" }
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return (value < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

/// Builds the revocation rows of a population.
public enum Revocations {
    /// One row per leaver and system (the systems of their access entries and of the accounts the history links to
    /// them), in leaver then system order; a leaver with neither gets no row (the leavers list shows 0 systems).
    public static func rows(_ leavers: [Leaver], history: HistoryEvidence?, settings: EvidenceSettings, now: Timestamp) -> [Revocation] {
        var accountsByPerson: [String: [AccountTimeline]] = [:]
        for timeline in history?.timelines ?? [] { if let person = timeline.latest.person { accountsByPerson[person, default: []].append(timeline) } }
        var rows: [Revocation] = []
        for leaver in leavers {
            guard let member = leaver.member else { continue }
            let accounts = accountsByPerson[member.id] ?? []
            let systems = Set(member.grants.map(\.system)).union(accounts.map(\.key.system)).sorted()
            for system in systems {
                rows.append(row(leaver, system: system, grants: member.grants.filter { $0.system == system },
                                accounts: accounts.filter { $0.key.system == system }, history: history, settings: settings, now: now))
            }
        }
        return rows
    }

    /// The row of one leaver and system.
    static func row(_ leaver: Leaver, system: String, grants: [EvidenceGrant], accounts: [AccountTimeline], history: HistoryEvidence?,
                    settings: EvidenceSettings, now: Timestamp) -> Revocation {
        let deadline = leaver.exit.flatMap(settings.deadline(after:))
        let declared = grants.isEmpty || grants.contains { $0.revoked == nil } ? nil : grants.compactMap(\.revoked).max()
        var notes: [String] = []
        if !grants.isEmpty, declared == nil {
            notes.append("not declared revoked: " + grants.filter { $0.revoked == nil }.map(\.label).joined(separator: "; "))
        }
        var row = Revocation(leaver: leaver.key, system: system, exit: leaver.exit, deadline: deadline, grants: grants.map(\.label), declared: declared,
                             accounts: accounts.map(\.key.nativeID), observedStatus: history == nil ? "no history" : "not observed", observed: nil,
                             observedAs: nil, observedRun: nil, observedSource: nil, basis: .none, hundredthsOfHours: nil, within: .unknown, note: "")
        if let history, !accounts.isEmpty {
            var last: Sighting?
            var stillListed: [AccountTimeline] = []
            for account in accounts {
                guard let revoked = revocation(of: account, history: history) else { stillListed.append(account); continue }
                if last == nil || revoked.time > last!.time { last = revoked }  // safe: checked for nil first
            }
            if stillListed.isEmpty, let last {
                row.observedStatus = "revoked"
                row.observed = last.time
                row.observedAs = last.state
                row.observedRun = last.run
                row.observedSource = last.source
            } else {
                row.observedStatus = "still listed"
                for account in stillListed {
                    let seen = account.latest.observedAt.map { " at \($0.rfc3339)" } ?? ""
                    notes.append("\(account.key.nativeID) still \(account.latest.status) in the latest export that listed it\(seen)")
                }
            }
        }
        if row.observed != nil {
            row.basis = .observed
        } else if declared != nil, row.observedStatus != "still listed" {
            row.basis = .declared
        } else if declared != nil {
            notes.append("declared revoked \(declared!.rfc3339), but the history does not show it")  // safe: checked above
        }
        if let exit = leaver.exit, let revokedAt = row.revokedAt {
            row.hundredthsOfHours = hundredths(revokedAt.seconds - exit.seconds)
        }
        if let deadline {
            if let revokedAt = row.revokedAt { row.within = revokedAt <= deadline ? .yes : .no } else { row.within = now > deadline ? .no : .notYetDue }
        } else if leaver.exit != nil {
            notes.append("the revocation window \(settings.revocationWindow) in \(settings.timezone) cannot be computed")
        } else {
            notes.append("no exit time recorded, so the revocation cannot be timed")
        }
        row.note = notes.joined(separator: "; ")
        return row
    }

    /// A revocation the history shows: when, as what state, in which run and export.
    struct Sighting {
        /// When the export that showed it was made.
        var time: Timestamp
        /// `deprovisioned`, `absent` or `suspended`.
        var state: String
        /// The run that read the export, when known.
        var run: Int64?
        /// The export.
        var source: String?
    }

    /// When an account whose latest state is revoked was first seen so: deprovisioned or absent, the earlier of the first
    /// sightings of each; suspended (it cannot sign in), the export that first showed its latest state. A sighting without
    /// an export time counts at its run's evaluation time. Nil when the latest state is active or pending.
    static func revocation(of account: AccountTimeline, history: HistoryEvidence) -> Sighting? {
        if account.latest.status == "suspended" {
            guard let time = account.latest.observedAt else { return nil }
            return Sighting(time: time, state: "suspended", run: history.firstRun(reading: account.latest.sourceFile, madeAt: time), source: account.latest.sourceFile)
        }
        guard ["deprovisioned", "absent"].contains(account.latest.status) else { return nil }
        var best: Sighting?
        for (state, sighting) in [("deprovisioned", account.firstDeprovisioned), ("absent", account.firstAbsent)] {
            guard let sighting, let time = sighting.observedAt ?? history.asOf(sighting.run) else { continue }
            if best == nil || time < best!.time { best = Sighting(time: time, state: state, run: sighting.run, source: sighting.sourceFile) }  // safe: checked for nil first
        }
        return best
    }

    /// Seconds as hundredths of an hour, rounded half away from zero.
    static func hundredths(_ seconds: Int64) -> Int64 {
        let scaled = seconds * 100
        return scaled >= 0 ? (scaled + 1800) / 3600 : -((-scaled + 1800) / 3600)
    }
}
