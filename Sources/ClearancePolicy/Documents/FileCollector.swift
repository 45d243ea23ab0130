import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif

/// Turns the paths a user gave into the files to read: files as given, folders walked recursively
/// in sorted order for `.yaml`, `.yml` and `.json` files (in any case), skipping and counting hidden entries.
///
/// Nothing under a folder is passed over without a word: a path that does not exist, an entry that
/// cannot be examined (a dangling symlink, a name that is not UTF-8, a folder that cannot be listed),
/// a symlink loop and a symlink that leaves the named folder are errors; hidden entries are counted
/// and other files listed in notes.
public struct FileCollector: Sendable {
    /// What a collector does with a file found inside a folder, by its name.
    public enum Verdict: Sendable, Equatable {
        /// The file is read.
        case read
        /// The file belongs to another command (a tests file among policies): passed over quietly.
        case elsewhere
        /// The file must not be here: an error with this reason.
        case refused(String)
        /// Any other file: not read, and listed in a note.
        case other
    }

    /// What the collector does with a file found inside a folder (files named directly are taken unless refused).
    public let verdict: @Sendable (String) -> Verdict
    /// The name endings of the files it reads, as the note on files passed over lists them.
    public let endings: [String]

    /// A collector for policies: data files, tests files left to `clearance test`.
    public static let yamlFiles = FileCollector { name in
        isTestsFile(name) ? .elsewhere : isDataFile(name) ? .read : isMarkdown(name) ? .elsewhere : .other
    }

    /// A collector for input documents: data files; a policy tests file among them is an error.
    public static let inputFiles = inputFiles(endings: dataEndings)

    /// A collector for input documents in files whose names end in one of `endings` (in any case);
    /// a policy tests file among them is an error.
    public static func inputFiles(endings: [String]) -> FileCollector {
        let lowered = endings.map { $0.lowercased() }
        return FileCollector(endings: endings) { name in
            let lower = name.lowercased()
            return isTestsFile(name) ? .refused("a policy test file among the inputs; policy tests belong with the policies")
                : lowered.contains(where: lower.hasSuffix) ? .read : isMarkdown(name) || isCSV(name) ? .elsewhere : .other
        }
    }

    /// The endings of the files YAML and JSON are read from.
    public static let dataEndings = [".yaml", ".yml", ".json"]

    /// A collector for policy tests files (`*.tests.yaml`).
    public static let testsFiles = FileCollector { isTestsFile($0) ? .read : .elsewhere }

    /// Creates a collector that treats names found inside folders by `verdict`, reading files whose names end in `endings`.
    public init(endings: [String] = dataEndings, verdict: @escaping @Sendable (String) -> Verdict) {
        self.endings = endings
        self.verdict = verdict
    }

    /// Whether a name ends in `.yaml`, `.yml` or `.json`, in any case.
    public static func isDataFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return dataEndings.contains(where: lower.hasSuffix)
    }

    /// Whether a name ends in `.md`, in any case: documentation beside the data, passed over quietly.
    public static func isMarkdown(_ name: String) -> Bool { name.lowercased().hasSuffix(".md") }

    /// Whether a name ends in `.csv`, in any case: a vendor's export beside the inputs, read only through `sources:`, passed over quietly.
    public static func isCSV(_ name: String) -> Bool { name.lowercased().hasSuffix(".csv") }

    /// Whether a name ends in `.tests.yaml` (or `.tests.yml`), in any case.
    public static func isTestsFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".tests.yaml") || lower.hasSuffix(".tests.yml")
    }

    /// The files under `paths`, in the order given, each folder's files sorted; every problem found;
    /// and notes on what was passed over (hidden entries counted, other files listed).
    public func files(in paths: [String]) -> (files: [String], problems: [Diagnostic], notes: [Diagnostic]) {
        var walk = Walk(verdict: verdict, endings: endings)
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                walk.problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: \(Self.reason(errno))", file: path))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk.root = Root(path: path, real: Self.realPath(path) ?? path)
                walk.walk(path, visiting: [FileIdentity(info)])
                walk.finishRoot()
            } else if case .refused(let reason) = verdict(path.split(separator: "/").last.map(String.init) ?? path) {
                walk.problems.append(Diagnostic(code: "input.refused", message: reason, file: path))
            } else {
                walk.files.append(path)
            }
        }
        return (walk.files, walk.problems, walk.notes)
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; `nil` when it cannot be resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why a path could not be examined, in words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ELOOP: "too many levels of symbolic links (a symlink loop)"
        case ENOENT: "no such file or directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// Where a symbolic link points, as written in the link, escaped.
    static func target(_ path: String) -> String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        return count < 0 ? "somewhere unreadable" : escaped(Array(buffer[0..<count]))
    }

    /// Bytes as text, printable ASCII as is and every other byte as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20, byte < 0x7F, byte != 0x5C {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return text
    }
}

