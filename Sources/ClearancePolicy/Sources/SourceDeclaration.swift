import ClearanceCore
import ClearanceDocument

/// One entry of `sources:` in `clearance.yaml`: a vendor's export, its format, and what the file does not say itself.
public struct SourceDeclaration: Sendable {
    /// The format's name: `aws-iam-credential-report`.
    public let format: String
    /// The export file as `clearance.yaml` writes it (findings and reports name the source so).
    public let file: String
    /// The export file's path from where the command runs.
    public let path: String
    /// The system its records belong to (the format's default unless the entry names one).
    public let system: String
    /// The account, organisation or tenant, if the entry names it.
    public let scope: String?
    /// The environment, if the entry names it.
    public let environment: String?
    /// When the export was made, if the entry says.
    public let generatedAt: Timestamp?
    /// The further files, by key (`admins`): as written, and as a path from where the command runs.
    public let extraFiles: [String: (written: String, path: String)]
    /// The other options as written (`preset`), by key.
    public let options: [String: String]
    /// The column map (`columns:`), by field name.
    public let columns: [String: String]
    /// The entry in `clearance.yaml`, for locating problems with it.
    public let node: Node

    /// Creates a declaration (tests and tools that do not read `clearance.yaml`).
    public init(format: String, file: String, path: String? = nil, system: String, scope: String? = nil, environment: String? = nil,
                generatedAt: Timestamp?, extraFiles: [String: (written: String, path: String)] = [:], options: [String: String] = [:],
                columns: [String: String] = [:], node: Node) {
        self.format = format
        self.file = file
        self.path = path ?? file
        self.system = system
        self.scope = scope
        self.environment = environment
        self.generatedAt = generatedAt
        self.extraFiles = extraFiles
        self.options = options
        self.columns = columns
        self.node = node
    }

    /// Where the entry's key `key` is written, or the entry's place when it has no such key.
    public func node(_ key: String) -> Node { node[key] ?? node }

    /// A problem located at the entry's key `key`.
    public func problem(_ key: String, code: String, _ message: String) -> Diagnostic {
        ShapeChecker.diagnostic(node(key), code: code, message)
    }

    /// The entries of `sources:` in a `clearance.yaml` whose shape was checked; files are named from `folder`.
    /// A format that does not read a key the entry gives, a missing `generated_at`, or a missing `system` where the format
    /// needs one, is an error at the entry.
    static func read(_ list: Node?, folder: String, formats: SourceFormats = .standard) throws(Diagnostics) -> [SourceDeclaration] {
        guard let list else { return [] }
        var declarations: [SourceDeclaration] = []
        var problems: [Diagnostic] = []
        var files: [String: Node] = [:]
        let common: Set<String> = ["format", "file", "system", "scope", "environment", "generated_at"]
        for entry in list.elements {
            guard let formatName = entry["format"]?.string, let format = formats.format(named: formatName), let file = entry["file"]?.string else { continue }
            func path(_ written: String) -> String { written.hasPrefix("/") ? written : folder + written }
            let fileKeys = Set(format.extraFiles.map(\.key)), optionKeys = Set(format.options.map(\.key))
            for pair in entry.entries {
                guard let key = pair.key.string, !common.contains(key), !fileKeys.contains(key), !optionKeys.contains(key) else { continue }
                let accepted = (format.extraFiles.map(\.key) + format.options.map(\.key)).map { "`\($0)`" }
                problems.append(ShapeChecker.diagnostic(pair.key, code: "config.source-key",
                                                        "format \(formatName) does not read `\(key)`"
                                                        + (accepted.isEmpty ? "; it takes no further files or options" : "; it reads \(accepted.joined(separator: ", "))")))
            }
            if let first = files.updateValue(entry["file"]!, forKey: file) {  // safe: read above
                problems.append(IdentifierStage.duplicate("the export \(file.quotedExcerpt) is named twice in `sources`", entry["file"]!, first: first))  // safe: read above
            }
            if format.needsSystem, entry["system"] == nil {
                problems.append(ShapeChecker.diagnostic(entry, code: "config.source-system",
                                                        "a \(formatName) source needs `system:`: the format reads exports of many systems, so name this one's (such as salesforce)"))
            }
            if entry["generated_at"] == nil {
                problems.append(ShapeChecker.diagnostic(entry, code: "config.source-generated-at",
                                                        "source \(file.quotedExcerpt) has no `generated_at`: \(formatName) does not carry when it was made, and evidence needs its time"))
            }
            var extras: [String: (written: String, path: String)] = [:]
            for key in fileKeys { if let written = entry[key]?.string { extras[key] = (written, path(written)) } }
            var options: [String: String] = [:]
            for key in optionKeys { if let value = entry[key]?.string { options[key] = value } }
            var columns: [String: String] = [:]
            for pair in entry["columns"]?.entries ?? [] { if let key = pair.key.string, let value = pair.value.string { columns[key] = value } }
            let declaration = SourceDeclaration(format: formatName, file: file, path: path(file), system: entry["system"]?.string ?? format.defaultSystem,
                                                scope: entry["scope"]?.string, environment: entry["environment"]?.string,
                                                generatedAt: entry["generated_at"]?.timestamp, extraFiles: extras, options: options, columns: columns, node: entry)
            problems += format.problems(declaration)
            declarations.append(declaration)
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return declarations
    }
}
