import ClearanceCore
import Crypto

/// The bearer tokens the server accepts, kept only as SHA-256 hashes: one per line of a tokens file, `HASH` or `ID:HASH`
/// (blank lines and lines starting with `#` are skipped). A token is checked in time that does not depend on where it differs.
public struct AccessTokens: Sendable {
    /// One accepted token's hash and the id the decision log names its caller by.
    struct Entry: Sendable {
        let id: String
        let hash: [UInt8]
    }

    private let entries: [Entry]

    /// The tokens of a file's text; `file` names it in errors. A line that is not a 64-digit hex hash (after an optional `ID:`)
    /// is an error at its line, as is a file with no token: a server that nobody can call is a mistake.
    public init(text: String, file: String) throws(Diagnostic) {
        var entries: [Entry] = []
        var offset = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { offset += raw.utf8.count + 1 }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let location = SourceLocation(file: file, line: index + 1, column: 1, offset: offset)
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let (id, hex) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("token-\(entries.count + 1)", String(parts[0]))
            guard let hash = Self.bytes(hex: hex) else {
                // The line is not shown: it may be a token pasted by mistake.
                throw Diagnostic(code: "serve.tokens", message: "a tokens file holds one SHA-256 hash per line (64 hexadecimal digits), optionally after `ID:`; this line is not one (its content is not shown)", location: location)
            }
            guard !id.isEmpty, id.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                throw Diagnostic(code: "serve.tokens", message: "a token id is printable ASCII without spaces", location: location)
            }
            entries.append(Entry(id: id, hash: hash))
        }
        guard !entries.isEmpty else {
            throw Diagnostic(code: "serve.tokens", message: "the tokens file holds no token hash; add one SHA-256 hash per line", file: file)
        }
        self.entries = entries
    }

    /// The id of the caller whose token this is, `nil` when no accepted hash matches. Every entry is compared, each in full.
    public func caller(token: String) -> String? {
        let hash = Array(SHA256.hash(data: Array(token.utf8)))
        var found: String?
        for entry in entries where Self.constantTimeEqual(entry.hash, hash) && found == nil { found = entry.id }
        return found
    }

    /// Whether two 32-byte hashes are equal, reading every byte whatever the first difference.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// The bytes of 64 hexadecimal digits, `nil` for anything else.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
