import ClearanceCore
import ClearanceDocument

/// Writes the documents of one source: each record as an Account or Employment document (its fields, the common
/// `kind`, `id`, `system`, `scope` and `environment`, its link and its `source`), and the Source document itself.
///
/// Every node is located in the export where the record's reader found it; the common fields sit at the
/// record's start and the link at the field that decided it.
struct ObservedDocumentWriter {
    let declaration: SourceDeclaration
    let kind: DocumentKind
    let sha256: String
    let generatedAt: Timestamp
    private var builder: TreeBuilder
    private let limits: LoaderLimits, symbols: SymbolTable, keys: KeyInterning

    /// A writer of documents read from `file`, keys interned in `symbols` as `keys` says; its first document of `file`
    /// is the `firstPosition`th there (a writer of a later part of the records).
    init(declaration: SourceDeclaration, kind: DocumentKind, file: SourceFile, sha256: String, generatedAt: Timestamp,
         limits: LoaderLimits, symbols: SymbolTable, keys: KeyInterning, firstPosition: Int = 0) {
        self.declaration = declaration
        self.kind = kind
        self.sha256 = sha256
        self.generatedAt = generatedAt
        self.builder = TreeBuilder(source: file, limits: limits, symbols: symbols, keys: keys, firstPosition: firstPosition)
        (self.limits, self.symbols, self.keys) = (limits, symbols, keys)
    }

    /// The id of a record of this source: `<system>:<scope>:<native id>` (`hris:<scope>:<employee id>` for a roster,
    /// `<system>:<serial>` for a device: a serial number is the same device whatever the tenant).
    func id(of record: ObservedRecord) -> String {
        kind == .managedDevice ? "\(declaration.system):\(record.nativeID)"
            : "\(declaration.system):\(record.scope ?? declaration.scope ?? ""):\(record.nativeID)"
    }

    /// The document of one record, linked as `link` says.
    mutating func document(_ record: ObservedRecord, link: IdentityLinker.Link) throws(Diagnostic) -> Document {
        if let other = record.file {  // a record of a further file is located in that file
            let main = builder
            builder = TreeBuilder(source: other, limits: limits, symbols: symbols, keys: keys)
            defer { builder = main }
            return try write(record, link: link)
        }
        return try write(record, link: link)
    }

    private mutating func write(_ record: ObservedRecord, link: IdentityLinker.Link) throws(Diagnostic) -> Document {
        let at = record.offset
        try builder.beginMapping(at: at)
        try field("kind", .string(kind.rawValue, at: at))
        try field("id", .string(id(of: record), at: at))
        try field("system", .string(declaration.system, at: at))
        try field("scope", .string(record.scope ?? declaration.scope, at: at))
        if kind == .account { try field("environment", .string(declaration.environment, at: at)) }
        for item in record.fields { try field(item.name, item.value) }
        let linkAt = link.decidingField.map(record.offset(of:)) ?? at
        try field("person", .string(link.person, at: linkAt))
        try field("link", .string(link.state, at: linkAt))
        try field("linked_by", .string(link.linkedBy, at: linkAt))
        try field("claimants", .list(link.claimants.map { .string($0, at: linkAt) }, at: linkAt))
        if kind == .account { try field("service_account", .string(link.serviceAccount, at: linkAt)) }
        try field("source", .mapping([
            ObservedField("format", .string(declaration.format, at: at)), ObservedField("file", .string(declaration.file, at: at)),
            ObservedField("sha256", .string(sha256, at: at)), ObservedField("generated_at", .time(generatedAt, at: at)),
            ObservedField("record", .int(record.position, at: at)),
        ], at: at))
        try builder.end()
        return try builder.finish()
    }

    private mutating func field(_ name: String, _ value: ObservedValue) throws(Diagnostic) {
        try builder.scalar(.string(name), at: value.offset)
        try write(value)
    }

    private mutating func write(_ value: ObservedValue) throws(Diagnostic) {
        switch value {
        case .scalar(let scalar, let at, let asDate): try builder.scalar(scalar, at: at, writtenAsDate: asDate)
        case .list(let items, let at):
            try builder.beginSequence(at: at)
            for item in items { try write(item) }
            try builder.end()
        case .mapping(let fields, let at):
            try builder.beginMapping(at: at)
            for item in fields { try field(item.name, item.value) }
            try builder.end()
        }
    }

    /// The Source document of the source, located at its entry in `clearance.yaml`; `scope` is the entry's, or the file's own.
    static func sourceDocument(_ declaration: SourceDeclaration, scope: String?, sha256: String, generatedAt: Timestamp, records: Int, recordKind: DocumentKind,
                               limits: LoaderLimits, symbols: SymbolTable, keys: KeyInterning) throws(Diagnostic) -> Document {
        let entry = declaration.node
        var builder = TreeBuilder(source: entry.document.source, limits: limits, symbols: symbols, keys: keys)
        func at(_ key: String) -> Int { declaration.node(key).document.offset(declaration.node(key).id) }
        let fields: [(String, Scalar, Int)] = [
            ("kind", .string(DocumentKind.source.rawValue), at("format")), ("id", .string(declaration.file), at("file")),
            ("format", .string(declaration.format), at("format")), ("file", .string(declaration.file), at("file")),
            ("system", .string(declaration.system), at("system")), ("scope", scope.map(Scalar.string) ?? .null, at("scope")),
            ("environment", declaration.environment.map(Scalar.string) ?? .null, at("environment")),
            ("sha256", .string(sha256), at("file")), ("generated_at", .timestamp(generatedAt), at("generated_at")),
            ("records", .int(Int64(records)), at("file")), ("record_kind", .string(recordKind.rawValue), at("format")),
        ]
        try builder.beginMapping(at: at("format"))
        for (key, value, offset) in fields {
            try builder.scalar(.string(key), at: offset)
            try builder.scalar(value, at: offset)
        }
        try builder.end()
        return try builder.finish()
    }
}
