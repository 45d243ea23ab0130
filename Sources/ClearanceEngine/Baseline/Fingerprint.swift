import ClearanceCore
import Crypto

extension Finding {
    /// A stable identity of the finding that depends neither on line numbers nor on list positions:
    /// rule, document kind, subject and the element's identity (see ``elementIdentity``).
    ///
    /// Moving lines, or adding, removing or reordering other elements of a list keeps it; fixing or
    /// renaming the subject, or changing the element's identity fields, changes it.
    public var fingerprint: String {
        withFingerprint { $0.lowercaseHex }
    }

    /// Hands `body` the bytes ``fingerprint`` prints in hexadecimal (the first 16 bytes of a SHA-256 digest).
    public func withFingerprint<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var parts = (rule.id, kind.rawValue, subject, elementIdentity ?? "")
        let count = 2 + 4 + parts.0.utf8.count + parts.1.utf8.count + parts.2.utf8.count + parts.3.utf8.count
        // The parts are hashed in one piece, copied into one buffer: one call into the digest costs less than one per part.
        let digest = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var end = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                (buffer.baseAddress! + end).initialize(from: source, count: bytes.count)  // safe: the buffer has room for every part
                end += bytes.count
            }
            func appendPart(_ bytes: UnsafeBufferPointer<UInt8>) {
                buffer[end] = Self.separator
                end += 1
                append(bytes)
            }
            Self.version.withUTF8Buffer { append($0) }
            parts.0.withUTF8 { appendPart($0) }
            parts.1.withUTF8 { appendPart($0) }
            parts.2.withUTF8 { appendPart($0) }
            parts.3.withUTF8 { appendPart($0) }
            return SHA256.hash(data: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<end]))
        }
        return digest.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0.prefix(16))) }
    }

    /// What the hashed bytes start with: the fingerprint's version.
    private static let version: StaticString = "v2"
    /// The unit separator between the fingerprint's parts.
    private static let separator: UInt8 = 0x1F
}
