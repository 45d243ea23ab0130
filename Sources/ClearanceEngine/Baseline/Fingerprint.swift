import Crypto

extension Finding {
    /// A stable identity of the finding that does not depend on line numbers: rule, subject and element.
    ///
    /// Moving a document's lines around keeps it; fixing or renaming the subject changes it.
    public var fingerprint: String {
        let identity = ["v1", rule.id, kind.rawValue, subject, element ?? ""].joined(separator: "\u{1F}")
        return SHA256.hash(data: Array(identity.utf8)).prefix(16).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