/// A folder named by the user: symlinks under it must stay inside it.
private struct Root {
    /// The path as named.
    let path: String
    /// Its real path.
    let real: String

    /// The path as named, ending in `/`, for messages.
    var shown: String { path.hasSuffix("/") ? path : path + "/" }

    /// Whether a real path lies inside this folder (or is the folder).
    func contains(_ real: String) -> Bool {
        real == self.real || real.hasPrefix(self.real.hasSuffix("/") ? self.real : self.real + "/")
    }
}

/// The state of one collection: what was found under the folder being walked.
private struct Walk {
    let verdict: @Sendable (String) -> FileCollector.Verdict
    var files: [String] = []
    var problems: [Diagnostic] = []
    var notes: [Diagnostic] = []
    var root = Root(path: "", real: "")
    var hidden = 0
    var others: [String] = []

    let endings: [String]

    init(verdict: @escaping @Sendable (String) -> FileCollector.Verdict, endings: [String]) {
        self.verdict = verdict
        self.endings = endings
    }

    /// `a`, `a or b`, `a, b or c`.
    private static func either(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
    }

    /// Notes on what the folder just walked held and was not read.
    mutating func finishRoot() {
        if hidden > 0 {
            var note = Diagnostic(code: "input.hidden-skipped", message: "skipped \(hidden) hidden \(hidden == 1 ? "entry" : "entries") under \(root.shown)", location: nil)
            note.level = .note
            notes.append(note)
        }
        if !others.isEmpty {
            let listed = others.prefix(10).joined(separator: ", ") + (others.count > 10 ? " and \(others.count - 10) more" : "")
            var note = Diagnostic(code: "input.not-read",
                                  message: "not read, as their names do not end in \(Self.either(endings)): \(listed)", location: nil)
            note.level = .note
            notes.append(note)
        }
        (hidden, others) = (0, [])
    }

    mutating func walk(_ directory: String, visiting: [FileIdentity]) {
        guard let stream = opendir(directory) else {
            problems.append(Diagnostic(code: "file.unreadable", message: "cannot list the folder: \(String(cString: strerror(errno)).lowercased())", file: directory))
            return
        }
        var entries: [(name: String, type: UInt8, isASCII: Bool)] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if bytes.first == 0x2E {
                hidden += 1
                continue
            }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: the name is not valid UTF-8",
                                           file: Self.joined(directory, FileCollector.escaped(bytes))))
                continue
            }
            entries.append((name, entry.pointee.d_type, bytes.allSatisfy { $0 < 0x80 }))
        }
        closedir(stream)
        // Byte order; for two ASCII names that is the order `<` gives, and `<` is the faster of the two.
        entries.sort { $0.isASCII && $1.isASCII ? $0.name < $1.name : $0.name.precedesByBytes($1.name) }
        for (name, type, _) in entries {
            let path = Self.joined(directory, name)
            // The entry's type from the directory saves a stat per file; anything else is examined.
            if type == UInt8(DT_REG) {
                take(name, path)
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: \(FileCollector.reason(errno))", file: path))
                continue
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let real = FileCollector.realPath(path) else {
                    problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: \(FileCollector.reason(errno))", file: path))
                    continue
                }
                guard root.contains(real) else {
                    problems.append(Diagnostic(code: "file.symlink-outside",
                                               message: "a symbolic link that leaves \(root.shown) (it points to \(FileCollector.target(path))); it is not followed",
                                               file: path))
                    continue
                }
                guard stat(path, &info) == 0 else {
                    problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: \(FileCollector.reason(errno))", file: path))
                    continue
                }
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let identity = FileIdentity(info)
                if visiting.contains(identity) {
                    problems.append(Diagnostic(code: "file.symlink-loop", message: "symlink loop: this folder contains itself", file: path))
                    continue
                }
                walk(path, visiting: visiting + [identity])
            } else {
                take(name, path)
            }
        }
    }

    /// Reads, refuses, lists or quietly passes over a file by its name.
    private mutating func take(_ name: String, _ path: String) {
        switch verdict(name) {
        case .read: files.append(path)
        case .refused(let reason): problems.append(Diagnostic(code: "input.refused", message: reason, file: path))
        case .other: others.append(path)
        case .elsewhere: break
        }
    }

    private static func joined(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// A file's device and inode, to recognise a folder seen before.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
