import ClearanceEngine
import ClearancePolicy

extension Report {
    /// The kinds the report's policies check, in registration order: how reports group and name subjects.
    var kinds: DocumentKinds { policies.kinds }
}
