import ClearanceCore
import Crypto

extension Finding {
    /// A stable identity of the finding that depends neither on line numbers nor on list positions:
    /// rule, document kind, subject and the element's identity (see ``elementIdentity``).
    ///
    /// Moving lines, or adding, removing or reordering other elements of a list keeps it; fixing or
    /// renaming the subject, or changing the element's identity fields, changes it.
    public var fingerprint: String {
        var hash = SHA256()
        for (index, part) in ["v2", rule.id, kind.rawValue, subject, elementIdentity ?? ""].enumerated() {
            if index > 0 { hash.update(data: Self.separator) }
            var part = part
            part.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hash.finalize().prefix(16).lowercaseHex
    }

    /// The unit separator between the fingerprint's parts.
    private static let separator: [UInt8] = [0x1F]
}
