import ClearanceCore
import Crypto

/// A file read during a run and the SHA-256 digest of its bytes: audit evidence of exactly what was checked.
public struct FileDigest: Sendable, Hashable {
    /// What the file was read as.
    public enum Role: String, Sendable {
        /// A policy file; an input file reported on; a file read only as context for lookups; a vendor's export read as a source.
        case policy, input, context, source
    }

    /// The path as given.
    public let path: String
    /// What the file was read as.
    public let role: Role
    /// The SHA-256 digest in lowercase hexadecimal.
    public let sha256: String
    /// The size in bytes.
    public let size: Int

    /// The digest of bytes read from `path`.
    public init(path: String, role: Role, bytes: [UInt8]) {
        self.path = path
        self.role = role
        self.size = bytes.count
        self.sha256 = SHA256.hash(data: bytes).lowercaseHex
    }
}
