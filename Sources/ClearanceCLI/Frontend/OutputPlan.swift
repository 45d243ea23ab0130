import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearanceReporting
#if canImport(Glibc)
import Glibc
#endif

/// Where each requested format goes: standard output, a file named with `FORMAT=PATH`, or a file in `--output`.
struct OutputPlan {
    struct Destination {
        var reporter: any Reporter.Type
        var path: String?
        /// Whether the path was made from `--output DIR`, where whatever is at it is replaced (never a device written to).
        var inOutputFolder = false
    }

    let destinations: [Destination]
    /// The `--output` folder (or `audit`'s report folder), if any.
    let outputFolder: String?

    /// Whether any requested format lists passing findings.
    var listsAllFindings: Bool { destinations.contains { $0.reporter.listsAllFindings } }
    /// Whether a format shows each subject's passes and skips as marks (the run counts them per subject).
    var marksPasses: Bool { destinations.contains { $0.reporter.marksPasses } }
    /// Whether the one format requested reads the findings as it writes them, so a run can keep none (``Report/streamed``).
    var streamsFindings: Bool { destinations.count == 1 && destinations[0].reporter.streamsFindings }
    /// The findings the one format requested shows of a run that keeps none, when it shows only some.
    func findingSelection(_ context: ReportContext) -> FindingSelection? {
        streamsFindings ? destinations[0].reporter.findingSelection(context) : nil
    }
    /// Whether any requested format records evidence.
    var recordsEvidence: Bool { destinations.contains { $0.reporter.recordsEvidence } }

