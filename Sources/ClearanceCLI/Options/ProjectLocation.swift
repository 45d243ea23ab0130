import ClearanceCore
import ClearancePacks
import ClearancePolicy
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where a command works: the project file (named, or found by searching upward from the current folder like git)
/// and the root folder every file is named from in what the command prints and writes.
///
/// The root is `GITHUB_WORKSPACE` when it holds the project, else the project file's folder (the current folder
/// without one, or under `--trusted-config`). The command moves into the root before it reads anything, and reads
/// each path given on the command line from the folder it was started in, so a run from a subfolder reads and
/// reports exactly what a run at the root does.
struct ProjectLocation: Sendable {
    /// The project file to read, named from the root; nil when there is none.
    let file: String?
    /// The folder the command was started in, named from the root: "" at the root, "sub/dir/" below it, "../x/" beside it.
    let start: String
    /// The checked tree's own project file (found from the start folder), named from the root; under `--trusted-config` it is not read.
    let ownFile: String?

    /// A path given on the command line (read from the start folder) as named from the root; absolute paths,
    /// built-in pack references and paths given at the root are unchanged.
    func path(_ path: String) -> String {
        guard !start.isEmpty, !path.isEmpty, !path.hasPrefix("/"), !BuiltinPacks.isReference(path) else { return path }
        var parts = start.split(separator: "/").map(String.init)
        let fixed = parts.count  // the start folder's own parts: a `..` may cancel them, being real folders
        var kept = fixed
        for part in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if part == "." || part.isEmpty { continue }
            if part == "..", kept > 0, parts.count == kept, parts.last != ".." {
                parts.removeLast()
                kept -= 1
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
        if joined.isEmpty { return "." }
        return BuiltinPacks.isReference(joined) ? "./" + joined : joined
    }

    /// Each path of `paths`, as ``path(_:)`` names it.
    func paths(_ paths: [String]) -> [String] { paths.map(path) }

    /// `--format` items (`text,json=report.json`) with each file path named from the root.
    func formats(_ formats: [String]) -> [String] {
        formats.map { list in
            list.split(separator: ",", omittingEmptySubsequences: false).map { item in
                guard let equals = item.firstIndex(of: "="), item[item.index(after: equals)...].isEmpty == false else { return String(item) }
                return String(item[...equals]) + path(String(item[item.index(after: equals)...]))
            }.joined(separator: ",")
        }
    }

    /// The location once entered: the working directory is the process's, so it is entered once per run.
    private static let entered = Mutex<ProjectLocation?>(nil)

    /// Finds the project file and moves into the root; later calls return the location found first.
    ///
    /// `config` is `--config`, `trustedConfig` `--trusted-config` (both read from the current folder).
    static func enter(config: String?, trustedConfig: String?, workspace: String? = Self.workspace) throws(Diagnostics) -> ProjectLocation {
        if let location = entered.withLock({ $0 }) { return location }
        guard let here = FileCollector.realPath(".") else {
            throw Diagnostics([Diagnostic(code: "config.no-folder", message: "the current folder cannot be resolved: \(String(cString: strerror(errno)))", location: nil)])
        }
        let own = search(from: here)
        if config == nil && trustedConfig == nil, let own { try requireInsideItsFolder(own, searchedFrom: here) }
        // The project's folder: the project file's, except under --trusted-config, whose inputs are the current folder's.
        var file = own, folder = here
        if let config {
            let named = config.hasPrefix("/") ? config : here + "/" + config
            let slash = named.lastIndex(of: "/")!  // safe: absolute
            let parent = slash == named.startIndex ? "/" : String(named[..<slash])
            if let real = FileCollector.realPath(parent) {
                folder = real
                file = (folder == "/" ? "" : folder) + "/" + named[named.index(after: slash)...]
                // A file named on the command line is no safer than one found: a checked tree can put a link in its place.
                try requireInsideItsFolder(file!, searchedFrom: here, named: config)  // safe: just set
            } else {
                file = nil  // a folder that does not exist: read (and fail to read) the file as named
            }
        } else if trustedConfig == nil, let own {
            folder = String(own[..<own.lastIndex(of: "/")!])  // safe: absolute
            if folder.isEmpty { folder = "/" }
        }
        var root = folder
        if let workspace, !workspace.isEmpty, let real = FileCollector.realPath(workspace), TrustedConfiguration.contains(real, folder) {
            root = real
        }
        if root != here && chdir(root) != 0 {
            throw Diagnostics([Diagnostic(code: "config.no-folder", message: "cannot work in the project folder: \(String(cString: strerror(errno)))", file: root)])
        }
        let start = here == root ? "" : relative(here, from: root) + "/"
        var location = ProjectLocation(file: nil, start: start, ownFile: nil)
        location = ProjectLocation(file: trustedConfig.map(location.path) ?? file.map { relative($0, from: root) } ?? config.map(location.path), start: start,
                                   ownFile: own.map { relative($0, from: root) })
        entered.withLock { $0 = location }
        return location
    }

    /// `error` with a way forward when it says that the default policy folder cannot be read in a run that found no
    /// project file: a newcomer in an empty folder learns about `clearance init` and the built-in packs.
    /// `named` is whether the command line named the policies (then they were asked for, and no advice is given).
    static func withWayForward(_ error: Diagnostics, policies: [String], named: Bool) -> Diagnostics {
        guard !named, let location = entered.withLock({ $0 }), location.file == nil, policies == [location.path("Policies")] else { return error }
        return Diagnostics(error.items.map { item in
            guard item.code == "file.unreadable", item.file == policies[0] else { return item }
            var explained = item
            explained.message += "; there is no \(ProjectConfiguration.fileName) here or in a folder above: `clearance init` writes a project to "
                + "start from, and --policies builtin names the packs built into clearance"
            return explained
        })
    }

    /// `GITHUB_WORKSPACE`, when set.
    static var workspace: String? { getenv("GITHUB_WORKSPACE").map { String(cString: $0) } }

    /// The nearest `clearance.yaml` in `folder` or above it, as an absolute path. The search stops at the top of a git
    /// repository (a folder holding `.git`) or at the file-system root: a project file above the repository belongs to
    /// another project.
    static func search(from folder: String) -> String? {
        var current = folder
        while true {
            let candidate = (current == "/" ? "" : current) + "/" + ProjectConfiguration.fileName
            var info = stat()
            if lstat(candidate, &info) == 0 { return candidate }
            if current == "/" || access((current == "/" ? "" : current) + "/.git", F_OK) == 0 { return nil }
            current = current.lastIndex(of: "/").map { $0 == current.startIndex ? "/" : String(current[..<$0]) } ?? "/"
        }
    }

    /// Fails when the project file found (or named by `--config`, as `given`), `file`, is a symbolic link leaving its folder: like a link among the inputs, it
    /// is not followed, since a checked tree could point it at a secret of the machine.
    static func requireInsideItsFolder(_ file: String, searchedFrom start: String, named given: String? = nil) throws(Diagnostics) {
        let folder = file.lastIndex(of: "/").map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? "/"
        guard let real = FileCollector.realPath(file), !TrustedConfiguration.contains(folder, real) else { return }
        let shown = folder == start ? "the current folder" : "its folder \(folder)/"
        let name = given.map(VisibleText.value) ?? (folder == start ? ProjectConfiguration.fileName : file)
        throw Diagnostics([Diagnostic(code: "config.symlink", message: "a symbolic link that leaves \(shown); it is not followed", file: name)])
    }

    /// `path` (absolute, links resolved where they exist) named from the absolute folder `root`.
    static func relative(_ path: String, from root: String) -> String {
        let target = path.split(separator: "/"), base = root.split(separator: "/")
        var common = 0
        while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
