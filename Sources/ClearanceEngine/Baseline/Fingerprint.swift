import ClearanceCore
import Crypto

extension Finding {
    /// A stable identity of the finding that depends neither on line numbers nor on list positions:
    /// rule, document kind, subject and the element's identity (see ``elementIdentity``).
    ///
    /// Moving lines, or adding, removing or reordering other elements of a list keeps it; fixing or
    /// renaming the subject, or changing the element's identity fields, changes it.
    public var fingerprint: String {
        let identity = ["v2", rule.id, kind.rawValue, subject, elementIdentity ?? ""].joined(separator: "\u{1F}")
        return SHA256.hash(data: Array(identity.utf8)).prefix(16).lowercaseHex
    }
}
