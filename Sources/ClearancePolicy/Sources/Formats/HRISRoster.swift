import ClearanceCore
import ClearanceDocument

/// The `hris-roster` source format: an HR system's roster as CSV, one Employment record per row.
///
/// Columns are found by header name, named by a preset (`bamboohr`, or `generic`, the default) and by `columns:`,
/// which names a field's column itself. The employee id, email, status and termination date columns are required;
/// a missing optional column leaves its field null. Status is Active or Inactive in any case; a date is `YYYY-MM-DD`
/// or an ISO 8601 date-time, and `0000-00-00` or an empty cell is no date.
public struct HRISRosterFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `hris-roster`.
    public var name: String { "hris-roster" }
    /// What the export is.
    public var summary: String { "an HR system's roster (CSV; columns by preset or named in `columns`)" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .employment }
    /// `hris`.
    public var defaultSystem: String { "hris" }
    /// `preset` and `columns`.
    public var options: [(key: String, summary: String)] {
        [("preset", "the HR system whose column names the roster uses: \(Self.presetNames.joined(separator: " or ")) (the default: generic)"),
         ("columns", "each field's column, replacing the preset's: {employee_id: Employee #, email: Work Email}")]
    }

    /// The fields a roster gives, in the order Employment documents list them.
    static let fields = ["employee_id", "email", "display_name", "status", "employment_type", "hire_date", "termination_date", "manager_email", "department"]
    /// The fields whose column a roster must have.
    static let requiredFields: Set = ["employee_id", "email", "status", "termination_date"]
    /// The presets' columns by field. BambooHR's display name comes from `firstName` and `lastName`.
    static let presets: [String: [String: String]] = [
        "bamboohr": ["employee_id": "employeeNumber", "email": "workEmail", "status": "status", "employment_type": "employmentHistoryStatus",
                     "hire_date": "hireDate", "termination_date": "terminationDate", "manager_email": "supervisorEmail", "department": "department"],
        "generic": ["employee_id": "employee_id", "email": "work_email", "status": "status", "employment_type": "employment_type",
                    "hire_date": "hire_date", "termination_date": "termination_date", "manager_email": "manager_email", "department": "department"],
    ]
    /// The presets' names.
    static let presetNames = ["bamboohr", "generic"]
    /// The columns BambooHR's display name is made of.
    static let nameColumns = ["firstName", "lastName"]
    /// The date cells that mean no date.
    static let noDate: Set = ["", "0000-00-00"]

    /// An unknown preset, a field `columns` does not know, or an empty column name, each at its place in `clearance.yaml`.
    public func problems(_ declaration: SourceDeclaration) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let preset = declaration.options["preset"], Self.presets[preset] == nil {
            problems.append(declaration.problem("preset", code: "config.source-preset",
                                                "unknown preset \(preset.quotedExcerpt)\(Suggestion.didYouMean(preset, among: Self.presetNames)); "
                                                + "hris-roster knows \(Self.presetNames.joined(separator: " and ")), and `columns` names any other roster's columns"))
        }
        for (field, column) in declaration.columns.sorted(by: { $0.key < $1.key }) {
            let written = declaration.node["columns"]?.entries.first { $0.key.string == field }
            if !Self.fields.contains(field) {
                problems.append(ShapeChecker.diagnostic(written?.key ?? declaration.node("columns"), code: "config.source-columns",
                                                        "`columns` names no field \(field.quotedExcerpt)\(Suggestion.didYouMean(field, among: Self.fields)); "
                                                        + "the fields are \(Self.fields.joined(separator: ", "))"))
            } else if column.isEmpty {
                problems.append(ShapeChecker.diagnostic(written?.value ?? declaration.node("columns"), code: "config.source-columns",
                                                        "the column of `\(field)` is empty; name the roster's column as its header writes it"))
            }
        }
        return problems
    }

    /// Every row of the roster.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        let problems = problems(export.declaration)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let preset = export.declaration.options["preset"] ?? "generic"
        let csv = try CSVExport(export, emptyHint: "a roster starts with a header naming its columns")
        let reader = try Reader(csv: csv, declaration: export.declaration, preset: preset)
        return try csv.records(idField: "employee_id") { (row: CSVRow) throws(Diagnostic) -> ObservedRecord in try reader.record(row) }
    }

    /// Reads the rows of one roster.
    private struct Reader {
        let csv: CSVExport
        /// The header's names, by column.
        let names: [String]
        /// Each field's column, for the fields the header has.
        let columns: [String: Int]
        /// The columns the display name is joined from, when no one column holds it.
        let nameParts: [Int]
        /// The employee id's and the status's columns.
        let idColumn, statusColumn: Int

        /// The columns of `csv` for the preset and the entry's `columns`; a required one missing, or one named twice, is an error at the header.
        init(csv: CSVExport, declaration: SourceDeclaration, preset: String) throws(Diagnostics) {
            self.csv = csv
            names = csv.headerNames
            var named: [String: Node] = [:]
            for (key, value) in declaration.node["columns"]?.entries ?? [] { if let field = key.string { named[field] = value } }
            var headers = presets[preset] ?? [:]
            for (field, column) in declaration.columns { headers[field] = column }
            let joinsName = preset == "bamboohr" && declaration.columns["display_name"] == nil
            var problems = csv.repeatedColumns(among: Set(headers.values).union(joinsName ? nameColumns : []).sorted())
            var columns: [String: Int] = [:], missing: [String] = []
            for field in fields {
                guard let header = headers[field] else { continue }
                if let column = csv.column(header) {
                    columns[field] = column
                    continue
                }
                let isNamed = declaration.columns[field] != nil
                guard requiredFields.contains(field) || isNamed else { continue }
                let origin = isNamed ? "which `columns` names for `\(field)`" : "the preset \(preset)'s column for `\(field)`"
                var notes: [Diagnostic.Note] = []
                if let node = named[field] {
                    notes.append(Diagnostic.Note(message: "`columns` names it here", location: node.location, sourceLine: node.document.source.lineText(node.location.line)))
                }
                missing.append(CSVExport.named(header))
                problems.append(csv.headerProblem(code: "source.missing-column",
                                                  "the header has no column \(CSVExport.named(header)), \(origin)\(csv.suggestion(for: header))",
                                                  notes: notes))
            }
            if let wrong = csv.otherFormat(HRISRosterFormat().name, missing: missing) { throw Diagnostics([wrong]) }
            guard problems.isEmpty else { throw Diagnostics(problems) }
            self.columns = columns
            nameParts = joinsName ? nameColumns.compactMap(csv.column) : []
            // Both are required: a header without them ended above.
            (idColumn, statusColumn) = (columns["employee_id"] ?? 0, columns["status"] ?? 0)
        }

        /// The employment record of one row.
        func record(_ row: CSVRow) throws(Diagnostic) -> ObservedRecord {
            let idCell = row[idColumn]
            guard !idCell.text.isEmpty else {
                throw csv.problem(idCell, code: "source.cell", "\(CSVExport.named(names[idColumn])) is empty; every row has its employee id")
            }
            let statusCell = row[statusColumn]
            let status: String
            switch statusCell.text.lowercased() {
            case "active": status = "active"
            case "inactive": status = "inactive"
            default:
                throw csv.problem(statusCell, code: "source.cell", "\(CSVExport.named(names[statusColumn])) must be Active or Inactive; found \(statusCell.text.quotedExcerpt)")
            }
            func text(_ field: String) -> ObservedValue {
                guard let column = columns[field] else { return .null(at: row.offset) }
                let cell = row[column]
                return .string(cell.text.isEmpty ? nil : cell.text, at: cell.offset)
            }
            func date(_ field: String) throws(Diagnostic) -> ObservedValue {
                guard let column = columns[field] else { return .null(at: row.offset) }
                let cell = row[column]
                let found = try csv.time(cell, column: names[column], none: noDate,
                                         expected: "a date such as 2026-08-29 (or an ISO 8601 date-time), or 0000-00-00 or nothing for none")
                return .time(found?.time, at: cell.offset, asDate: found?.isDate ?? true)
            }
            var displayName = text("display_name")
            if !nameParts.isEmpty {
                let parts = nameParts.map { row[$0] }.filter { !$0.text.isEmpty }
                displayName = .string(parts.isEmpty ? nil : parts.map(\.text).joined(separator: " "), at: parts.first?.offset ?? row[nameParts[0]].offset)
            }
            return ObservedRecord(nativeID: idCell.text, position: row.line, offset: row.offset, fields: [
                ObservedField("employee_id", .string(idCell.text, at: idCell.offset)),
                ObservedField("email", text("email")),
                ObservedField("display_name", displayName),
                ObservedField("status", .string(status, at: statusCell.offset)),
                ObservedField("employment_type", text("employment_type")),
                ObservedField("hire_date", try date("hire_date")),
                ObservedField("termination_date", try date("termination_date")),
                ObservedField("manager_email", text("manager_email")),
                ObservedField("department", text("department")),
            ])
        }
    }
}
