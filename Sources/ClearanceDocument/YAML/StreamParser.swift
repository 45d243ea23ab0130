internal import CLibYAML
import ClearanceCore

/// Drives libyaml's event parser over one buffer and builds its documents.
///
/// Owns the `yaml_parser_t` for the length of one stream; libyaml's marks count characters,
/// so a cursor turns them into byte offsets as events arrive (in source order).
struct StreamParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceFile
    let table: LineTable
    /// Whether errors quote every document, not only mappings (for text that is known not to be a secret).
    var quotesEveryDocument = false

    /// Parses every document in the buffer.
    func parse(into builder: inout DocumentBuilder) throws(Diagnostic) -> [Document] {
        if let encoding = unsupportedEncoding() {
            throw Diagnostic(code: YAMLErrorCode.encoding,
                             message: "the file is \(encoding); Clearance reads UTF-8 (save the file as UTF-8)", file: source.path)
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw Diagnostic(code: YAMLErrorCode.syntax, message: "out of memory starting the YAML parser", file: source.path)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count)

        var cursor = OffsetCursor(bytes: bytes, isASCII: table.isASCII, start: table.byteOrderMarkLength)
        var documents: [Document] = []
        var event = yaml_event_t()
        // Whether the current document's root is a mapping; `nil` until its first node. Errors in any
        // other document show none of its content: it may be a secret (a key file linked among the inputs).
        var rootIsMapping: Bool?
        var documentStart = table.byteOrderMarkLength
        builder.beginDocument()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw withoutContent(parserError(parser.pointee, &cursor), unless: rootIsMapping ?? startsLikeMapping(from: documentStart))
            }
            defer { yaml_event_delete(&event) }
            let position = Position(offset: UInt32(cursor.offset(ofCharacter: Int(event.start_mark.index))),
                                    column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT: (rootIsMapping, documentStart) = (nil, Int(position.offset))
            case YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT, YAML_ALIAS_EVENT:
                if rootIsMapping == nil { rootIsMapping = event.type == YAML_MAPPING_START_EVENT }
            default: break
            }
            do {
                switch event.type {
                case YAML_SCALAR_EVENT:
                    try scalar(event.data.scalar, at: position, into: &builder)
                case YAML_SEQUENCE_START_EVENT:
                    let data = event.data.sequence_start
                    let explicit = try containerTag(data.tag, expected: .sequence, at: position)
                    try builder.startContainer(.sequence, at: position, flow: data.style == YAML_FLOW_SEQUENCE_STYLE,
                                               explicitTag: explicit, anchor: Self.string(data.anchor))
                case YAML_MAPPING_START_EVENT:
                    let data = event.data.mapping_start
                    let explicit = try containerTag(data.tag, expected: .mapping, at: position)
                    try builder.startContainer(.mapping, at: position, flow: data.style == YAML_FLOW_MAPPING_STYLE,
                                               explicitTag: explicit, anchor: Self.string(data.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    try builder.endContainer()
                case YAML_ALIAS_EVENT:
                    try builder.alias(Self.string(event.data.alias.anchor) ?? "", at: position)
                case YAML_DOCUMENT_END_EVENT:
                    documents.append(builder.finishDocument(source: source, position: documents.count))
                case YAML_STREAM_END_EVENT:
                    return documents
                default:
                    break
                }
            } catch {
                throw withoutContent(diagnostic(error), unless: rootIsMapping ?? startsLikeMapping(from: documentStart))
            }
        }
    }

    // MARK: Events

    private func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, at position: Position,
                        into builder: inout DocumentBuilder) throws(BuildError) {
        let text = UnsafeBufferPointer(start: data.value, count: Int(data.length))
        let style = ScalarStyle(rawValue: UInt8(clamping: Int(data.style.rawValue) - 1)) ?? .plain
        let resolution: ScalarResolver.Resolution
        var explicit = false
        if let tagPointer = data.tag {
            let tag = String(cString: tagPointer)
            explicit = true
            if tag == "!" {
                resolution = .string
            } else if let scalarTag = Self.scalarTags[tag] {
                resolution = ScalarResolver.resolve(text, as: scalarTag)
            } else {
                throw BuildError(code: YAMLErrorCode.tag, message: Self.tagMessage(tag, on: "a scalar"), position: position)
            }
        } else if style == .plain {
            resolution = ScalarResolver.resolvePlain(text)
        } else {
            resolution = .string
        }
        try builder.scalar(resolution, text: text, at: position, style: style, explicitTag: explicit, anchor: Self.string(data.anchor))
    }

    /// Checks a container's tag; returns whether it had an explicit one.
    private func containerTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, expected: NodeKind, at position: Position) throws(BuildError) -> Bool {
        guard let pointer else { return false }
        let tag = String(cString: pointer)
        if tag == "!" || tag == (expected == .mapping ? Self.core + "map" : Self.core + "seq") { return true }
        throw BuildError(code: YAMLErrorCode.tag, message: Self.tagMessage(tag, on: expected == .mapping ? "a mapping" : "a sequence"),
                         position: position)
    }

    private static let core = "tag:yaml.org,2002:"
    private static let scalarTags: [String: ScalarResolver.ScalarTag] = [
        core + "str": .string, core + "int": .int, core + "float": .float,
        core + "bool": .bool, core + "null": .null, core + "timestamp": .timestamp,
    ]

    private static func tagMessage(_ tag: String, on target: String) -> String {
        let shown = tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
        if tag == core + "map" || tag == core + "seq" || scalarTags[tag] != nil {
            return "tag \(shown) cannot be used on \(target)"
        }
        return "unsupported tag \(shown): Clearance reads only !!str, !!int, !!float, !!bool, !!null, !!timestamp, !!map and !!seq"
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    // MARK: Errors

    /// The diagnostic without source lines, and with a message that quotes nothing, unless the document is a mapping.
    ///
    /// Syntax, encoding and limit messages name no content and are kept; the others (a tag, a key, an alias) may.
    private func withoutContent(_ diagnostic: Diagnostic, unless rootIsMapping: Bool) -> Diagnostic {
        guard !rootIsMapping, !quotesEveryDocument, diagnostic.location != nil else { return diagnostic }
        var hidden = diagnostic
        let kept = [YAMLErrorCode.syntax, YAMLErrorCode.encoding, YAMLErrorCode.depthLimit, YAMLErrorCode.aliasLimit].contains(diagnostic.code)
        hidden.message = (kept ? diagnostic.message : "invalid YAML (\(diagnostic.code))")
            + "; not a YAML mapping document, so its content is not shown"
        hidden.sourceLine = nil
        hidden.notes = diagnostic.notes.map { Diagnostic.Note(message: $0.message, location: $0.location) }
        return hidden
    }

    /// Whether the first line with content from `offset` on starts a mapping (`key: value`, `? key` or `{`),
    /// for an error that comes before the document's root is known.
    private func startsLikeMapping(from offset: Int) -> Bool {
        var start = offset
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = Array(bytes[start..<end])
            start = end + 1
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line.removeLast() }
            if line.starts(with: Array("---".utf8)), line.count == 3 || line[3] == 0x20 { line.removeFirst(min(4, line.count)) }
            while let first = line.first, first == 0x20 || first == 0x09 { line.removeFirst() }
            guard let first = line.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "%") else { continue }
            if first == UInt8(ascii: "{") || line.starts(with: Array("? ".utf8)) { return true }
            if first == UInt8(ascii: "-") || first == UInt8(ascii: "[") { return false }
            for index in line.indices where line[index] == UInt8(ascii: ":") {
                if index > 0, index + 1 == line.count || line[index + 1] == 0x20 || line[index + 1] == 0x09 { return true }
            }
            return false
        }
        return false
    }

    private func unsupportedEncoding() -> String? {
        guard bytes.count >= 2 else { return nil }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return "UTF-32 encoded" }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return "UTF-32 encoded" }
        if (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return "UTF-16 encoded" }
        return nil
    }

    private func parserError(_ parser: yaml_parser_t, _ cursor: inout OffsetCursor) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            let offset = min(Int(parser.problem_offset), bytes.count)
            return diagnostic(code: YAMLErrorCode.encoding, message: Self.readerMessage(problem, value: parser.problem_value),
                              offset: offset, column: source.column(ofOffset: offset))
        case YAML_MEMORY_ERROR:
            return Diagnostic(code: YAMLErrorCode.syntax, message: "out of memory while parsing", file: source.path)
        default:
            let mark = parser.problem_mark
            var notes: [Diagnostic.Note] = []
            if let contextPointer = parser.context {
                let context = String(cString: contextPointer)
                let contextMark = parser.context_mark
                if contextMark.index != mark.index || contextMark.line != mark.line {
                    let offset = cursor.offset(ofCharacter: Int(contextMark.index))
                    let location = source.location(offset: offset, column: Int(contextMark.column) + 1)
                    notes.append(Diagnostic.Note(message: Self.contextNote(context), location: location,
                                                 sourceLine: source.lineText(location.line)))
                }
                return diagnostic(code: YAMLErrorCode.syntax, message: "syntax error: \(problem) \(context)",
                                  offset: cursor.offset(ofCharacter: Int(mark.index)), column: Int(mark.column) + 1, notes: notes)
            }
            return diagnostic(code: YAMLErrorCode.syntax, message: "syntax error: \(problem)",
                              offset: cursor.offset(ofCharacter: Int(mark.index)), column: Int(mark.column) + 1)
        }
    }

    /// "while parsing a block mapping" -> "the block mapping started here".
    private static func contextNote(_ context: String) -> String {
        for prefix in ["while parsing ", "while scanning "] where context.hasPrefix(prefix) {
            var rest = Substring(context.dropFirst(prefix.count))
            for article in ["a ", "an ", "the "] where rest.hasPrefix(article) { rest = rest.dropFirst(article.count) }
            return "the \(rest) started here"
        }
        return context
    }

    private static func readerMessage(_ problem: String, value: Int32) -> String {
        let hex = "0x" + String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        switch problem {
        case "invalid leading UTF-8 octet": return "invalid UTF-8: byte \(hex) cannot start a character"
        case "invalid trailing UTF-8 octet": return "invalid UTF-8: byte \(hex) cannot continue a character"
        case "incomplete UTF-8 octet sequence": return "invalid UTF-8: the text ends in the middle of a character"
        case "invalid length of a UTF-8 sequence": return "invalid UTF-8: an overlong encoding of a character"
        case "invalid Unicode character": return "invalid UTF-8: \(Self.codePoint(value)) is not a valid character"
        case "control characters are not allowed": return "control character \(Self.codePoint(value)) is not allowed in YAML"
        default: return "invalid input: \(problem)"
        }
    }

    private static func codePoint(_ value: Int32) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func diagnostic(_ error: BuildError) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let first = error.firstPosition {
            let location = source.location(offset: Int(first.offset), column: first.column)
            notes.append(Diagnostic.Note(message: "first defined here", location: location, sourceLine: source.lineText(location.line)))
        }
        return diagnostic(code: error.code, message: error.message, offset: Int(error.position.offset), column: error.position.column, notes: notes)
    }

    private func diagnostic(code: String, message: String, offset: Int, column: Int, notes: [Diagnostic.Note] = []) -> Diagnostic {
        let location = source.location(offset: offset, column: column)
        return Diagnostic(code: code, message: message, location: location, sourceLine: source.lineText(location.line), notes: notes)
    }

}

/// Turns libyaml's character indexes into byte offsets, moving forward as events arrive.
struct OffsetCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let isASCII: Bool
    let start: Int
    private var character = 0
    private var byte: Int

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, start: Int) {
        self.bytes = bytes
        self.isASCII = isASCII
        self.start = start
        self.byte = start
    }

    mutating func offset(ofCharacter index: Int) -> Int {
        if isASCII { return min(index + start, bytes.count) }
        if index < character { (character, byte) = (0, start) }
        if let base = bytes.baseAddress {
            // Skip eight ASCII bytes (eight characters) at a time.
            while index - character >= 8, byte + 8 <= bytes.count,
                  UnsafeRawPointer(base + byte).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                byte += 8
                character += 8
            }
        }
        while character < index, byte < bytes.count {
            let lead = bytes[byte]
            byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            character += 1
        }
        return min(byte, bytes.count)
    }
}
