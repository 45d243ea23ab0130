import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
@testable import ClearancePolicy

/// Builds the sources of the JSON formats' tests and shows what a format read: records as one line of text, and
/// where each field was read as `line:column`.
enum JSONSourceFixture {
    /// The sample exports of the JSON formats.
    static let exports = CommandRunner.packageRoot.path + "/Fixtures/exports/"

    /// A `sources:` entry as `clearance.yaml` would write it (`extra` lines are added as written).
    static func declaration(format: String, file: String, system: String, scope: String?, extras: [String: String] = [:]) throws -> SourceDeclaration {
        var yaml = "format: \(format)\nfile: \(file)\n" + (scope.map { "scope: '\($0)'\n" } ?? "") + "generated_at: 2026-11-19T06:00:00Z\n"
        for key in extras.keys.sorted() { yaml += "\(key): \(extras[key]!)\n" }  // safe: iterating its keys
        let node = try YAMLLoader(symbols: SymbolTable()).load(text: yaml, name: "clearance.yaml")[0].root
        return SourceDeclaration(format: format, file: file, system: system, scope: scope,
                                 generatedAt: node["generated_at"]?.timestamp, extraFiles: extras.mapValues { ($0, $0) }, node: node)
    }

    /// A file of an export.
    static func file(_ name: String, _ text: String) -> SourceFile { SourceFile(path: name, text: Array(text.utf8)) }

    /// A sample export file.
    static func sample(_ name: String) throws -> SourceFile {
        SourceFile(path: name, text: try FileReader.read(path: exports + name, limit: LoaderLimits.standard.maximumFileSize))
    }

    /// The records `format` reads from `main` and `extras` (further files by key), under an entry with `scope`.
    static func records(_ format: some SourceFormat, _ main: SourceFile, extras: [String: SourceFile] = [:], scope: String? = nil) throws -> [ObservedRecord] {
        let declaration = try declaration(format: format.name, file: main.path, system: format.defaultSystem, scope: scope,
                                          extras: extras.mapValues(\.path))
        return try format.records(in: SourceExport(declaration: declaration, file: main, extras: extras))
    }

    /// The diagnostics reading fails with, one `file:line:col: message` each.
    static func problems(_ format: some SourceFormat, _ main: SourceFile, extras: [String: SourceFile] = [:], scope: String? = nil) -> [String] {
        do {
            _ = try records(format, main, extras: extras, scope: scope)
            return []
        } catch let error as Diagnostics {
            return error.items.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// The record's fields on one line: `native_id: "4411", login: "dana-k", mfa: {enabled: null, ...}, ...`.
    static func text(_ record: ObservedRecord) -> String {
        record.fields.map { "\($0.name): \(text($0.value))" }.joined(separator: ", ")
    }

    /// A value as `text(_:)` writes it.
    static func text(_ value: ObservedValue) -> String {
        switch value {
        case .scalar(let scalar, _, _):
            switch scalar {
            case .null: "null"
            case .bool(let flag): "\(flag)"
            case .int(let number): "\(number)"
            case .double(let number): "\(number)"
            case .string(let text): "\"\(text)\""
            case .timestamp(let time): time.rfc3339
            }
        case .list(let items, _): "[" + items.map(text).joined(separator: ", ") + "]"
        case .mapping(let fields, _): "{" + fields.map { "\($0.name): \(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// The value at `path` (`mfa.enabled`) of a record.
    static func value(_ record: ObservedRecord, _ path: String) -> ObservedValue? {
        var fields = record.fields
        var found: ObservedValue?
        for key in path.split(separator: ".") {
            found = fields.first { $0.name == key }?.value
            if case .mapping(let inner, _)? = found { fields = inner } else { fields = [] }
        }
        return found
    }

    /// Where the value at `path` was read, as `line:column` in `file`.
    static func at(_ record: ObservedRecord, _ path: String, in file: SourceFile) -> String {
        guard let offset = value(record, path)?.offset else { return "no \(path)" }
        let location = file.location(offset: offset)
        return "\(location.line):\(location.column)"
    }
}
