import ClearanceCore
import ClearanceDocument

/// Stage 2: reject every key the policy format does not define, suggesting the closest one.
/// A misspelt `requires:` must never pass silently.
struct UnknownKeyStage {
    /// The kinds a policy may target.
    let kinds: DocumentKinds

    func run(documents: [Document]) -> [Diagnostic] {
        documents.filter { $0.root.kind == .mapping && $0.root["kind"]?.string == DocumentKind.policy.rawValue }
            .flatMap { ShapeChecker(check: .unknownKeys).problems($0.root, .object(kinds.policyShape), name: "policy") }
    }
}
