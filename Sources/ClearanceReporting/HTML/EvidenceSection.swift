import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// What the run read and how it ran: the as-of time, the version, the command line, and every file's SHA-256.
struct EvidenceSection {
    /// One file read.
    struct File {
        let role: String
        let path: String
        let size: String
        let sha256: String
    }

    let asOf: String
    let version: String
    let commandLine: String
    let failOn: String
    let files: [File]
    /// `7 policy files and 31 input files, 123,456 bytes in all`.
    let fileSummary: String

    /// The evidence of a run: policy files first, then input files, each in the order read.
    init(_ report: Report, context: ReportContext) {
        asOf = report.asOf.rfc3339
        version = context.toolVersion
        commandLine = context.commandLine.map(Self.shellQuoted).joined(separator: " ")
        failOn = context.failOn.rawValue
        let digests = report.catalogue.digests + report.inputFiles
        files = digests.map { File(role: $0.role.rawValue, path: $0.path, size: $0.size.grouped, sha256: $0.sha256) }
        let policies = report.catalogue.digests.count, inputs = report.inputFiles.count
        fileSummary = "\(policies) policy file\(policies == 1 ? "" : "s") and \(inputs) input file\(inputs == 1 ? "" : "s"), "
            + "\(digests.map(\.size).reduce(0, +).grouped) bytes in all"
    }

    /// An argument as a POSIX shell reads it back: bare when it is plain, else in single quotes.
    static func shellQuoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=:,@%+".unicodeScalars.contains(scalar)
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
