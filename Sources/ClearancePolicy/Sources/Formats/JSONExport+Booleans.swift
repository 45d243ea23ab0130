import ClearanceCore
import ClearanceDocument

extension JSONExport {
    /// The boolean at the key `key` of an object and its node; absent or null gives none (a problem when `required`), any other
    /// type (the string "true" too) a problem.
    mutating func flag(_ key: String, of record: Node, position: Int, required: Bool = false) -> (flag: Bool?, node: Node?) {
        guard let found = record[key], !found.isNull else {
            if required { problem(record, "\(noun) \(position) has no `\(key)`") }
            return (nil, nil)
        }
        guard let flag = found.bool else {
            problem(found, "`\(key)` is \(Self.describe(found)); expected true or false")
            return (nil, found)
        }
        return (flag, found)
    }

    /// The problems found, at most ``CSVExport/maximumProblems`` of them, as CSV exports report them.
    var firstProblems: [Diagnostic] { Array(problems.prefix(CSVExport.maximumProblems)) }
}
