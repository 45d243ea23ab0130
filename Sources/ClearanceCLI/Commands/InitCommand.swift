import ArgumentParser
import ClearanceCore
import ClearanceDocument
import ClearancePacks
import ClearancePolicy
#if canImport(Glibc)
import Glibc
#endif

/// `clearance init [DIR]`: writes a project that `clearance audit` runs on at once, naming the built-in packs.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting project: clearance.yaml naming the built-in packs, an example team, vendor and access manifest.",
        discussion: """
            Writes clearance.yaml (policies: [builtin], inputs, waivers, fail_on, and every pack's settings with their defaults, \
            commented out), team/ (an engineer placed by a vendor and two security owners), vendors/, access/ and \
            README.md (with an example waiver). Never overwrites a file: when one exists already, nothing is written (exit 2). `clearance audit` in the \
            folder then checks the example, dated from --as-of (default: today).
            """
    )

    @Argument(help: "The folder to write into (default: the current folder); created when missing.")
    var folder: String = "."

    @OptionGroup var time: EvaluationTime

    func run() throws {
        let packs = try Session.guarded { try PolicyLoader(symbols: SymbolTable()).load(paths: [BuiltinPacks.all]) }
        let project = StarterProject(today: CivilTime(seconds: time.now.seconds), settings: SettingsTemplate(policies: packs.policies).text)
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let files = project.files.map { (path: prefix + $0.path, text: $0.text) }
        var problems = Self.folderProblems(folder)
        var folders: [String] = []
        for file in files {
            var parts = file.path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            while parts.count > prefix.split(separator: "/").count {
                let path = parts.joined(separator: "/")
                if !folders.contains(path) { folders.append(path) }
                parts = parts.dropLast()
            }
        }
        folders.sort()
        for path in folders { problems += Self.folderProblems(path) }
        for file in files {
            var info = stat()
            if lstat(file.path, &info) == 0 { problems.append("\(VisibleText.escaped(file.path)): exists already; clearance init never overwrites a file") }
        }
        guard problems.isEmpty else {
            Terminal.standardError.write(problems.joined(separator: "\n") + "\nnothing was written.\n")
            throw ExitStatus.untrusted
        }
        if let failure = Self.write(files, folders: [folder] + folders) {
            Terminal.standardError.write("\(VisibleText.escaped(failure.path)): cannot be written: \(failure.reason); nothing was written.\n")
            throw ExitStatus.untrusted
        }
        let shown = folder == "." ? "the current folder" : VisibleText.escaped(folder)
        print("Wrote a Clearance project in \(shown):")
        for file in files { print("  " + VisibleText.escaped(file.path)) }
        print("Next: \(folder == "." ? "" : "cd \(VisibleText.escaped(folder)) && ")clearance audit")
    }

    /// What stops writing into `path`: a symbolic link (init writes only into real folders) or something that is not a folder.
    static func folderProblems(_ path: String) -> [String] {
        var info = stat()
        guard lstat(path, &info) == 0 else { return [] }
        let shown = VisibleText.escaped(path)
        if info.st_mode & S_IFMT == S_IFLNK {
            return ["\(shown): a symbolic link; clearance init writes only into a real folder (name the folder it points to)"]
        }
        if info.st_mode & S_IFMT != S_IFDIR { return ["\(shown): exists and is not a folder"] }
        return []
    }

    /// Creates `folders` and writes `files`; on a failure, removes the files it wrote (a half-written project would
    /// mislead) and returns what failed.
    static func write(_ files: [(path: String, text: String)], folders: [String]) -> WriteFailure? {
        var written: [String] = []
        for path in folders {
            if let failure = makeFolder(path) { return failure }
        }
        for file in files {
            if let failure = create(file.path, file.text) {
                for path in written.reversed() { unlink(path) }
                return failure
            }
            written.append(file.path)
        }
        return nil
    }

    /// A file or folder that could not be written, and why.
    struct WriteFailure {
        let path: String
        let reason: String
    }

    /// Creates `path` and its missing parents.
    static func makeFolder(_ path: String) -> WriteFailure? {
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                return WriteFailure(path: current, reason: String(cString: strerror(errno)))
            }
        }
        return nil
    }

    /// Creates a new file holding `text`; never follows a link and never replaces a file.
    static func create(_ path: String, _ text: String) -> WriteFailure? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return WriteFailure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return WriteFailure(path: path, reason: String(cString: strerror(errno))) }
            offset += count
        }
        return nil
    }
}
