/// One input of the `fuzz-sources` target taken apart: its first byte chooses a `sources:` entry (a format, and
/// for some formats an option), the rest holds the export's files.
///
/// The first byte modulo 5 is the format: 0 `aws-iam-credential-report`, 1 `hris-roster` with the generic preset,
/// 2 `hris-roster` with `preset: bamboohr`, 3 `github-org-members`, 4 `okta-users`. Its sixth part (the byte divided
/// by 5, odd or even) gives the credential report a `scope` and the generic roster a `columns` map. A CSV export
/// is the whole rest; the rest of a JSON one is split at NUL bytes (which no JSON holds) into the main file and
/// the further files in order: GitHub's `admins`, `two_factor_disabled` and `outside_collaborators`, Okta's
/// `factors`. A further file is named in the entry only when its part is there, empty or not.
public struct FuzzSourceInput: Sendable {
    /// The files to write beside `clearance.yaml`, by name.
    public let files: [(name: String, bytes: [UInt8])]
    /// The `clearance.yaml` that reads them: one entry of `sources:`.
    public let configuration: String

    /// When every sample export was made.
    static let generatedAt = "2026-11-19T06:00:00Z"

    /// Takes `bytes` apart.
    public init(_ bytes: [UInt8]) {
        let selector = Int(bytes.first ?? 0), rest = Array(bytes.dropFirst())
        let option = (selector / 5) % 2 == 1
        var entry: [String]
        var files: [(name: String, bytes: [UInt8])]
        switch selector % 5 {
        case 0:
            entry = ["format: aws-iam-credential-report", "file: export.csv", "environment: production"] + (option ? ["scope: \"111122223333\""] : [])
            files = [("export.csv", rest)]
        case 1:
            entry = ["format: hris-roster", "file: export.csv", "scope: acme"] + (option ? ["columns: {display_name: name}"] : [])
            files = [("export.csv", rest)]
        case 2:
            entry = ["format: hris-roster", "file: export.csv", "scope: acme", "preset: bamboohr"]
            files = [("export.csv", rest)]
        case 3:
            entry = ["format: github-org-members", "file: members.json", "scope: acme"]
            files = Self.parts(rest, main: "members.json", further: ["admins", "two_factor_disabled", "outside_collaborators"], entry: &entry)
        default:
            entry = ["format: okta-users", "file: users.json"]
            files = Self.parts(rest, main: "users.json", further: ["factors"], entry: &entry)
        }
        entry.append("generated_at: \(Self.generatedAt)")
        self.files = files
        configuration = "policies: [builtin]\nsources:\n" + entry.enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element + "\n" }.joined()
    }

    /// The main file and the further files `bytes` holds, split at NUL bytes; each further file present is named in `entry`.
    private static func parts(_ bytes: [UInt8], main: String, further keys: [String], entry: inout [String]) -> [(name: String, bytes: [UInt8])] {
        let pieces = bytes.split(separator: 0, maxSplits: keys.count, omittingEmptySubsequences: false).map(Array.init)
        var files = [(name: main, bytes: pieces.first ?? [])]
        for (key, piece) in zip(keys, pieces.dropFirst()) {
            files.append((name: key + ".json", bytes: piece))
            entry.append("\(key): \(key).json")
        }
        return files
    }
}
