import ClearanceCore
import ClearanceDocument

/// The `entra-users-csv` source format: the CSV Microsoft Entra ID's admin center gives for Users → Download users, one
/// Account per row, and optionally each user's MFA registration (Graph's `userRegistrationDetails`).
///
/// Columns are found by header name: the object id (`id`, or `objectId` in older downloads), `userPrincipalName`, `mail`,
/// `userType` (Member or Guest: a guest account is `guest`) and `accountEnabled` (True is `active`, False `suspended`) are
/// required; `displayName` and `createdDateTime` (ISO 8601, or the en-US `10/27/2026 2:05:11 PM`, read as UTC) are read
/// when present. The download has no sign-in time (`last_seen` null, `never_seen` false) and no roles or MFA: without the
/// `mfa_registration` file, `privileged` and `mfa.enabled` are null. With it, each registration row is linked to its user
/// by `id`, or by `userPrincipalName` when it has no `id`; `isMfaRegistered` (with a method other than `email` and
/// `securityQuestion`, which are not MFA) is `mfa.enabled`, `methodsRegistered` the methods, and `isAdmin` `privileged`.
/// `fido2SecurityKey`, `windowsHelloForBusiness` and the `passKeyDeviceBound` methods resist phishing.
public struct EntraUsersCSVFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `entra-users-csv`.
    public var name: String { "entra-users-csv" }
    /// What the export is.
    public var summary: String { "the users of a Microsoft Entra ID tenant: the admin center's \"Download users\" CSV" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `entra`.
    public var defaultSystem: String { "entra" }
    /// The users' MFA registration.
    public var extraFiles: [(key: String, summary: String)] {
        [("mfa_registration", "each user's MFA registration: the JSON of GET /reports/authenticationMethods/userRegistrationDetails")]
    }

    /// The required columns, each with the names it may have.
    static let requiredColumns = [["id", "objectId"], ["userPrincipalName"], ["mail"], ["userType"], ["accountEnabled"]]
    /// Registered methods that are not a second factor.
    static let notMFA: Set = ["email", "securityQuestion"]
    /// Registered methods that resist phishing (and every method whose name starts with `passKeyDeviceBound`).
    static let phishingResistant: Set = ["fido2SecurityKey", "windowsHelloForBusiness"]

    /// Every user of the download, as an Account.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let csv = try CSVExport(export, emptyHint: "an Entra ID users download starts with the header `userPrincipalName,displayName,…`")
        let columns = try csv.requiredColumns(Self.requiredColumns, format: name, every: "every Entra ID users download")
        let reader = Reader(csv: csv, names: csv.headerNames, id: columns["id"] ?? 0, principal: columns["userPrincipalName"] ?? 0,
                            mail: columns["mail"] ?? 0, type: columns["userType"] ?? 0, enabled: columns["accountEnabled"] ?? 0,
                            displayName: csv.column("displayName"), created: csv.column("createdDateTime"))
        var records = try csv.records(idField: "native_id") { (row: CSVRow) throws(Diagnostic) -> ObservedRecord in try reader.record(row) }
        guard let file = export.extras["mfa_registration"] else { return records }
        let registrations = try EntraRegistrationDetails.read(file, export: export, csv: csv, users: records)
        for index in records.indices {
            guard let found = registrations[index] else { continue }
            let at = records[index].offset(of: "native_id")
            for (position, field) in records[index].fields.enumerated() {
                switch field.name {
                case "privileged": records[index].fields[position] = ObservedField("privileged", .bool(found.admin, at: at))
                case "mfa": records[index].fields[position] = ObservedField("mfa", Self.mfa(registered: found.registered, methods: found.methods, at: at))
                default: continue
                }
            }
        }
        return records
    }

    /// The `mfa` of a user Entra says is registered or not, with `methods`, located at the user's id.
    private static func mfa(registered: Bool, methods: [String], at offset: Int) -> ObservedValue {
        .mapping([
            ObservedField("enabled", .bool(registered && methods.contains { !notMFA.contains($0) }, at: offset)),
            ObservedField("methods", .list(methods.map { .string($0, at: offset) }, at: offset)),
            ObservedField("phishing_resistant", .bool(methods.contains { phishingResistant.contains($0) || $0.hasPrefix("passKeyDeviceBound") }, at: offset)),
        ], at: offset)
    }

    /// Reads the rows of one download.
    private struct Reader {
        let csv: CSVExport
        /// The header's names, by column.
        let names: [String]
        /// The required columns (each found: a header without one ended before).
        let id, principal, mail, type, enabled: Int
        /// The optional columns, when the header has them.
        let displayName, created: Int?

        /// The account of one row, without MFA or privilege (the registration file gives those).
        func record(_ row: CSVRow) throws(Diagnostic) -> ObservedRecord {
            let idCell = row[id], principalCell = row[principal]
            guard !idCell.text.isEmpty else {
                throw csv.problem(idCell, code: "source.cell", "\(CSVExport.named(names[id])) is empty; every row has the user's object id")
            }
            guard !principalCell.text.isEmpty else {
                throw csv.problem(principalCell, code: "source.cell", "`userPrincipalName` is empty; every row has the user's sign-in name")
            }
            let typeCell = row[type]
            let guest: Bool
            switch typeCell.text.lowercased() {
            case "member": guest = false
            case "guest": guest = true
            default: throw csv.problem(typeCell, code: "source.cell", "`userType` must be Member or Guest; found \(typeCell.text.quotedExcerpt)")
            }
            let enabledCell = row[enabled]
            let active = try csv.flag(enabledCell, column: names[enabled])
            let at = row.offset
            func text(_ column: Int?) -> ObservedValue {
                guard let column else { return .null(at: at) }
                let cell = row[column]
                return .string(cell.text.isEmpty ? nil : cell.text, at: cell.offset)
            }
            return ObservedRecord(nativeID: idCell.text, position: row.line, offset: at, fields: [
                ObservedField("native_id", .string(idCell.text, at: idCell.offset)),
                ObservedField("login", .string(principalCell.text, at: principalCell.offset)),
                ObservedField("email", text(mail)),
                ObservedField("display_name", text(displayName)),
                ObservedField("status", .string(active ? "active" : "suspended", at: enabledCell.offset)),
                ObservedField("interactive", .bool(true, at: at)),
                ObservedField("privileged", .null(at: at)),
                ObservedField("root", .bool(false, at: at)),
                ObservedField("guest", .bool(guest, at: typeCell.offset)),
                ObservedField("mfa", .mapping([
                    ObservedField("enabled", .null(at: at)), ObservedField("methods", .list([], at: at)), ObservedField("phishing_resistant", .null(at: at)),
                ], at: at)),
                ObservedField("created", try createdTime(row)),
                ObservedField("last_seen", .null(at: at)),
                ObservedField("never_seen", .bool(false, at: at)),
                ObservedField("credentials", .list([], at: at)),
            ])
        }

        /// The `createdDateTime` of a row: ISO 8601 or the admin center's en-US form, read as UTC; an empty cell is none.
        private func createdTime(_ row: CSVRow) throws(Diagnostic) -> ObservedValue {
            guard let created else { return .null(at: row.offset) }
            let cell = row[created]
            if cell.text.isEmpty { return .null(at: cell.offset) }
            var reason = ""
            for result in [TimestampSyntax.parse(cell.text, allowDate: false), PortalTime.usDateTime(cell.text)] {
                switch result {
                case .timestamp(let time): return .time(time, at: cell.offset)
                case .notATimestamp: continue
                case .invalid(let why): reason = " (\(why))"
                }
            }
            throw csv.problem(cell, code: "source.cell", "\(CSVExport.named(names[created])) must be a time such as 2026-10-27T14:05:11Z or "
                              + "10/27/2026 2:05:11 PM (UTC), or nothing for none; found \(cell.text.quotedExcerpt)\(reason)")
        }
    }
}
