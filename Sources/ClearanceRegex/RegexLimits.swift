/// The bounds that keep compiling and matching any pattern cheap.
enum RegexLimits {
    /// The largest count in `{n,m}`, and the largest product of nested counts (as RE2).
    static let maxRepeatCount = 1000
    /// The deepest nesting of groups (as RE2).
    static let maxNesting = 1000
    /// The most instructions a program may have; matching costs at most this much per text scalar.
    static let maxProgramSize = 10_000
}
