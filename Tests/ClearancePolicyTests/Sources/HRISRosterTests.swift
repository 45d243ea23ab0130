import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Testing
@testable import ClearancePolicy

/// The `hris-roster` format: a roster's rows as Employment records, columns named by a preset or by `columns`.
@Suite("HRIS roster")
struct HRISRosterTests {
    static let bamboo = "format: hris-roster\nfile: roster.csv\npreset: bamboohr\ngenerated_at: 2026-11-19T06:00:00Z"
    static let generic = "format: hris-roster\nfile: roster.csv\ngenerated_at: 2026-11-19T06:00:00Z"
    /// The two-record BambooHR sample of EXPORTS.md (A7).
    static let sample = """
        employeeNumber,workEmail,status,employmentHistoryStatus,hireDate,terminationDate,supervisorEmail,department
        E-1042,dana@acme.com,Active,Full-Time,2024-05-01,0000-00-00,ops-lead@acme.com,Engineering
        E-0977,lee@acme.com,Inactive,Terminated,2022-01-10,2026-08-29,ops-lead@acme.com,Sales

        """
    static let genericHeader = "employee_id,work_email,status,employment_type,hire_date,termination_date,manager_email,department"

    static func read(_ text: String, entry: String = bamboo) throws -> [RecordView] {
        try SourceFormatTesting.records(HRISRosterFormat(), text, entry: entry).map { RecordView($0, in: text, name: "roster.csv") }
    }

    static func problems(_ text: String, entry: String = bamboo) throws -> [String]? {
        try SourceFormatTesting.problems(HRISRosterFormat(), text, entry: entry)?.map(\.description)
    }

