/// One input of the `fuzz-sources` target taken apart: its first byte chooses a `sources:` entry (a format, and
/// for some formats an option), the rest holds the export's files.
///
/// A first byte below 128 chooses among the first formats by its value modulo 5: 0 `aws-iam-credential-report`,
/// 1 `hris-roster` with the generic preset, 2 `hris-roster` with `preset: bamboohr`, 3 `github-org-members`, 4
/// `okta-users`; its sixth part (the byte divided by 5, odd or even) gives the credential report a `scope` and the
/// generic roster a `columns` map. A first byte of 128 or more chooses by its value modulo 8: 0
/// `google-workspace-users-csv`, 1 `google-workspace-users`, 2 `entra-users-csv`, 3 `atlassian-users-csv`, 4
/// `jamf-computers`, 5 `intune-devices`, 6 `baton-grants`, 7 `baton-csv` (the baton entries with a `privileged`
/// option). The whole rest is a CSV export; the rest of a JSON one, and of Entra's CSV with its JSON registration
/// file, is split at NUL bytes (which no JSON holds) into the main file and the further files in order: GitHub's
/// `admins`, `two_factor_disabled` and `outside_collaborators`, Okta's `factors`, Entra's `mfa_registration`. A further
/// file is named in the entry only when its part is there, empty or not.
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
        var (entry, files) = selector >= 128 ? Self.laterFormat(selector % 8, rest) : Self.firstFormat(selector, rest)
        entry.append("generated_at: \(Self.generatedAt)")
        self.files = files
        configuration = "policies: [builtin]\nsources:\n" + entry.enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element + "\n" }.joined()
    }

    /// The entry and files of a format chosen by a first byte below 128.
    private static func firstFormat(_ selector: Int, _ rest: [UInt8]) -> (entry: [String], files: [(name: String, bytes: [UInt8])]) {
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
            files = parts(rest, main: "members.json", further: ["admins", "two_factor_disabled", "outside_collaborators"], entry: &entry)
        default:
            entry = ["format: okta-users", "file: users.json"]
            files = parts(rest, main: "users.json", further: ["factors"], entry: &entry)
        }
        return (entry, files)
    }

    /// The entry and files of a format chosen by a first byte of 128 or more (`choice`: the byte modulo 8).
    private static func laterFormat(_ choice: Int, _ rest: [UInt8]) -> (entry: [String], files: [(name: String, bytes: [UInt8])]) {
        var entry: [String]
        switch choice {
        case 0: return (["format: google-workspace-users-csv", "file: export.csv", "scope: acme"], [("export.csv", rest)])
        case 1:
            entry = ["format: google-workspace-users", "file: users.json", "scope: acme"]
            return (entry, parts(rest, main: "users.json", further: [], entry: &entry))
        case 2:
            entry = ["format: entra-users-csv", "file: users.csv", "scope: acme"]
            return (entry, parts(rest, main: "users.csv", further: ["mfa_registration"], entry: &entry))
        case 3: return (["format: atlassian-users-csv", "file: export.csv", "scope: acme"], [("export.csv", rest)])
        case 4:
            entry = ["format: jamf-computers", "file: computers.json"]
            return (entry, parts(rest, main: "computers.json", further: [], entry: &entry))
        case 5:
            entry = ["format: intune-devices", "file: devices.json"]
            return (entry, parts(rest, main: "devices.json", further: [], entry: &entry))
        case 6:
            entry = ["format: baton-grants", "file: grants.json", "system: slack", "privileged: {purposes: [ownership], slugs: [admin]}"]
            return (entry, parts(rest, main: "grants.json", further: [], entry: &entry))
        default:
            return (["format: baton-csv", "file: export.csv", "system: slack", "privileged: {slugs: [admin], entitlements: [\"role:owner:member\"]}"],
                    [("export.csv", rest)])
        }
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
