import ClearanceCore
import ClearanceEngine
import ClearanceHistory
import ClearancePolicy
import Foundation

/// Records a finished run in the history (`--record`) and says so on standard error; a run that cannot be recorded
/// ends with exit 2, never as a pass.
enum RunRecorder {
    /// Records `report` (complete: its reports are written) with the accounts of `documents`. `paths` are what `check`
    /// reported on (empty for the whole project); `watched` is the watch list the run was evaluated with, when it did
    /// not keep every passing finding (see ``watchList(options:configuration:location:)``).
    static func record(_ report: Report, documents: DocumentSet, command: String, paths: [String], options: RecordOptions,
                       project: ProjectOptions, configuration: ProjectConfiguration, location: ProjectLocation,
                       watched: [String: Set<String>]? = nil) throws {
        try Session.guarded {
            let place = try HistoryPlace.location(given: options.history, configuration, location)
            let store = try HistoryPlace.open(place)
            defer { store.close() }
            let narrowed = !paths.isEmpty || !project.policies.isEmpty
            let scope = narrowed
                ? RunScope(paths: paths, policies: configuration.policiesReplaced ? configuration.policies : [],
                           subjects: paths.isEmpty ? nil : Session.checkedSubjects(documents),
                           rules: project.policies.isEmpty ? nil : Set(report.catalogue.rules.map(\.id)))
                : nil
            let recorded: RecordedRun
            do {
                let context = RunRecord.Context(command: command, recordedAt: Session.currentTime(), toolVersion: ClearanceCommand.version,
                                                gitRevision: gitRevision(), configBytes: location.file.flatMap(bytes), scope: scope,
                                                watched: try watched ?? store.watchList())
                recorded = try store.record(RunRecord(report: report, documents: documents, context: context))
            } catch {
                throw HistoryPlace.diagnostic(error)
            }
            Terminal.standardError.write("recorded run \(recorded.id) in \(VisibleText.escaped(store.name)): "
                                         + "\(changes(recorded.outcomeRows, "outcome")), \(changes(recorded.accountRows, "account"))\n")
        }
    }

    /// The watch list of the history a run will be recorded in, read before it is evaluated, so that it need keep only
    /// the passing findings the history can use; nil when the history cannot be read now (the run then keeps every
    /// finding, and recording reports the problem after the reports are written).
    static func watchList(options: RecordOptions, configuration: ProjectConfiguration, location: ProjectLocation) -> [String: Set<String>]? {
        guard let place = try? HistoryPlace.location(given: options.history, configuration, location),
              let store = try? HistoryPlace.open(place) else { return nil }
        defer { store.close() }
        return try? store.watchList()
    }

    /// "1 outcome change", "0 account changes".
    static func changes(_ count: Int, _ what: String) -> String { "\(count) \(what) change\(count == 1 ? "" : "s")" }

    /// The commit checked out in the project folder (the current one), when git knows one.
    static func gitRevision() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--verify", "--quiet", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, text.count >= 40, text.allSatisfy(\.isHexDigit) else { return nil }
        return text
    }

    /// A file's bytes, if it can be read.
    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
