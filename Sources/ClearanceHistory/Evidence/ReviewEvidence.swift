import ClearanceCore

/// Access reviews due and done over the period: each review period of each cadence, and each grant due a review in it.
public struct ReviewEvidence: Sendable, Equatable {
    /// The review periods, by cadence then start.
    public var periods: [Period]
    /// One row per grant due a review in a period, in period then member order.
    public var rows: [Row]

    /// A review period: a stretch of one cadence's length, counted from the start of the evidence period.
    public struct Period: Sendable, Equatable {
        /// The cadence, as written (`90d`).
        public var cadence: String
        /// Its first instant.
        public var start: Timestamp
        /// The first instant after it.
        public var end: Timestamp
        /// Grants due a review in it.
        public var due: Int
        /// Of those, reviewed in it.
        public var done: Int
        /// Of those, shown not reviewed in it.
        public var missed: Int
        /// Of those, whose review in it the files cannot show (reviewed again since).
        public var notShown: Int
    }

    /// A grant due a review in a period, and what the member file shows of it.
    public struct Row: Sendable, Equatable {
        /// The period's cadence.
        public var cadence: String
        /// The period's first instant.
        public var start: Timestamp
        /// The first instant after the period.
        public var end: Timestamp
        /// The member.
        public var member: String
        /// The grant.
        public var grant: EvidenceGrant
        /// Whether it is reviewed on the privileged cadence.
        public var privileged: Bool
        /// `done`, `missed` or `not shown`.
        public var status: String
        /// The member file.
        public var file: String
    }

    /// The review periods of `period` and the grants due in each, as of `now`.
    ///
    /// A grant is due a review in a period when it was held through the whole of it: granted at or before its start (a
    /// grant with no date counts as held), not revoked before its end, its member not a candidate and not gone before
    /// its end. It is `done` when its `last_review` date falls in the period, `missed` when that date is before the
    /// period or absent (the latest review being earlier, none happened in it), and `not shown` when it is after the
    /// period (the member file keeps only the latest review). Only whole periods that have ended by `now` are counted.
    public init(period: EvidencePeriod, now: Timestamp, members: [EvidenceMember], settings: EvidenceSettings) {
        var periods: [Period] = []
        var rows: [Row] = []
        for cadence in Array(Set([settings.reviewCadence, settings.privilegedReviewCadence])).sorted(by: { EvidenceSettings.seconds($0) > EvidenceSettings.seconds($1) }) {
            let length = EvidenceSettings.seconds(cadence)
            var startSeconds = period.start.seconds
            while startSeconds + length <= period.end.seconds, startSeconds + length <= now.seconds,
                  let start = Timestamp(seconds: startSeconds), let end = Timestamp(seconds: startSeconds + length) {
                var summary = Period(cadence: cadence, start: start, end: end, due: 0, done: 0, missed: 0, notShown: 0)
                for member in members.sorted(by: { $0.id < $1.id }) where member.status != "candidate" {
                    if let gone = member.exit ?? member.engagementEnd, gone < end { continue }
                    for grant in member.grants where settings.cadence(of: grant) == cadence {
                        guard grant.granted.map({ $0 <= start }) ?? true, grant.revoked.map({ $0 >= end }) ?? true else { continue }
                        let status: String
                        if let review = grant.lastReview, review >= start {
                            status = review < end ? "done" : "not shown"
                        } else {
                            status = "missed"
                        }
                        summary.due += 1
                        switch status {
                        case "done": summary.done += 1
                        case "missed": summary.missed += 1
                        default: summary.notShown += 1
                        }
                        rows.append(Row(cadence: cadence, start: start, end: end, member: member.id, grant: grant,
                                        privileged: settings.isPrivileged(grant), status: status, file: member.file))
                    }
                }
                periods.append(summary)
                startSeconds += length
            }
        }
        self.periods = periods
        self.rows = rows
    }
}
