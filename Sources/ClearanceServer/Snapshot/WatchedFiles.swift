#if canImport(Glibc)
import Glibc
#endif

/// The paths a snapshot was loaded from, to be compared by their ``FileSignature``s: each file read, and each folder at or
/// under a watched folder (a file added or removed there changes the folder's times). Hidden entries are passed over, as the
/// loader passes them over.
struct WatchedFiles: Sendable {
    /// The files and folders, each once, in the order first met.
    let paths: [String]

    /// The paths of `watched` with the folders under each watched folder.
    init(_ watched: [String]) {
        var paths: [String] = []
        var seen = Set<String>()
        for path in watched where seen.insert(path).inserted {
            paths.append(path)
            for folder in Self.folders(under: path) where seen.insert(folder).inserted { paths.append(folder) }
        }
        self.paths = paths
    }

    /// The signature of every path now, in the order of ``paths``.
    func signatures() -> [FileSignature] { paths.map(FileSignature.of) }

    /// The first path whose signature differs between `old` and `new`, if any.
    func firstChange(_ old: [FileSignature], _ new: [FileSignature]) -> String? {
        zip(paths, zip(old, new)).first { $0.1.0 != $0.1.1 }?.0
    }

    /// The first path whose later modification or change time lies in `times` (nanoseconds since the epoch), if any.
    func firstChanged(in times: ClosedRange<Int64>, _ signatures: [FileSignature]) -> String? {
        zip(paths, signatures).first { times.contains($0.1.latest) }?.0
    }

    /// Every folder under `path` (not `path` itself), depth first, not following links to folders.
    static func folders(under path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let folder = path.hasSuffix("/") ? path + name : path + "/" + name
            guard entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) && isFolder(folder) else { continue }
            found.append(folder)
            found += folders(under: folder)
        }
        return found
    }

    /// Whether `path` is a folder itself, not a link to one (for file systems whose listings do not say).
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