    @Test func readsTheDocumentedSample() throws {
        let records = try Self.read(Self.sample)
        try #require(records.count == 2)
        let dana = records[0], lee = records[1]
        #expect(dana.record.nativeID == "E-1042")
        #expect(dana.record.scope == nil)
        #expect(dana.record.position == 2)
        #expect(dana.record.fields.map(\.name) == ["employee_id", "email", "display_name", "status", "employment_type", "hire_date", "termination_date",
                                                   "manager_email", "department"])
        #expect(dana["employee_id"] == "'E-1042'")
        #expect(dana["email"] == "'dana@acme.com'")
        #expect(dana.at("email") == "2:8")
        #expect(dana["display_name"] == "null")   // the sample has no firstName or lastName
        #expect(dana["status"] == "'active'")
        #expect(dana.at("status") == "2:22")
        #expect(dana["employment_type"] == "'Full-Time'")
        #expect(dana["hire_date"] == "2024-05-01")
        #expect(dana.at("hire_date") == "2:39")
        #expect(dana["termination_date"] == "null")   // 0000-00-00
        #expect(dana.at("termination_date") == "2:50")
        #expect(dana["manager_email"] == "'ops-lead@acme.com'")
        #expect(dana["department"] == "'Engineering'")
        #expect(lee["status"] == "'inactive'")
        #expect(lee.at("status") == "3:21")
        #expect(lee["employment_type"] == "'Terminated'")
        #expect(lee["termination_date"] == "2026-08-29")
        #expect(lee.at("termination_date") == "3:52")
        #expect(lee.at("department") == "3:81")
    }

    @Test func genericIsTheDefaultPreset() throws {
        let text = Self.genericHeader + "\nE-7,dana@acme.com,ACTIVE,Contractor,2026-01-05T09:00:00-06:00,,,\"Research, Data & ML\"\n"
        let dana = try #require(try Self.read(text, entry: Self.generic).first)
        #expect(dana["email"] == "'dana@acme.com'")
        #expect(dana["department"] == "'Research, Data & ML'")
        #expect(dana.at("department") == "2:65")
        #expect(dana["status"] == "'active'")
        // A date-time is kept as one; an empty cell is no value.
        #expect(dana["hire_date"] == "2026-01-05T15:00:00Z")
        #expect(dana["termination_date"] == "null")
        #expect(dana["manager_email"] == "null")
        #expect(dana.at("manager_email") == "2:64")
        #expect(try Self.problems(Self.sample, entry: Self.generic) == [
            "roster.csv:1:1: the header has no column `employee_id`, the preset generic's column for `employee_id`",
            "roster.csv:1:1: the header has no column `termination_date`, the preset generic's column for `termination_date` (did you mean 'terminationDate'?)",
            "roster.csv:1:1: the header has no column `work_email`, the preset generic's column for `email` (did you mean 'workEmail'?)",
        ])
    }

    @Test func bambooHRNamesAreJoinedForTheDisplayName() throws {
        let text = "firstName,lastName,employeeNumber,workEmail,status,terminationDate\nDana,Kim Ríos,E-1,dana@acme.com,Active,0000-00-00\n,Lee,E-2,,inactive,2026-08-29\n"
        let records = try Self.read(text)
        #expect(records.map { $0["display_name"] } == ["'Dana Kim Ríos'", "'Lee'"])
        #expect(records.map { $0.at("display_name") } == ["2:1", "3:2"])
        // A missing optional column is a null field.
        #expect(records[0]["hire_date"] == "null")
        #expect(records[1]["email"] == "null")
    }

    @Test func columnsNameSingleFields() throws {
        let entry = Self.generic + "\ncolumns: {employee_id: 'Employee #', email: Work Email, display_name: Name}"
        let text = "Employee #,Name,Work Email,status,termination_date\nE-1,Dana Kim,dana@acme.com,Active,0000-00-00\n"
        let dana = try #require(try Self.read(text, entry: entry).first)
        #expect(dana["employee_id"] == "'E-1'")
        #expect(dana["display_name"] == "'Dana Kim'")
        #expect(dana["email"] == "'dana@acme.com'")
        #expect(dana.at("email") == "2:14")
        // A field `columns` names is required, and the note points at where it is named.
        let missing = try #require(try SourceFormatTesting.problems(HRISRosterFormat(), "Employee #,Work Email,status,termination_date\n", entry: entry))
        #expect(missing.map(\.description) == ["roster.csv:1:1: the header has no column `Name`, which `columns` names for `display_name`"])
        #expect(missing[0].notes.map { "\($0.location): \($0.message)" } == ["clearance.yaml:5:75: `columns` names it here"])
    }

    @Test func presetsAndColumnsAreCheckedInTheEntry() throws {
        #expect(try SourceFormatTesting.entryProblems(Self.generic + "\npreset: bambohr") == [
            "clearance.yaml:5:13: unknown preset 'bambohr' (did you mean 'bamboohr'?); hris-roster knows bamboohr and generic, and `columns` names any other roster's columns",
        ])
        #expect(try SourceFormatTesting.entryProblems(Self.generic + "\ncolumns: {emial: Email, department: ''}") == [
            "clearance.yaml:5:15: `columns` names no field 'emial' (did you mean 'email'?); the fields are employee_id, email, display_name, status, employment_type, hire_date, termination_date, manager_email, department",
            "clearance.yaml:5:41: the column of `department` is empty; name the roster's column as its header writes it",
        ])
        #expect(try SourceFormatTesting.entryProblems(Self.bamboo + "\ncolumns: {department: Team}").isEmpty)
    }

    @Test func aMissingColumnIsAnErrorAtTheHeader() throws {
        let header = "employeeNumber,workEmail,status,employmentHistoryStatus,hireDate,supervisorEmail,department,department"
        #expect(try Self.problems(header + "\n") == [
            "roster.csv:1:1: the header has no column `terminationDate`, the preset bamboohr's column for `termination_date`",
            "roster.csv:1:93: the header names the column `department` twice; which one to read is not clear",
        ])
    }

    @Test func aRowOfAnotherLengthIsMalformed() throws {
        #expect(try Self.problems(Self.sample + "E-1,x@acme.com,Active\n") == [
            "roster.csv:4:1: a malformed row: it has 3 cells and the header 8; every row has one cell per column",
        ])
    }

    @Test func anEmptyRosterHasNoHeaderAndAHeaderAloneNoRecords() throws {
        #expect(try Self.problems("") == ["roster.csv:1:1: the export is empty: it has no header line; a roster starts with a header naming its columns"])
        #expect(try Self.read(String(Self.sample.prefix { $0 != "\n" }) + "\n").isEmpty)
    }

    @Test func aBadStatusOrDateIsAnErrorAtItsCell() throws {
        let header = "employeeNumber,workEmail,status,terminationDate\n"
        #expect(try Self.problems(header + "E-1,dana@acme.com,On Leave,0000-00-00\n") == ["roster.csv:2:19: `status` must be Active or Inactive; found 'On Leave'"])
        #expect(try Self.problems(header + "E-1,dana@acme.com,Active,08/29/2026\n") == [
            "roster.csv:2:26: `terminationDate` must be a date such as 2026-08-29 (or an ISO 8601 date-time), or 0000-00-00 or nothing for none; found '08/29/2026'",
        ])
        #expect(try Self.problems(header + "E-1,dana@acme.com,Active,2026-13-01\n") == [
            "roster.csv:2:26: `terminationDate` must be a date such as 2026-08-29 (or an ISO 8601 date-time), or 0000-00-00 or nothing for none; found '2026-13-01' (month 13 does not exist)",
        ])
        #expect(try Self.problems(header + ",dana@acme.com,Active,0000-00-00\n") == ["roster.csv:2:1: `employeeNumber` is empty; every row has its employee id"])
        let twice = try #require(try SourceFormatTesting.problems(HRISRosterFormat(), Self.sample + "E-1042,dana2@acme.com,Active,Full-Time,2024-05-01,,,\n", entry: Self.bamboo))
        #expect(twice.map(\.description) == ["roster.csv:4:1: a second record with the id 'E-1042'; each record of an export has its own"])
    }

    @Test func theSampleProjectsRosterReads() throws {
        let path = CommandRunner.packageRoot.path + "/Fixtures/exports/people.csv"
        let records = try Self.read(try String(contentsOfFile: path, encoding: .utf8))
        #expect(records.count == 16)
        let byEmail = Dictionary(uniqueKeysWithValues: records.map { ($0["email"], $0) })
        #expect(byEmail["'regina.salinas@example.com'"]?["status"] == "'inactive'")
        #expect(byEmail["'regina.salinas@example.com'"]?["termination_date"] == "2026-10-31")
        #expect(byEmail["'tomas.vega@example.com'"]?["termination_date"] == "2026-11-13")
        #expect(byEmail["'luis.mendoza@example.com'"]?["termination_date"] == "null")
        #expect(byEmail["'valeria.gutierrez@example.com'"]?["department"] == "'Research, Data & ML'")
        #expect(byEmail["'pablo.guerrero@example.com'"]?["display_name"] == "'Pablo Guerrero Núñez'")
    }

    @Test func theLoaderLinksTheRecordsByEmployeeIDOrEmail() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("exports/people.csv", Self.sample)
        let symbols = SymbolTable()
        let members = try ["kind: TeamMember\nid: dana.kim\nemail: Dana@Acme.com\n", "kind: TeamMember\nid: lee.park\nemail: lee.park@acme.com\nemployee_id: E-0977\n"]
            .map { try YAMLLoader(symbols: symbols).load(text: $0, name: "member.yaml")[0].root }
        let linker = IdentityLinker(members.map { InputDocument(kind: .teamMember, id: $0["id"]!.string!, root: $0) })  // safe: written above
        let entry = "sources:\n  - format: hris-roster\n    file: exports/people.csv\n    preset: bamboohr\n    scope: acme\n    generated_at: 2026-11-19T06:00:00Z\n"
        let config = try YAMLLoader(symbols: symbols).load(text: entry, name: "clearance.yaml")[0]
        let declaration = try SourceDeclaration.read(config.root["sources"], folder: folder.path + "/")[0]
        let loaded = try SourceLoader(symbols: symbols).load(declaration, linker: linker)
        try #require(loaded.documents.count == 3)
        let dana = loaded.documents[0].root, lee = loaded.documents[1].root
        #expect(dana["id"]?.string == "hris:acme:E-1042")
        #expect(dana["person"]?.string == "dana.kim")
        #expect(dana["linked_by"]?.string == "email")
        #expect(dana["link"]?.location.description == "\(path):2:8")
        #expect(lee["person"]?.string == "lee.park")
        #expect(lee["linked_by"]?.string == "employee_id")
        #expect(lee["termination_date"]?.location.description == "\(path):3:52")
        for document in loaded.documents.dropLast() {
            #expect(ShapeChecker(check: .all).problems(document.root, .object(ObservedShapes.employment), name: "Employment").map(\.description) == [])
        }
    }
}
