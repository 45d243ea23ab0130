import ClearanceCore
import ClearanceDocument

/// The `google-workspace-users-csv` source format: the CSV the Google Admin console's "Download users" gives
/// (Directory → Users → Download users), one Account per row.
///
/// Columns are found by header name: `Email Address [Required]`, `Status [READ ONLY]`, `Last Sign In [READ ONLY]` and
/// `2sv Enrolled [READ ONLY]` are required; `First Name [Required]` and `Last Name [Required]` make the display name when
/// present. The native id is the email address in lowercase (the file has no other id, and Google matches addresses in any
/// case); `login` and `email` keep it as written. `Status` is Active or Suspended; `Last Sign In` is `2026/08/27 15:15:08`,
/// read as UTC (the export does not say its zone), or `Never logged in`; `2sv Enrolled` (True or False) is `mfa.enabled`.
/// The file lists no administrator roles and no creation time: `privileged` and `created` are null.
public struct GoogleWorkspaceUsersCSVFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `google-workspace-users-csv`.
    public var name: String { "google-workspace-users-csv" }
    /// What the export is.
    public var summary: String { "the users of a Google Workspace: the Admin console's \"Download users\" CSV" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `google-workspace`.
    public var defaultSystem: String { "google-workspace" }

    /// The columns the format reads that every download has.
    static let email = "Email Address [Required]", status = "Status [READ ONLY]", lastSignIn = "Last Sign In [READ ONLY]",
               enrolled = "2sv Enrolled [READ ONLY]"
    /// The columns the display name is joined from, read when present.
    static let nameColumns = ["First Name [Required]", "Last Name [Required]"]
    /// The `Last Sign In` of a user who never signed in.
    static let neverSignedIn = "Never logged in"

    /// Every user of the download.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let csv = try CSVExport(export, emptyHint: "a Google Workspace users download starts with the header `First Name [Required],Last Name [Required],Email Address [Required],…`")
        let columns = try csv.requiredColumns([[Self.email], [Self.status], [Self.lastSignIn], [Self.enrolled]], format: name,
                                              every: "every Google Workspace users download")
        let reader = Reader(csv: csv, email: columns[Self.email] ?? 0, status: columns[Self.status] ?? 0, lastSignIn: columns[Self.lastSignIn] ?? 0,
                            enrolled: columns[Self.enrolled] ?? 0, nameParts: Self.nameColumns.compactMap(csv.column))
        return try csv.records(idField: "native_id") { (row: CSVRow) throws(Diagnostic) -> ObservedRecord in try reader.record(row) }
    }

    /// Reads the rows of one download.
    private struct Reader {
        let csv: CSVExport
        /// The required columns (each found: a header without one ended before).
        let email, status, lastSignIn, enrolled: Int
        /// The name columns the header has.
        let nameParts: [Int]

        /// The account of one row.
        func record(_ row: CSVRow) throws(Diagnostic) -> ObservedRecord {
            let emailCell = row[email]
            guard !emailCell.text.isEmpty else {
                throw csv.problem(emailCell, code: "source.cell", "\(CSVExport.named(GoogleWorkspaceUsersCSVFormat.email)) is empty; every row has the user's email address")
            }
            let statusCell = row[status]
            let state: String
            switch statusCell.text.lowercased() {
            case "active": state = "active"
            case "suspended": state = "suspended"
            default:
                throw csv.problem(statusCell, code: "source.cell",
                                  "\(CSVExport.named(GoogleWorkspaceUsersCSVFormat.status)) must be Active or Suspended; found \(statusCell.text.quotedExcerpt)")
            }
            let seenCell = row[lastSignIn]
            let lastSeen = try signIn(seenCell)
            let mfaCell = row[enrolled]
            let mfa = try csv.flag(mfaCell, column: GoogleWorkspaceUsersCSVFormat.enrolled)
            let parts = nameParts.map { row[$0] }.filter { !$0.text.isEmpty }
            let at = row.offset
            return ObservedRecord(nativeID: emailCell.text.lowercased(), position: row.line, offset: at, fields: [
                ObservedField("native_id", .string(emailCell.text.lowercased(), at: emailCell.offset)),
                ObservedField("login", .string(emailCell.text, at: emailCell.offset)),
                ObservedField("email", .string(emailCell.text, at: emailCell.offset)),
                ObservedField("display_name", .string(parts.isEmpty ? nil : parts.map(\.text).joined(separator: " "), at: parts.first?.offset ?? at)),
                ObservedField("status", .string(state, at: statusCell.offset)),
                ObservedField("interactive", .bool(true, at: at)),
                ObservedField("privileged", .null(at: at)),
                ObservedField("root", .bool(false, at: at)),
                ObservedField("guest", .bool(false, at: at)),
                ObservedField("mfa", .mapping([
                    ObservedField("enabled", .bool(mfa, at: mfaCell.offset)),
                    ObservedField("methods", .list([], at: mfaCell.offset)),
                    ObservedField("phishing_resistant", .null(at: mfaCell.offset)),
                ], at: mfaCell.offset)),
                ObservedField("created", .null(at: at)),
                ObservedField("last_seen", .time(lastSeen, at: seenCell.offset)),
                ObservedField("never_seen", .bool(lastSeen == nil, at: seenCell.offset)),
                ObservedField("credentials", .list([], at: at)),
            ])
        }

        /// The time of a `Last Sign In` cell, nil for `Never logged in`.
        private func signIn(_ cell: CSVCell) throws(Diagnostic) -> Timestamp? {
            if cell.text == GoogleWorkspaceUsersCSVFormat.neverSignedIn { return nil }
            let reason: String
            switch PortalTime.slashed(cell.text) {
            case .timestamp(let time): return time
            case .notATimestamp: reason = ""
            case .invalid(let why): reason = " (\(why))"
            }
            throw csv.problem(cell, code: "source.cell", "\(CSVExport.named(GoogleWorkspaceUsersCSVFormat.lastSignIn)) must be a time such as "
                              + "2026/08/27 15:15:08 (UTC), or \(GoogleWorkspaceUsersCSVFormat.neverSignedIn); found \(cell.text.quotedExcerpt)\(reason)")
        }
    }
}
