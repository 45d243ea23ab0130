import ClearancePolicy

/// How many pass and skip findings one subject had per rule: kept instead of the findings themselves when a report
/// shows only a mark for them (the HTML report's checklists), so a large organisation's passes cost a count, not an object.
public struct PassMarks: Sendable {
    /// One rule's passes and skips on the subject.
    public struct Count: Sendable {
        /// The rule.
        public let rule: RuleInfo
        /// How many of its findings passed (several for a rule checked element by element).
        public fileprivate(set) var pass: Int
        /// How many were skipped.
        public fileprivate(set) var skip: Int

        /// A count of passes and skips.
        public init(rule: RuleInfo, pass: Int, skip: Int) {
            self.rule = rule
            self.pass = pass
            self.skip = skip
        }
    }

    /// The subject.
    public let subject: SubjectKey
    /// The rules with a pass or a skip, in the order they were evaluated.
    public private(set) var counts: [Count]

    /// The marks of a subject.
    public init(subject: SubjectKey, counts: [Count] = []) {
        self.subject = subject
        self.counts = counts
    }

    /// Counts one pass or skip of `rule`.
    mutating func add(_ status: FindingStatus, of rule: RuleInfo) {
        if counts.last?.rule !== rule { counts.append(Count(rule: rule, pass: 0, skip: 0)) }
        if status == .pass { counts[counts.count - 1].pass += 1 } else { counts[counts.count - 1].skip += 1 }
    }
}
