import ClearanceCore

/// Stage 5: index the compiled policies by id, by target and by rule id.
struct IndexStage {
    func run(policies: [Policy], digests: [FileDigest], warnings: [Diagnostic]) -> PolicySet {
        PolicySet(policies: policies, digests: digests, warnings: warnings)
    }
}
