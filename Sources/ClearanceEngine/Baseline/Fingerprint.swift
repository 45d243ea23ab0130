import ClearanceCore
import Crypto

extension Finding {
    /// A stable identity of the finding that depends neither on line numbers nor on list positions:
    /// rule, document kind, subject and the element's identity (see ``elementIdentity``).
    ///
    /// Moving lines, or adding, removing or reordering other elements of a list keeps it; fixing or
    /// renaming the subject, or changing the element's identity fields, changes it.
    public var fingerprint: String {
        // The parts are hashed in one piece: one call into the digest costs less than one per part.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        bytes += "v2".utf8
        for part in [rule.id, kind.rawValue, subject, elementIdentity ?? ""] {
            bytes.append(Self.separator)
            bytes += part.utf8
        }
        return SHA256.hash(data: bytes).withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0.prefix(16)).lowercaseHex }
    }

    /// The unit separator between the fingerprint's parts.
    private static let separator: UInt8 = 0x1F
}
