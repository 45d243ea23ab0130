import ClearanceCore
import ClearanceDocument

/// Stage 5: index the compiled policies by id, by target and by rule id.
struct IndexStage {
    func run(kinds: DocumentKinds, policies: [Policy], digests: [FileDigest], warnings: [Diagnostic], expiredOverrides: [RuleOverride],
             symbols: SymbolTable, frameworks: [ControlTable] = []) -> PolicySet {
        PolicySet(kinds: kinds, policies: policies, digests: digests, warnings: warnings, expiredOverrides: expiredOverrides, symbols: symbols,
                  frameworks: frameworks)
    }
}
