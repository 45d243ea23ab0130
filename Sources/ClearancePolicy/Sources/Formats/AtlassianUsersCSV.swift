import ClearanceCore
import ClearanceDocument

/// The `atlassian-users-csv` source format: the CSV admin.atlassian.com's "Export users" gives (Directory → Users → Export
/// users, all statuses), one Account per row.
///
/// Columns are found by header name: `User id` (the native id), `email` and `User status` are required; `User name`,
/// `Added to org` (`3 Jan 2024`, the creation date) and `Org role` are read when present. Every `Last seen in <product> -
/// <site>` column is a product's last use (a date, or `Never accessed`): `last_seen` is the latest of them, and the account
/// has never been used when every one says `Never accessed`; an export with no such column does not report use. `User
/// status` is Active, Suspended or Deactivated (deprovisioned). An `Org role` naming an admin makes the account privileged;
/// another role, or none, does not; without the column, privilege is not reported. The file has no MFA: `mfa.enabled` is null.
public struct AtlassianUsersCSVFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `atlassian-users-csv`.
    public var name: String { "atlassian-users-csv" }
    /// What the export is.
    public var summary: String { "the users of an Atlassian organization: admin.atlassian.com's \"Export users\" CSV" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `atlassian`.
    public var defaultSystem: String { "atlassian" }

    /// The columns every export has.
    static let userID = "User id", email = "email", status = "User status"
    /// The columns read when present.
    static let userName = "User name", added = "Added to org", role = "Org role"
    /// How a product's last-use column starts: `Last seen in Jira - acme`.
    static let lastSeenPrefix = "Last seen in "
    /// A product's last use when it was never used.
    static let neverAccessed = "Never accessed"
    /// The user statuses and the account status each means.
    static let statuses = ["active": "active", "suspended": "suspended", "deactivated": "deprovisioned"]

    /// Every user of the export.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let csv = try CSVExport(export, emptyHint: "an Atlassian users export starts with the header `User id,User name,email,User status,…`")
        let columns = try csv.requiredColumns([[Self.userID], [Self.email], [Self.status]], format: name, every: "every Atlassian users export")
        let lastSeen = csv.headerNames.enumerated().filter { $0.element.hasPrefix(Self.lastSeenPrefix) }.map(\.offset)
        let reader = Reader(csv: csv, userID: columns[Self.userID] ?? 0, email: columns[Self.email] ?? 0, status: columns[Self.status] ?? 0,
                            userName: csv.column(Self.userName), added: csv.column(Self.added), role: csv.column(Self.role), lastSeen: lastSeen)
        return try csv.records(idField: "native_id") { (row: CSVRow) throws(Diagnostic) -> ObservedRecord in try reader.record(row) }
    }

    /// Reads the rows of one export.
    private struct Reader {
        let csv: CSVExport
        /// The required columns.
        let userID, email, status: Int
        /// The optional columns the header has.
        let userName, added, role: Int?
        /// The products' last-use columns.
        let lastSeen: [Int]

        /// The account of one row.
        func record(_ row: CSVRow) throws(Diagnostic) -> ObservedRecord {
            typealias F = AtlassianUsersCSVFormat
            let idCell = row[userID], emailCell = row[email], statusCell = row[status]
            for (cell, column) in [(idCell, F.userID), (emailCell, F.email)] where cell.text.isEmpty {
                throw csv.problem(cell, code: "source.cell", "\(CSVExport.named(column)) is empty; every row has the user's")
            }
            guard let state = F.statuses[statusCell.text.lowercased()] else {
                throw csv.problem(statusCell, code: "source.cell",
                                  "\(CSVExport.named(F.status)) must be Active, Suspended or Deactivated; found \(statusCell.text.quotedExcerpt)")
            }
            let at = row.offset
            let created = try added.map { column throws(Diagnostic) in (try date(row[column], column: F.added, none: ""), row[column].offset) }
            // The latest use across the products, at its cell; never used when every product says so.
            var latest: (time: Timestamp, offset: Int)?, allNever = !lastSeen.isEmpty
            for column in lastSeen {
                let cell = row[column]
                guard let time = try date(cell, column: csv.headerNames[column], none: F.neverAccessed) else {
                    if cell.text != F.neverAccessed { allNever = false }
                    continue
                }
                allNever = false
                if latest.map({ time > $0.time }) ?? true { latest = (time, cell.offset) }
            }
            let roleCell = role.map { row[$0] }
            let privileged = roleCell.map { $0.text.lowercased().contains("admin") }
            let nameCell = userName.map { row[$0] }
            let seenAt = latest?.offset ?? lastSeen.first.map { row[$0].offset } ?? at
            return ObservedRecord(nativeID: idCell.text, position: row.line, offset: at, fields: [
                ObservedField("native_id", .string(idCell.text, at: idCell.offset)),
                ObservedField("login", .string(emailCell.text, at: emailCell.offset)),
                ObservedField("email", .string(emailCell.text, at: emailCell.offset)),
                ObservedField("display_name", .string(nameCell.flatMap { $0.text.isEmpty ? nil : $0.text }, at: nameCell?.offset ?? at)),
                ObservedField("status", .string(state, at: statusCell.offset)),
                ObservedField("interactive", .bool(true, at: at)),
                ObservedField("privileged", .bool(privileged, at: roleCell?.offset ?? at)),
                ObservedField("root", .bool(false, at: at)),
                ObservedField("guest", .bool(false, at: at)),
                ObservedField("mfa", .mapping([
                    ObservedField("enabled", .null(at: at)), ObservedField("methods", .list([], at: at)), ObservedField("phishing_resistant", .null(at: at)),
                ], at: at)),
                ObservedField("created", .time(created?.0, at: created?.1 ?? at, asDate: true)),
                ObservedField("last_seen", .time(latest?.time, at: seenAt, asDate: true)),
                ObservedField("never_seen", .bool(allNever, at: seenAt)),
                ObservedField("credentials", .list([], at: at)),
            ])
        }

        /// The day a `3 Jan 2024` cell gives; nil for an empty cell or `none`.
        private func date(_ cell: CSVCell, column: String, none: String) throws(Diagnostic) -> Timestamp? {
            if cell.text.isEmpty || cell.text == none { return nil }
            switch PortalTime.dayMonthYear(cell.text) {
            case .timestamp(let time): return time
            case .notATimestamp:
                throw csv.problem(cell, code: "source.cell", "\(CSVExport.named(column)) must be a date such as 3 Jan 2024"
                                  + (none.isEmpty ? "" : ", or \(none)") + "; found \(cell.text.quotedExcerpt)")
            case .invalid(let why):
                throw csv.problem(cell, code: "source.cell", "\(CSVExport.named(column)) is not a valid date: \(why); found \(cell.text.quotedExcerpt)")
            }
        }
    }
}
