import ClearanceCore
import ClearanceDocument
@testable import ClearancePolicy

/// Reading a source format's export in a test: the `sources:` entry from YAML, the export from text, and the
/// records' fields as text with the line and column each was read at.
enum SourceFormatTesting {
    /// The one entry of `sources:` written in `entry` (YAML, a mapping), read as `clearance.yaml` reads it.
    static func declaration(_ entry: String) throws -> SourceDeclaration {
        let yaml = "sources:\n" + entry.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? "  - " + $0.element : "    " + $0.element }.joined(separator: "\n")
        let root = try YAMLLoader(symbols: SymbolTable()).load(text: yaml, name: "clearance.yaml")[0].root
        return try SourceDeclaration.read(root["sources"], folder: "")[0]
    }

    /// The problems `clearance.yaml` reports for the entry, rendered one a line.
    static func entryProblems(_ entry: String) throws -> [String] {
        do {
            _ = try declaration(entry)
            return []
        } catch let problems as Diagnostics {
            return problems.items.map(\.description)
        }
    }

    /// The records `format` reads from `text` as the entry's file.
    static func records(_ format: some SourceFormat, _ text: String, entry: String) throws -> [ObservedRecord] {
        let declaration = try declaration(entry)
        return try format.records(in: SourceExport(declaration: declaration, file: SourceFile(path: declaration.file, text: Array(text.utf8))))
    }

    /// The problems `format` reports reading `text`, each as `file:line:col: message`, or nil when it reads it.
    static func problems(_ format: some SourceFormat, _ text: String, entry: String) throws -> [Diagnostic]? {
        do {
            _ = try records(format, text, entry: entry)
            return nil
        } catch let problems as Diagnostics {
            return problems.items
        }
    }
}

/// One record's fields in a test's words.
struct RecordView {
    let record: ObservedRecord
    let file: SourceFile

    /// A record of `text`, the export named `name`.
    init(_ record: ObservedRecord, in text: String, name: String) {
        self.record = record
        self.file = SourceFile(path: name, text: Array(text.utf8))
    }

    /// The value at a path such as `mfa.enabled` or `credentials[1].last_used`.
    func value(_ path: String) -> ObservedValue? {
        var value: ObservedValue? = .mapping(record.fields, at: record.offset)
        for step in path.split(separator: ".") {
            let parts = step.split(separator: "[")
            if case .mapping(let fields, _)? = value { value = fields.first { $0.name == parts[0] }?.value } else { return nil }
            for index in parts.dropFirst() {
                guard case .list(let items, _)? = value, let at = Int(index.dropLast()), items.indices.contains(at) else { return nil }
                value = items[at]
            }
        }
        return value
    }

    /// The value at `path` as text: `null`, `true`, a string in single quotes, a time in RFC 3339 (a date alone for a
    /// date), a list or mapping as `[…]` or `{key: …}`; `absent` when there is none.
    subscript(_ path: String) -> String { value(path).map(Self.text) ?? "absent" }

    /// Where the value at `path` was read: `line:column`.
    func at(_ path: String) -> String {
        guard let value = value(path) else { return "absent" }
        let location = file.location(offset: value.offset)
        return "\(location.line):\(location.column)"
    }

    static func text(_ value: ObservedValue) -> String {
        switch value {
        case .scalar(let scalar, _, let asDate):
            switch scalar {
            case .null: return "null"
            case .bool(let flag): return "\(flag)"
            case .int(let number): return "\(number)"
            case .double(let number): return "\(number)"
            case .string(let text): return "'\(text)'"
            case .timestamp(let time): return asDate ? String(time.rfc3339.prefix(10)) : time.rfc3339
            }
        case .list(let items, _): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .mapping(let fields, _): return "{" + fields.map { "\($0.name): \(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
