import ClearanceCore
#if canImport(Glibc)
import Glibc
#endif

/// Turns the paths a user gave into the files to read: files as given, folders walked recursively
/// in sorted order for `.yaml`, `.yml` and `.json` files, skipping hidden entries.
///
/// A path that does not exist, a folder that cannot be listed and a symlink loop are errors,
/// never silently skipped.
public struct FileCollector: Sendable {
    /// Whether a file found inside a folder is taken (files named directly are always taken).
    public let accepts: @Sendable (String) -> Bool

    /// A collector for input documents and policies (tests files are not policies).
    public static let yamlFiles = FileCollector { name in
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")) && !name.hasSuffix(".tests.yaml")
    }

    /// A collector for policy tests files (`*.tests.yaml`).
    public static let testsFiles = FileCollector { $0.hasSuffix(".tests.yaml") }

    /// Creates a collector with a name filter for files inside folders.
    public init(accepts: @escaping @Sendable (String) -> Bool) { self.accepts = accepts }

    /// The files under `paths`, in the order given, each folder's files sorted; or every problem found.
    public func files(in paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let reason = errno == ELOOP ? "too many levels of symbolic links (a symlink loop)"
                    : errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno)).lowercased()
                problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: \(reason)", file: path))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, visiting: [FileIdentity(info)], into: &files, problems: &problems)
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; `nil` when it cannot be resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func walk(_ directory: String, visiting: [FileIdentity], into files: inout [String], problems: inout [Diagnostic]) {
        guard let stream = opendir(directory) else {
            problems.append(Diagnostic(code: "file.unreadable", message: "cannot list the folder: \(String(cString: strerror(errno)).lowercased())", file: directory))
            return
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { entries.append((name, entry.pointee.d_type)) }
        }
        closedir(stream)
        entries.sort { $0.name.precedesByBytes($1.name) }
        for (name, type) in entries {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            // The entry's type from the directory saves a stat per file; links and unknown types are followed.
            if type == UInt8(DT_REG) {
                if accepts(name) { files.append(path) }
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                if accepts(name) || errno == ELOOP {
                    let reason = errno == ELOOP ? "too many levels of symbolic links (a symlink loop)" : String(cString: strerror(errno)).lowercased()
                    problems.append(Diagnostic(code: "file.unreadable", message: "cannot read: \(reason)", file: path))
                }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let identity = FileIdentity(info)
                if visiting.contains(identity) {
                    problems.append(Diagnostic(code: "file.symlink-loop", message: "symlink loop: this folder contains itself", file: path))
                    continue
                }
                walk(path, visiting: visiting + [identity], into: &files, problems: &problems)
            } else if accepts(name) {
                files.append(path)
            }
        }
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
