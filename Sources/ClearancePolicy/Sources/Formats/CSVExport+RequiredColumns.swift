import ClearanceCore
import ClearanceDocument

extension CSVExport {
    /// The column of each required column of a format, by the first of its names: each entry of `required` lists the names one
    /// column may have (`["id", "objectId"]`), and the first the header has is read. A column the header lacks is an error at
    /// the header saying which export always has it (`every`: "every Google Workspace users CSV"); a header that looks like
    /// another format's export (not `format`'s) is one error saying so and naming every missing column. Read columns named
    /// twice are errors as well.
    func requiredColumns(_ required: [[String]], format: String, every: String) throws(Diagnostics) -> [String: Int] {
        var columns: [String: Int] = [:], missing: [[String]] = []
        for names in required {
            if let found = names.lazy.compactMap({ column($0) }).first { columns[names[0]] = found } else { missing.append(names) }
        }
        var problems = repeatedColumns(among: required.flatMap { $0 })
        func listed(_ names: [String]) -> String { names.map(Self.named).joined(separator: " or ") }
        if let wrong = otherFormat(format, missing: missing.map(listed)) { throw Diagnostics([wrong]) }
        for names in missing {
            problems.append(headerProblem(code: "source.missing-column",
                                          "the header has no column \(listed(names)), which \(every) has\(suggestion(for: names[0]))"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return columns
    }

    /// The one problem to report when the header lacks the columns `missing` (each written as a message names it) and looks
    /// like another format's export than `format`: the file was given the wrong `format:`. Nil when nothing is missing or
    /// the header looks like no other export.
    func otherFormat(_ format: String, missing: [String]) -> Diagnostic? {
        guard !missing.isEmpty, let other = ExportLikeness.csv(headerNames), !other.hasSuffix("(format \(format))") else { return nil }
        let joined = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " or " + missing[missing.count - 1]
        return headerProblem(code: "source.wrong-format", "this looks like \(other) rather than the export \(format) reads: the header has no column \(joined)")
    }
}
