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
        if !missing.isEmpty, let other = ExportLikeness.csv(headerNames), !other.hasSuffix("(format \(format))") {
            let list = missing.map(listed)
            let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " or " + list[list.count - 1]
            throw Diagnostics([headerProblem(code: "source.wrong-format",
                                             "this looks like \(other) rather than the export \(format) reads: the header has no column \(joined)")])
        }
        for names in missing {
            problems.append(headerProblem(code: "source.missing-column",
                                          "the header has no column \(listed(names)), which \(every) has\(suggestion(for: names[0]))"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return columns
    }
}
