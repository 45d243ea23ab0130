import ClearanceCore
import ClearanceDocument

/// Stage 5: index the compiled policies by id, by target and by rule id.
struct IndexStage {
    func run(kinds: DocumentKinds, policies: [Policy], digests: [FileDigest], warnings: [Diagnostic], symbols: SymbolTable,
             frameworks: [ControlTable] = []) -> PolicySet {
        PolicySet(kinds: kinds, policies: policies, digests: digests, warnings: warnings, symbols: symbols, frameworks: frameworks)
    }
}
