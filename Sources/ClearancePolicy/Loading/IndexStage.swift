/// Stage 5: index the compiled policies by id, by target and by rule id.
struct IndexStage {
    func run(policies: [Policy], files: [String]) -> PolicySet {
        PolicySet(policies: policies, files: files)
    }
}
