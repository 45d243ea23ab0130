import ClearanceCore
import ClearanceDocument

/// The `aws-iam-credential-report` source format: the CSV that `aws iam get-credential-report` returns (Base64 in
/// `Content`, decoded), one Account per IAM user and one for the root user.
///
/// Columns are found by header name; the cert_* columns are read when present. `N/A`, `not_supported` and
/// `no_information` in a time cell mean no value; an account none of whose credentials was ever used is `never_seen`.
/// The `<root_account>` row is the root user: native id `root`, login `<root_account>`, privileged, interactive.
/// The scope is the AWS account its ARN names.
public struct AWSCredentialReportFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `aws-iam-credential-report`.
    public var name: String { "aws-iam-credential-report" }
    /// What the export is.
    public var summary: String { "the AWS IAM credential report (CSV, decoded from aws iam get-credential-report)" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `aws`.
    public var defaultSystem: String { "aws" }

    /// The columns every credential report has that the format reads.
    static let requiredColumns = [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed", "mfa_active",
        "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
    ]
    /// The certificate columns, read when the header has them.
    static let certificateColumns = ["cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"]
    /// The cell values that mean no value.
    static let specialValues: Set = ["N/A", "not_supported", "no_information"]
    /// The `user` of the root user's row.
    static let rootUser = "<root_account>"
    /// The native id the root user's account is given (its ARN ends in `:root`).
    static let rootID = "root"

    /// Every IAM user of the report, and the root user.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let csv = try CSVExport(export, emptyHint: "a credential report starts with the header `user,arn,user_creation_time,…`")
        if csv.header[0].text.hasPrefix("{") {
            throw Diagnostics([csv.headerProblem(code: "source.not-csv",
                                                 "this is JSON, not the report's CSV: `aws iam get-credential-report` returns the report Base64-encoded in `Content`; "
                                                 + "save it decoded (`aws iam get-credential-report --query Content --output text | base64 --decode`)")])
        }
        let reader = Reader(csv: csv, columns: try Columns(csv), declaration: export.declaration, names: csv.headerNames)
        return try csv.records(idField: "native_id") { (row: CSVRow) throws(Diagnostic) -> ObservedRecord in try reader.record(row) }
    }

    /// The columns of one report.
    private struct Columns {
        let user, arn, created, passwordEnabled, passwordLastUsed, passwordLastChanged, mfa: Int
        /// Access keys 1 and 2.
        let keys: [(active: Int, lastRotated: Int, lastUsed: Int)]
        /// Certificates 1 and 2, as far as the header has their columns.
        let certificates: [(active: Int?, lastRotated: Int?)]

        /// The columns of `csv`; a required one missing, or one named twice, is an error at the header.
        init(_ csv: CSVExport) throws(Diagnostics) {
            var problems = csv.repeatedColumns(among: requiredColumns + certificateColumns), missing: [String] = []
            func find(_ name: String) -> Int {
                if let column = csv.column(name) { return column }
                missing.append(CSVExport.named(name))
                problems.append(csv.headerProblem(code: "source.missing-column",
                                                  "the header has no column `\(name)`, which every credential report has\(csv.suggestion(for: name))"))
                return 0
            }
            (user, arn, created) = (find("user"), find("arn"), find("user_creation_time"))
            (passwordEnabled, passwordLastUsed, passwordLastChanged) = (find("password_enabled"), find("password_last_used"), find("password_last_changed"))
            mfa = find("mfa_active")
            keys = [1, 2].map { slot in
                (find("access_key_\(slot)_active"), find("access_key_\(slot)_last_rotated"), find("access_key_\(slot)_last_used_date"))
            }
            certificates = [1, 2].map { slot in (csv.column("cert_\(slot)_active"), csv.column("cert_\(slot)_last_rotated")) }
            if let wrong = csv.otherFormat(AWSCredentialReportFormat().name, missing: missing) { throw Diagnostics([wrong]) }
            guard problems.isEmpty else { throw Diagnostics(problems) }
        }
    }

    /// Reads the rows of one report.
    private struct Reader {
        let csv: CSVExport
        let columns: Columns
        let declaration: SourceDeclaration
        /// The header's names, by column.
        let names: [String]

        /// The account of one row.
        func record(_ row: CSVRow) throws(Diagnostic) -> ObservedRecord {
            let userCell = row[columns.user]
            guard !userCell.text.isEmpty else {
                throw csv.problem(userCell, code: "source.cell", "`user` is empty; every row names its IAM user (or <root_account>)")
            }
            let at = userCell.offset
            let isRoot = userCell.text == rootUser
            let nativeID = isRoot ? rootID : userCell.text
            let scope = try account(row[columns.arn], user: userCell.text, isRoot: isRoot)

            // The root user's password_enabled is not_supported: it can always sign in with its password.
            let enabledCell = row[columns.passwordEnabled]
            let interactive = isRoot && specialValues.contains(enabledCell.text) ? true : try flag(row, columns.passwordEnabled)
            let mfaCell = row[columns.mfa]
            let mfa = try flag(row, columns.mfa)

            var credentials: [ObservedValue] = []
            var uses: [(time: Timestamp, at: Int)] = []
            /// Adds a credential that is active or has a date; its last use counts towards the account's.
            func add(_ kind: String, slot: Int, active: Bool, activeAt: Int, rotated: Int?, used: Int?) throws(Diagnostic) {
                let rotatedTime = try rotated.map { (column) throws(Diagnostic) in try time(row, column) } ?? nil
                let usedTime = try used.map { (column) throws(Diagnostic) in try time(row, column) } ?? nil
                if let usedTime, let used { uses.append((usedTime, row[used].offset)) }
                guard active || rotatedTime != nil || usedTime != nil else { return }
                let at = row[activeAt].offset
                credentials.append(.mapping([
                    ObservedField("kind", .string(kind, at: at)),
                    ObservedField("slot", .int(slot, at: at)),
                    ObservedField("active", .bool(active, at: at)),
                    ObservedField("last_rotated", .time(rotatedTime, at: rotated.map { row[$0].offset } ?? at)),
                    ObservedField("last_used", .time(usedTime, at: used.map { row[$0].offset } ?? at)),
                ], at: at))
            }
            try add("password", slot: 1, active: interactive, activeAt: columns.passwordEnabled,
                    rotated: columns.passwordLastChanged, used: columns.passwordLastUsed)
            for (index, key) in columns.keys.enumerated() {
                try add("access-key", slot: index + 1, active: try flag(row, key.active), activeAt: key.active, rotated: key.lastRotated, used: key.lastUsed)
            }
            for (index, certificate) in columns.certificates.enumerated() {
                guard let activeAt = certificate.active ?? certificate.lastRotated else { continue }
                let active = try certificate.active.map { (column) throws(Diagnostic) in try flag(row, column) } ?? false
                try add("certificate", slot: index + 1, active: active, activeAt: activeAt, rotated: certificate.lastRotated, used: nil)
            }

            // The last use is the latest of the password's and the keys'; with none, the report says the account was never used.
            let lastUse = uses.max { $0.time < $1.time }
            let seenAt = lastUse?.at ?? row[columns.passwordLastUsed].offset
            return ObservedRecord(nativeID: nativeID, scope: scope, position: row.line, offset: row.offset, fields: [
                ObservedField("native_id", .string(nativeID, at: at)),
                ObservedField("login", .string(userCell.text, at: at)),
                ObservedField("email", .null(at: at)),
                ObservedField("display_name", .null(at: at)),
                ObservedField("status", .string("active", at: at)),
                ObservedField("interactive", .bool(interactive, at: enabledCell.offset)),
                ObservedField("privileged", .bool(isRoot ? true : nil, at: at)),
                ObservedField("root", .bool(isRoot, at: at)),
                ObservedField("guest", .bool(false, at: at)),
                ObservedField("mfa", .mapping([
                    ObservedField("enabled", .bool(mfa, at: mfaCell.offset)),
                    ObservedField("methods", .list([], at: mfaCell.offset)),
                    ObservedField("phishing_resistant", .bool(nil, at: mfaCell.offset)),
                ], at: mfaCell.offset)),
                ObservedField("created", .time(try time(row, columns.created), at: row[columns.created].offset)),
                ObservedField("last_seen", .time(lastUse?.time, at: seenAt)),
                ObservedField("never_seen", .bool(lastUse == nil, at: seenAt)),
                ObservedField("credentials", .list(credentials, at: at)),
            ])
        }

        /// The time in a row's cell, nil for a special value.
        private func time(_ row: CSVRow, _ column: Int) throws(Diagnostic) -> Timestamp? {
            try csv.time(row[column], column: names[column], none: specialValues,
                         expected: "an ISO 8601 time such as 2024-05-02T09:00:00+00:00, or N/A, not_supported or no_information for none")?.time
        }

        /// The boolean in a row's cell.
        private func flag(_ row: CSVRow, _ column: Int) throws(Diagnostic) -> Bool { try csv.flag(row[column], column: names[column]) }

        /// The AWS account an ARN names, checked against the row's user and the source's `scope`.
        private func account(_ cell: CSVCell, user: String, isRoot: Bool) throws(Diagnostic) -> String {
            let parts = cell.text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty,
                  parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw csv.problem(cell, code: "source.cell", "`arn` must be an IAM ARN such as arn:aws:iam::111122223333:user/dana; found \(cell.text.quotedExcerpt)")
            }
            let resource = parts[5]
            let matches = isRoot ? resource == "root" : resource.hasPrefix("user/") && resource.split(separator: "/").last.map(String.init) == user
            guard matches else {
                throw csv.problem(cell, code: "source.cell", "the ARN names \(String(resource).quotedExcerpt), not this row's user \(user.quotedExcerpt)")
            }
            let account = String(parts[4])
            if let declared = declaration.scope, declared != account {
                var problem = csv.problem(cell, code: "source.scope",
                                          "the ARN names the AWS account \(account), but the source's `scope` is \(declared.quotedExcerpt): this report is of another account")
                let node = declaration.node("scope"), location = node.location
                problem.notes = [Diagnostic.Note(message: "the source's scope", location: location, sourceLine: node.document.source.lineText(location.line))]
                throw problem
            }
            return account
        }
    }
}
