import ClearanceCore

/// Reads YAML (and JSON) files into documents, strictly and within ``LoaderLimits``.
///
/// A loader keeps scratch buffers between files, so reuse one per thread rather than making
/// one per file; it is not meant to be shared between threads.
public final class YAMLLoader {
    /// The bounds enforced on every input.
    public let limits: LoaderLimits
    /// The table the documents' keys are symbols of.
    public let symbols: SymbolTable
    /// Whether errors quote the content of every document; by default a document whose root is not a
    /// mapping is reported without its content, as it may be a secret (a key file linked among the inputs).
    public var quotesEveryDocument = false
    private var builder: DocumentBuilder

    /// Creates a loader with the given limits whose documents' keys are symbols of `symbols`:
    /// added to it (loading a snapshot), or only looked up, so the table never grows.
    public init(limits: LoaderLimits = .standard, symbols: SymbolTable, keys: KeyInterning = .intern) {
        self.limits = limits
        self.symbols = symbols
        self.builder = DocumentBuilder(limits: limits, symbols: symbols, interning: keys)
    }

    /// Loads every document of the file at `path`.
    ///
    /// A file with no document in it (empty, or only comments) is an error: an input that says
    /// nothing must never pass a check silently.
    public func load(file path: String) throws(Diagnostic) -> [Document] {
        let bytes = try FileReader.read(path: path, limit: limits.maximumFileSize)
        return try load(bytes: bytes, name: path, allowEmpty: false)
    }

    /// Loads every document of text held in memory, named `name` in messages.
    public func load(text: String, name: String, allowEmpty: Bool = true) throws(Diagnostic) -> [Document] {
        try load(bytes: Array(text.utf8), name: name, allowEmpty: allowEmpty)
    }

    /// Loads every document of `bytes`, named `name` in messages; the bytes stay with the
    /// documents (their ``SourceFile``) so later errors can quote them.
    public func load(bytes: [UInt8], name: String, allowEmpty: Bool = true) throws(Diagnostic) -> [Document] {
        guard bytes.count <= limits.maximumFileSize else {
            throw Diagnostic(code: YAMLErrorCode.sizeLimit,
                             message: "file is too large: \(bytes.count.grouped) bytes, over the limit of \(ByteCount(limits.maximumFileSize))", file: name)
        }
        let table = LineTable.scan(bytes)
        let source = SourceFile(path: name, lineStarts: table.lineStarts, text: bytes)
        let documents = try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in
            try StreamParser(bytes: buffer, source: source, table: table, quotesEveryDocument: quotesEveryDocument).parse(into: &builder)
        }
        if documents.isEmpty && !allowEmpty {
            let blank = bytes.count <= table.byteOrderMarkLength
            throw Diagnostic(code: YAMLErrorCode.empty,
                             message: blank ? "file is empty; expected at least one YAML document"
                                            : "file has no YAML document, only comments and blank lines", file: name)
        }
        return documents
    }
}
