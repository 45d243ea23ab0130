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
    }

    let destinations: [Destination]

    /// Whether any requested format lists passing findings.
    var listsAllFindings: Bool { destinations.contains { $0.reporter.listsAllFindings } }
    /// Whether any requested format records evidence.
    var recordsEvidence: Bool { destinations.contains { $0.reporter.recordsEvidence } }

    /// Reads `--format text,json=out.json` and `--output DIR`.
    init(formats: [String], output: String?) throws {
        var destinations: [Destination] = []
        for item in formats.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard let reporter = Reporters.named(parts[0]) else {
                let names = Reporters.all.map { $0.name }
                throw ValidationError("unknown format '\(parts[0])'\(Suggestion.didYouMean(parts[0], among: names)); formats: \(names.joined(separator: ", "))")
            }
            let path = parts.count == 2 ? parts[1] : output.map { $0 + "/" + reporter.fileName }
            destinations.append(Destination(reporter: reporter, path: path))
        }
        if destinations.filter({ $0.path == nil }).count > 1 {
            throw ValidationError("several formats would go to standard output; give paths (--format json=report.json) or --output DIR")
        }
        self.destinations = destinations
    }

    /// Renders and writes every format; a file that cannot be written is an error (exit 2), never skipped.
    func write(_ report: Report, context: ReportContext) throws {
        for destination in destinations {
            var formatContext = context
            if destination.path != nil { formatContext.color = false }
            let text = destination.reporter.init().render(report, context: formatContext)
            if let path = destination.path {
                try Self.writeFile(text, to: path)
            } else if !Terminal.standardOutput.write(text) {
                Terminal.standardError.write("clearance: cannot write to standard output: \(String(cString: strerror(errno)))\n")
                throw ExitStatus.untrusted
            }
        }
    }

    /// Writes a file (creating its folder), checking every step; the first failure is the one reported.
    static func writeFile(_ text: String, to path: String) throws {
        if let slash = path.lastIndex(of: "/") { try makeFolder(String(path[..<slash])) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "cannot create", errno) }
        var problem: Int32 = 0
        if !Terminal(descriptor: descriptor).write(text) { problem = errno }
        if problem == 0, fsync(descriptor) != 0, errno != EINVAL { problem = errno }
        if close(descriptor) != 0, problem == 0 { problem = errno }
        if problem != 0 { throw failure(path, "cannot write", problem) }
    }

    static func makeFolder(_ path: String) throws {
        guard !path.isEmpty, !Session.fileExists(path) else { return }
        if let slash = path.lastIndex(of: "/") { try makeFolder(String(path[..<slash])) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path, "cannot create the folder", errno) }
    }

    private static func failure(_ path: String, _ what: String, _ code: Int32) -> Error {
        Terminal.standardError.write("\(path): \(what): \(String(cString: strerror(code)).lowercased())\n")
        return ExitStatus.untrusted
    }
}