    /// Reads `--format text,json=out.json` and `--output DIR`.
    init(formats: [String], output: String?) throws {
        if output == "" { throw ValidationError("--output needs a folder; got an empty path") }
        var destinations: [Destination] = []
        for item in formats.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let reporter = Reporters.named(parts[0]) else {
                let names = Reporters.all.map { $0.name }
                throw ValidationError("unknown format '\(parts[0])'\(Suggestion.didYouMean(parts[0], among: names)); formats: \(names.joined(separator: ", "))")
            }
            if parts.count == 2, parts[1].isEmpty { throw ValidationError("--format \(parts[0])= needs a file path; got an empty one") }
            let path = parts.count == 2 ? parts[1] : output.map { $0 + "/" + reporter.fileName }
            destinations.append(Destination(reporter: reporter, path: path, inOutputFolder: parts.count == 1 && output != nil))
        }
        if destinations.filter({ $0.path == nil }).count > 1 {
            throw ValidationError("several formats would go to standard output; give paths (--format json=report.json) or --output DIR")
        }
        self.destinations = destinations
        self.outputFolder = output
    }

    /// Renders and writes every format; a file that cannot be written is an error (exit 2), never skipped.
    ///
    /// Every file is first written in full to a new temporary file beside it, and only when all of them are written are
    /// they renamed into place: a failed or killed run leaves the previous report set (or none), never a mix.
    /// The file this plan writes that lists every finding, for the formats that show only some: the HTML report, else the
    /// JSON, else the text one.
    var fullReport: String? {
        for name in [HTMLReporter.name, JSONReporter.name, TextReporter.name] {
            if let path = destinations.first(where: { $0.reporter.name == name && $0.path != nil })?.path { return path }
        }
        return nil
    }

    func write(_ report: Report, context: ReportContext) throws {
        // Like a link among the inputs, a report folder that is a symbolic link (committed by a pull request, say)
        // is not followed: reports are written where they were asked for, or not at all.
        if let folder = outputFolder, Self.isSymbolicLink(folder) {
            Terminal.standardError.write("\(VisibleText.escaped(folder)): the report folder is a symbolic link; it is not followed\n")
            throw ExitStatus.untrusted
        }
        var context = context
        context.fullReport = fullReport
        // Each format is rendered while it is written, in pieces, so a large report is never held whole: files first (to
        // temporary files renamed into place together), then devices and pipes named as paths, then standard output.
        func content(_ destination: Destination) -> Content {
            var formatContext = context
            if destination.path != nil { formatContext.color = false }
            return { write in destination.reporter.init().stream(report, context: formatContext, to: write) }
        }
        var files: [(content: Content, path: String)] = []
        var devices: [(content: Content, path: String)] = []
        for destination in destinations {
            guard let path = destination.path else { continue }
            if !destination.inOutputFolder && Self.isDevice(path) { devices.append((content(destination), path)) } else { files.append((content(destination), path)) }
        }
        try Self.writeFiles(files)
        for device in devices { try Self.writeDevice(device.content, to: device.path) }
        for destination in destinations where destination.path == nil {
            let problem = Self.write(content(destination), to: Terminal.standardOutput.descriptor)
            if problem != 0 {
                Terminal.standardError.write("clearance: cannot write to standard output: \(String(cString: strerror(problem)))\n")
                throw ExitStatus.untrusted
            }
        }
    }

    /// A file's text, handed in order to the function it is given, piece by piece.
    typealias Content = ((String) -> Void) -> Void

    /// Writes a file named on the command line (creating its folder) through a temporary file renamed into place, or
    /// straight into it when it is a device or a pipe (`/dev/stdout`), checking every step.
    static func writeFile(_ text: String, to path: String) throws {
        if isDevice(path) { try writeDevice({ $0(text) }, to: path) } else { try writeFiles([(text, path)]) }
    }

    /// Whether a path names (through any symlinks) a character device or a pipe, which is written to, not replaced.
    static func isDevice(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT == S_IFCHR || status.st_mode & S_IFMT == S_IFIFO
    }

    /// Writes into an existing device or pipe, checking every step.
    private static func writeDevice(_ content: Content, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot create", errno) }
        var problem = write(content, to: descriptor)
        if close(descriptor) != 0, problem == 0 { problem = errno }
        if problem != 0 { throw failure(path, "cannot write", problem) }
    }

    /// Writes each file to a temporary file in its folder, then renames them all into place; on any failure the
    /// temporary files are removed and no file is replaced. A symlink at a path is replaced, never written through.
    static func writeFiles(_ files: [(text: String, path: String)]) throws {
        try writeFiles(files.map { file in (content: { $0(file.text) }, path: file.path) })
    }

    /// ``writeFiles(_:)-(_)`` for texts handed on in pieces.
    static func writeFiles(_ files: [(content: Content, path: String)]) throws {
        var written: [(temporary: String, path: String)] = []
        do {
            for file in files {
                if let slash = file.path.lastIndex(of: "/") { try makeFolder(String(file.path[..<slash])) }
                written.append((try writeTemporary(file.content, beside: file.path), file.path))
            }
        } catch {
            for file in written { unlink(file.temporary) }
            throw error
        }
        for (index, file) in written.enumerated() where rename(file.temporary, file.path) != 0 {
            let code = errno
            for rest in written[index...] { unlink(rest.temporary) }
            throw failure(file.path, "cannot replace", code)
        }
    }

    /// Creates a new file next to `path` (exclusively, never through a symlink), writes and syncs its content, and returns its path.
    private static func writeTemporary(_ content: Content, beside path: String) throws -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var attempt = 0
        while true {
            let temporary = folder + "." + name + ".\(getpid()).\(attempt).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                if errno == EEXIST, attempt < 100 { attempt += 1; continue }
                throw failure(path, "cannot create", errno)
            }
            var problem = write(content, to: descriptor)
            if problem == 0, fsync(descriptor) != 0, errno != EINVAL { problem = errno }
            if close(descriptor) != 0, problem == 0 { problem = errno }
            if problem != 0 {
                unlink(temporary)
                throw failure(path, "cannot write", problem)
            }
            return temporary
        }
    }

    /// Writes every piece of `content` to `descriptor`; the `errno` of the first write that failed (the pieces after it are
    /// made but not written), 0 when all were written.
    private static func write(_ content: Content, to descriptor: Int32) -> Int32 {
        let terminal = Terminal(descriptor: descriptor)
        var problem: Int32 = 0
        content { piece in
            if problem == 0, !terminal.write(piece) { problem = errno }
        }
        return problem
    }

    /// Whether the path itself (not what it points to) is a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var info = stat()
        return lstat(trimmed, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func makeFolder(_ path: String) throws {
        guard !path.isEmpty, !Session.fileExists(path) else { return }
        if let slash = path.lastIndex(of: "/") { try makeFolder(String(path[..<slash])) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path, "cannot create the folder", errno) }
    }

    private static func failure(_ path: String, _ what: String, _ code: Int32) -> Error {
        Terminal.standardError.write("\(VisibleText.escaped(path)): \(what): \(String(cString: strerror(code)).lowercased())\n")
        return ExitStatus.untrusted
    }
}
