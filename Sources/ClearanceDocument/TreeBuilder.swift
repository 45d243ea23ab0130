import ClearanceCore

/// Builds a document node by node, each at the byte offset in its source where the reader found it:
/// the way any reader (CSV rows, JSON exports, a request body) makes a ``Document`` the evaluator reads.
///
/// Open a mapping or sequence, add its children (for a mapping, key then value, keys being
/// scalars), end it; a document has exactly one root. Keys are checked as the YAML reader checks
/// them: a duplicate key, a container as a key or nesting past the limits is an error at its place.
public struct TreeBuilder {
    /// The file the documents are read from.
    public let source: SourceFile
    private var builder: DocumentBuilder
    private var documentCount = 0
    /// The columns of the offsets nodes are found at: the nodes of one record lie close together.
    private var columns: ColumnCursor

    /// A builder of documents read from `source` (a ``SourceFile`` made with its text, so columns and
    /// snippets come from it), whose keys are symbols of `symbols`, added to it or only looked up; its first
    /// document is at `firstPosition` in the file (a later part of a file built by a builder of its own).
    public init(source: SourceFile, limits: LoaderLimits = .standard, symbols: SymbolTable, keys: KeyInterning = .intern, firstPosition: Int = 0) {
        self.source = source
        self.builder = DocumentBuilder(limits: limits, symbols: symbols, interning: keys)
        self.columns = ColumnCursor(source)
        self.documentCount = firstPosition
    }

    /// Adds a scalar found at `offset`; a timestamp `writtenAsDate` prints as a date alone (`2026-05-12`).
    public mutating func scalar(_ value: Scalar, at offset: Int, writtenAsDate: Bool = false) throws(Diagnostic) {
        let position = try self.position(offset)
        var text: String  // its UTF-8 is read in place, not copied
        let resolution: ScalarResolver.Resolution
        switch value {
        case .null: (text, resolution) = ("", .null)
        case .bool(let flag): (text, resolution) = ("", .bool(flag))
        case .int(let number): (text, resolution) = ("", .int(number))
        case .double(let number): (text, resolution) = ("", .double(number))
        case .string(let string): (text, resolution) = (string, .string)
        case .timestamp(let time):
            text = writtenAsDate && time.seconds % 86_400 == 0 && time.nanos == 0 ? String(time.rfc3339.prefix(10)) : time.rfc3339
            resolution = .timestamp(time)
        }
        let failure = text.withUTF8 { buffer -> BuildError? in
            do throws(BuildError) {
                // A string is text as read (quoted), never a YAML merge key or tag.
                try builder.scalar(resolution, text: buffer, at: position, style: .doubleQuoted, explicitTag: false, anchor: nil)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw diagnostic(failure) }
    }

    /// Opens a mapping found at `offset`.
    public mutating func beginMapping(at offset: Int) throws(Diagnostic) {
        let position = try self.position(offset)
        do throws(BuildError) { try builder.startContainer(.mapping, at: position, flow: false, explicitTag: false, anchor: nil) } catch { throw diagnostic(error) }
    }

    /// Opens a sequence found at `offset`.
    public mutating func beginSequence(at offset: Int) throws(Diagnostic) {
        let position = try self.position(offset)
        do throws(BuildError) { try builder.startContainer(.sequence, at: position, flow: false, explicitTag: false, anchor: nil) } catch { throw diagnostic(error) }
    }

    /// Ends the innermost open mapping or sequence.
    public mutating func end() throws(Diagnostic) {
        guard let open = builder.frames.last else { throw problem("nothing to end: no mapping or sequence is open") }
        if open.kind == .mapping, builder.expectsKey == false {
            throw problem("a mapping ends after a key with no value", at: Position(offset: open.offset, column: open.column))
        }
        do throws(BuildError) { try builder.endContainer() } catch { throw diagnostic(error) }
    }

    /// The document built since the last one: exactly one root, every container ended.
    public mutating func finish() throws(Diagnostic) -> Document {
        guard builder.frames.isEmpty else { throw problem("\(builder.frames.count) mapping or sequence left open") }
        guard builder.stack.count == 1 else {
            throw problem(builder.stack.isEmpty ? "a document needs a root node" : "a document has one root, not \(builder.stack.count)")
        }
        documentCount += 1
        return builder.finishDocument(source: source, position: documentCount - 1)
    }

    private mutating func position(_ offset: Int) throws(Diagnostic) -> Position {
        guard offset >= 0, offset <= source.text.count, let narrow = UInt32(exactly: offset) else {
            throw Diagnostic(code: "reader.offset", message: "offset \(offset) is outside the file", file: source.path)
        }
        return Position(offset: narrow, column: columns.column(ofOffset: offset))
    }

    private func diagnostic(_ error: BuildError) -> Diagnostic {
        let location = source.location(offset: Int(error.position.offset), column: error.position.column)
        var notes: [Diagnostic.Note] = []
        if let first = error.firstPosition {
            let at = source.location(offset: Int(first.offset), column: first.column)
            notes.append(Diagnostic.Note(message: "first defined here", location: at, sourceLine: source.lineText(at.line)))
        }
        return Diagnostic(code: error.code, message: error.message, location: location, sourceLine: source.lineText(location.line), notes: notes)
    }

    private func problem(_ message: String, at position: Position? = nil) -> Diagnostic {
        guard let position else { return Diagnostic(code: "reader.structure", message: message, file: source.path) }
        let location = source.location(offset: Int(position.offset), column: position.column)
        return Diagnostic(code: "reader.structure", message: message, location: location, sourceLine: source.lineText(location.line))
    }
}
