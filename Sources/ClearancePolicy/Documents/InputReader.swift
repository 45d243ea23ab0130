import ClearanceCore
import ClearanceDocument

/// Reads one file format into documents, every node located where the file has it (a YAML node's
/// mark, a CSV cell's line and column), so findings point into the text the user has.
///
/// ``InputLoader`` picks a reader by the file's name ending; ``YAMLReader`` (YAML and JSON) is the first.
public protocol InputReader: Sendable {
    /// The name endings of the files this reader reads, such as `.yaml` (matched in any case).
    var fileEndings: [String] { get }
    /// The format's name in messages: `YAML or JSON`.
    var formatName: String { get }
    /// A reading session for one thread, which may keep buffers from one file to the next; the
    /// documents' keys are symbols of `symbols`, added to it or only looked up as `keys` says.
    func session(limits: LoaderLimits, symbols: SymbolTable, keys: KeyInterning) -> any InputReadingSession
}

/// One thread's reader of files of one format.
public protocol InputReadingSession {
    /// Every document in a file's bytes; `path` names the file in locations and messages.
    /// A file that holds no document is an error: an input that says nothing never passes silently.
    mutating func documents(in bytes: [UInt8], path: String) throws(Diagnostic) -> [Document]
}

/// The YAML reader, for `.yaml`, `.yml` and `.json` files (JSON is read as the YAML it is).
public struct YAMLReader: InputReader {
    /// The reader.
    public init() {}

    /// `.yaml`, `.yml` and `.json`.
    public var fileEndings: [String] { FileCollector.dataEndings }

    /// `YAML or JSON`.
    public var formatName: String { "YAML or JSON" }

    /// A YAML loader for one thread.
    public func session(limits: LoaderLimits, symbols: SymbolTable, keys: KeyInterning) -> any InputReadingSession {
        YAMLLoader(limits: limits, symbols: symbols, keys: keys)
    }
}

extension YAMLLoader: InputReadingSession {
    /// Every document in a file's bytes, none of them empty.
    public func documents(in bytes: [UInt8], path: String) throws(Diagnostic) -> [Document] {
        try load(bytes: bytes, name: path, allowEmpty: false)
    }
}

/// The readers a loader chooses from, by file name ending; the first that reads a name reads it.
public struct InputReaders: Sendable {
    /// The readers, in order of preference.
    public let readers: [any InputReader]

    /// The readers Clearance ships: YAML and JSON.
    public static let standard = InputReaders([YAMLReader()])

    /// A set of readers.
    public init(_ readers: [any InputReader]) { self.readers = readers }

    /// Every name ending some reader reads.
    public var fileEndings: [String] { readers.flatMap(\.fileEndings) }

    /// The formats' names, for messages: `YAML or JSON`.
    public var formatNames: String {
        let names = readers.map(\.formatName)
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }

    /// The position of the reader of a file, by its name.
    func index(for path: String) -> Int? {
        let lower = path.lowercased()
        return readers.firstIndex { $0.fileEndings.contains { lower.hasSuffix($0.lowercased()) } }
    }
}
