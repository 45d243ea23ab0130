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
        Self.add("v2", to: &hash, separated: false)
        Self.add(rule.id, to: &hash)
        Self.add(kind.rawValue, to: &hash)
        Self.add(subject, to: &hash)
        Self.add(elementIdentity ?? "", to: &hash)
        return hash.finalize().withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0.prefix(16)).lowercaseHex }
    }

    /// Hashes one part, after the separator unless it is the first.
    private static func add(_ part: String, to hash: inout SHA256, separated: Bool = true) {
        if separated { withUnsafeBytes(of: separator) { hash.update(bufferPointer: $0) } }
        var part = part
        part.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The unit separator between the fingerprint's parts.
    private static let separator: UInt8 = 0x1F
}
