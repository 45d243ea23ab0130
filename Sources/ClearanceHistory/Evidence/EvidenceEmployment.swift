import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// What the evidence package reads of an HR record (an `Employment` document from an `hris-roster` export).
public struct EvidenceEmployment: Sendable, Equatable {
    /// The document id: `hris:<scope>:<employee id>`.
    public var id: String
    /// The HR system's id of the person.
    public var employeeID: String
    /// The name the HR system gives.
    public var name: String?
    /// The member it is linked to, if any.
    public var person: String?
    /// active or inactive.
    public var status: String
    /// The last day of employment.
    public var terminationDate: Timestamp?
    /// The export it was read from.
    public var sourceFile: String
    /// Its place in the export (a CSV line).
    public var record: Int?

    /// Creates a record from its parts.
    public init(id: String, employeeID: String, name: String? = nil, person: String?, status: String, terminationDate: Timestamp?, sourceFile: String,
                record: Int? = nil) {
        self.id = id
        self.employeeID = employeeID
        self.name = name
        self.person = person
        self.status = status
        self.terminationDate = terminationDate
        self.sourceFile = sourceFile
        self.record = record
    }

    /// Reads an Employment document.
    public init(_ document: InputDocument) {
        let root = document.root
        let record = root["source"]?["record"]?.int
        self.init(id: document.id, employeeID: root["employee_id"]?.string ?? "", name: root["display_name"]?.string, person: root["person"]?.string,
                  status: root["status"]?.string ?? "", terminationDate: EvidenceMember.time(root["termination_date"]),
                  sourceFile: root["source"]?["file"]?.string ?? root.location.file, record: record.map { Int($0) })
    }
}
