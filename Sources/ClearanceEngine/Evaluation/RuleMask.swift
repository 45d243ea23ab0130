/// Pairs of a subject (its position among a run's subjects) and a planned rule, one bit each: those whose findings a
/// streamed report makes again, because the first pass kept an outcome of that rule on that subject.
struct RuleMask: Sendable {
    private var bits: [UInt64]
    /// How many planned rules the run has.
    let ruleSlots: Int

    /// No pair, for `subjects` subjects and `ruleSlots` planned rules.
    init(subjects: Int, ruleSlots: Int) {
        self.ruleSlots = ruleSlots
        bits = Array(repeating: 0, count: (max(0, subjects) * max(0, ruleSlots) + 63) / 64)
    }

    /// Adds a pair given as `subject * ruleSlots + rule` (``FindingSink/kept``).
    mutating func insert(_ entry: Int) {
        bits[entry >> 6] |= 1 << UInt64(entry & 63)
    }

    /// Whether the mask holds the pair.
    func contains(subject: Int, rule: Int) -> Bool {
        let entry = subject * ruleSlots + rule
        return bits[entry >> 6] & (1 << UInt64(entry & 63)) != 0
    }
}
