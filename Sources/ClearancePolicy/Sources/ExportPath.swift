import ClearanceCore
import Foundation

/// Where an export named in `clearance.yaml` may be read from: never through a link out of the project folder.
///
/// The checked tree of a pull request controls its folders: with `exports` replaced by a link to a folder of the machine,
/// `exports/people.csv` would read (and quote in its errors) a file the configuration never named.
enum ExportPath {
    /// Why the export at `path`, written `written` in the configuration, must not be read, if it must not: a folder of its written
    /// path is a symbolic link that leaves the folder the configuration's paths start from.
    static func linkLeavingProject(path: String, written: String) -> String? {
        guard !written.hasPrefix("/"), path.hasSuffix(written) else { return nil }
        let folder = String(path.dropLast(written.count))
        guard let base = FileCollector.realPath(folder.isEmpty ? "." : folder) else { return nil }
        let folders = written.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        var prefix = folder
        for name in folders {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + name
            var info = stat()
            guard lstat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { continue }
            let real = FileCollector.realPath(prefix) ?? ""
            if real != base && !real.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
                let shown = String(prefix.dropFirst(folder.count))
                return "\(VisibleText.escaped(shown)) is a symbolic link that leaves the project folder (it points to \(FileCollector.target(prefix))); "
                    + "an export is never read through it"
            }
        }
        return nil
    }
}
