import ClearanceCore
import ClearanceDocument

extension JSONExport {
    /// The problems found, at most ``CSVExport/maximumProblems`` of them, as CSV exports report them.
    var firstProblems: [Diagnostic] { Array(problems.prefix(CSVExport.maximumProblems)) }
}
