import ClearanceCore
import ClearanceDocument

extension JSONExport {
    /// Ends the reading with one error when the first record lacks a field of `required` (fields every record of `format`
    /// has) and looks like another format's record: the file was given the wrong `format:` (`what` names the list the format
    /// reads: "users list").
    func refuseOtherFormat(_ records: [Node], format: String, required: [String], what: String) throws(Diagnostics) {
        guard let first = records.first, first.kind == .mapping else { return }
        let missing = required.filter { first[$0] == nil }.map { "`\($0)`" }
        guard !missing.isEmpty, let other = ExportLikeness.json(first), !other.hasSuffix("(format \(format))") else { return }
        let joined = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " or " + missing[missing.count - 1]
        throw Diagnostics([ShapeChecker.diagnostic(first, code: "source.wrong-format",
                                                   "this looks like \(other) rather than the \(what) \(format) reads: \(noun) 1 has no \(joined)")])
    }

    /// The export's top-level value for a message: its JSON type, or for text that reads as one string (a CSV file), which
    /// export its first line looks like.
    var describedRoot: String {
        guard root.kind == .string || root.kind == .timestamp, let text = root.string else { return Self.describe(root) }
        let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        return ExportLikeness.csv(header).map { "text that looks like \($0), not JSON" } ?? "a string"
    }

    /// The keys under which the APIs Clearance reads put a page's records: Graph's `value`, Jamf's `results`, baton's
    /// `grants`, Google's `users`.
    static let pageKeys = ["value", "results", "grants", "users"]

    /// Which export an object is a page of, told from its first record, when it holds its records under another API's key.
    func otherPage(_ object: Node) -> String? {
        for key in Self.pageKeys {
            guard let list = object[key], list.kind == .sequence, let first = list.elements.first else { continue }
            if let other = ExportLikeness.json(first) { return other }
        }
        return nil
    }
}
