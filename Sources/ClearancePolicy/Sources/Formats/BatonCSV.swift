import ClearanceCore
import ClearanceDocument

/// The `baton-csv` source format: the CSV `baton export csv` writes from a ConductorOne baton connector's sync, one Account
/// per `Identity` row.
///
/// Columns are found by header name: `Type`, `User ID`, `User Status`, `Email Address`, `Entitlement` and `Entitlement Slug`
/// are required; `First Name` and `Last Name` are read when present. `Type` is Identity (a user), Entitlement (read for
/// nothing: baton's CSV gives no purpose) or Grant (a user's grant of an entitlement). A user is keyed by `User ID`, or by
/// `Email Address` where baton wrote no user id; a Grant row names its user the same way, and one whose user has no Identity
/// row is an error. `User Status` is Enabled (`active`), Disabled (`suspended`), Deleted (`deprovisioned`) or Unknown
/// (`active`: the account exists). The CSV says nothing of MFA, use or account type: `mfa.enabled` and `last_seen` are null
/// and every account is interactive. The entry's `privileged:` names the slugs or entitlement ids that make a grant's
/// holder privileged (the CSV has no purposes).
public struct BatonCSVFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `baton-csv`.
    public var name: String { "baton-csv" }
    /// What the export is.
    public var summary: String { "the identities and grants of a ConductorOne baton connector's sync: the CSV of `baton export csv`" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `baton`; an entry names the connector's system with `system:`.
    public var defaultSystem: String { "baton" }
    /// baton reads many systems: the entry names which.
    public var needsSystem: Bool { true }
    /// Which grants make an account privileged.
    public var options: [(key: String, summary: String)] { [("privileged", BatonPrivilege.summary)] }

    /// Problems with the entry's `system` and `privileged`.
    public func problems(_ declaration: SourceDeclaration) -> [Diagnostic] { BatonPrivilege.problems(declaration, purposesKnown: false) }

    /// The columns every export has.
    static let type = "Type", userID = "User ID", status = "User Status", email = "Email Address", entitlement = "Entitlement",
               slug = "Entitlement Slug"
    /// The user statuses and the account status each means.
    static let statuses = ["enabled": "active", "disabled": "suspended", "deleted": "deprovisioned", "unknown": "active"]

    /// Every identity of the export, as an Account.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let problems = problems(export.declaration)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let csv = try CSVExport(export, emptyHint: "`baton export csv` starts with the header `Type,Last Name,First Name,User ID,User Status,…`")
        let columns = try csv.requiredColumns([[Self.type], [Self.userID], [Self.status], [Self.email], [Self.entitlement], [Self.slug]],
                                              format: name, every: "every `baton export csv` file")
        let reader = Reader(csv: csv, type: columns[Self.type] ?? 0, userID: columns[Self.userID] ?? 0, status: columns[Self.status] ?? 0,
                            email: columns[Self.email] ?? 0, entitlement: columns[Self.entitlement] ?? 0, slug: columns[Self.slug] ?? 0,
                            firstName: csv.column("First Name"), lastName: csv.column("Last Name"), privilege: BatonPrivilege(export.declaration))
        var grants: [(key: String, cell: CSVCell, privileged: Bool)] = []
        var records = try csv.records(idField: "native_id") { (row: CSVRow) throws(Diagnostic) -> ObservedRecord? in
            try reader.record(row, grants: &grants)
        }
        // Each grant's user must be an identity of the export; a privileged grant marks its user, at the grant's cell.
        let slots = Dictionary(records.enumerated().map { ($0.element.nativeID, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var unknown: [Diagnostic] = []
        for grant in grants {
            guard let slot = slots[grant.key] else {
                unknown.append(csv.problem(grant.cell, code: "source.mismatch",
                                           "a grant to \(grant.key.quotedExcerpt), who has no Identity row; export the whole sync with baton export csv"))
                if unknown.count == CSVExport.maximumProblems { break } else { continue }
            }
            guard grant.privileged, let field = records[slot].fields.firstIndex(where: { $0.name == "privileged" }),
                  case .scalar(.bool(false), _, _) = records[slot].fields[field].value else { continue }
            records[slot].fields[field] = ObservedField("privileged", .bool(true, at: grant.cell.offset))
        }
        guard unknown.isEmpty else { throw Diagnostics(unknown) }
        return records
    }

    /// Reads the rows of one export.
    private struct Reader {
        let csv: CSVExport
        /// The required columns.
        let type, userID, status, email, entitlement, slug: Int
        /// The optional columns the header has.
        let firstName, lastName: Int?
        /// Which grants make their holder privileged, if the entry says.
        let privilege: BatonPrivilege?

        /// The account of an Identity row; nil for an Entitlement row and for a Grant row, which is kept in `grants`.
        func record(_ row: CSVRow, grants: inout [(key: String, cell: CSVCell, privileged: Bool)]) throws(Diagnostic) -> ObservedRecord? {
            typealias F = BatonCSVFormat
            let typeCell = row[type], idCell = row[userID], emailCell = row[email]
            switch typeCell.text {
            case "Entitlement":
                return nil
            case "Grant":
                let keyCell = try Self.key(idCell, emailCell, csv: csv)
                let entitlementCell = row[entitlement]
                if entitlementCell.text.isEmpty {
                    throw csv.problem(entitlementCell, code: "source.cell", "\(CSVExport.named(F.entitlement)) is empty; every Grant row names its entitlement")
                }
                let marks = privilege?.marks(entitlement: entitlementCell.text, purpose: nil, slug: row[slug].text) ?? false
                grants.append((keyCell.text, marks ? entitlementCell : keyCell, marks))
                return nil
            case "Identity":
                break
            default:
                throw csv.problem(typeCell, code: "source.cell", "\(CSVExport.named(F.type)) must be Identity, Entitlement or Grant; found \(typeCell.text.quotedExcerpt)")
            }
            let keyCell = try Self.key(idCell, emailCell, csv: csv)
            let statusCell = row[status]
            guard let state = F.statuses[statusCell.text.lowercased()] else {
                throw csv.problem(statusCell, code: "source.cell",
                                  "\(CSVExport.named(F.status)) must be Enabled, Disabled, Deleted or Unknown; found \(statusCell.text.quotedExcerpt)")
            }
            let at = row.offset
            let name = [firstName, lastName].compactMap { $0.map { row[$0].text } }.filter { !$0.isEmpty }.joined(separator: " ")
            let nameAt = (firstName ?? lastName).map { row[$0].offset } ?? at
            let email = emailCell.text.isEmpty ? nil : emailCell.text
            return ObservedRecord(nativeID: keyCell.text, position: row.line, offset: at, fields: [
                ObservedField("native_id", .string(keyCell.text, at: keyCell.offset)),
                ObservedField("login", .string(email ?? keyCell.text, at: email == nil ? keyCell.offset : emailCell.offset)),
                ObservedField("email", .string(email, at: emailCell.offset)),
                ObservedField("display_name", .string(name.isEmpty ? nil : name, at: nameAt)),
                ObservedField("status", .string(state, at: statusCell.offset)),
                ObservedField("interactive", .bool(true, at: at)),
                ObservedField("privileged", privilege == nil ? .null(at: at) : .bool(false, at: at)),
                ObservedField("root", .bool(false, at: at)),
                ObservedField("guest", .bool(false, at: at)),
                ObservedField("mfa", .mapping([
                    ObservedField("enabled", .null(at: at)), ObservedField("methods", .list([], at: at)), ObservedField("phishing_resistant", .null(at: at)),
                ], at: at)),
                ObservedField("created", .null(at: at)),
                ObservedField("last_seen", .null(at: at)),
                ObservedField("never_seen", .bool(false, at: at)),
                ObservedField("credentials", .list([], at: at)),
            ])
        }

        /// The cell a row names its user by: `User ID`, or `Email Address` where the id is empty; both empty is an error.
        private static func key(_ id: CSVCell, _ email: CSVCell, csv: CSVExport) throws(Diagnostic) -> CSVCell {
            if !id.text.isEmpty { return id }
            if !email.text.isEmpty { return email }
            throw csv.problem(id, code: "source.cell", "\(CSVExport.named(BatonCSVFormat.userID)) and \(CSVExport.named(BatonCSVFormat.email)) are both empty; a row names its user by one of them")
        }
    }
}
