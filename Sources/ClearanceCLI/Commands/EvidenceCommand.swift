import ArgumentParser
import ClearanceCore
import ClearanceHistory
import ClearancePolicy

/// `clearance evidence --from DATE --to DATE`: writes the period's evidence package for an auditor into one folder.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Write the evidence of a period for an auditor: leavers and revocations, access reviews, a sample, the runs relied on.",
        discussion: "Writes leavers.csv, revocations.csv, reviews.csv, sample.csv, runs.csv, evidence.json and index.html into the output folder "
            + "(default evidence-FROM-TO beside clearance.yaml) and prints a summary. Reads the history (never writes it); without one, only the "
            + "declared revocation times are shown. Exit status: 0, or 2 when the project, the history or the folder cannot be used."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The first day of the period (2026-01-01, from midnight UTC) or an RFC 3339 date-time.", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The last day of the period (2026-09-30, to the end of the day UTC) or an RFC 3339 date-time.", valueName: "date"))
    var to: String

    @Option(help: ArgumentHelp("The history: a SQLite file (any path) or a postgres:// URL (default: `history` in clearance.yaml, else .clearance/history.sqlite).", valueName: "file-or-url"))
    var history: String?

    @Option(help: ArgumentHelp("The folder to write the package into (default: evidence-FROM-TO beside clearance.yaml).", valueName: "folder"))
    var output: String?

    @Option(help: ArgumentHelp("How many leavers to draw for the sample (default: 25, or all when fewer).", valueName: "n"))
    var sample: Int = 25

    @Option(help: ArgumentHelp("The seed of the sample, a whole number from 0 to 18446744073709551615 (default: one drawn at random and printed).", valueName: "seed"))
    var seed: String?

    func validate() throws {
        if case .failure(let problem) = EvidencePeriod.parse(from: from, to: to) { throw ValidationError(problem.description) }
        if sample < 0 { throw ValidationError("--sample must be 0 or more; got \(sample)") }
        if let seed, UInt64(seed) == nil {
            throw ValidationError("--seed must be a whole number from 0 to 18446744073709551615; got '\(VisibleText.value(seed))'")
        }
        if output?.isEmpty == true { throw ValidationError("--output needs a folder; got an empty path") }
        if history?.isEmpty == true { throw ValidationError("--history must name a SQLite file or a postgres:// URL; got an empty value") }
    }

    func run() throws {
        let period = try EvidencePeriod.parse(from: from, to: to).get()
        let location = try Session.guarded { try project.enter() }
        let progress = ProgressLine()
        defer { progress.finish() }
        let (configuration, policies, documents) = try Session.guarded {
            let configuration = try project.configuration()
            let policies = try Session.policies(configuration, now: project.now)
            let documents = try Session.documents([], configuration, project, policies, progress: progress)
            return (configuration, policies, documents)
        }
        progress.finish()
        let place = try Session.guarded { try HistoryPlace.location(given: history, configuration, location) }
        let recorded = try Session.guarded { () throws(Diagnostic) -> HistoryEvidence? in
            do {
                guard let store = try HistoryStores.openForReading(place) else { return nil }
                defer { store.close() }
                return try HistoryEvidence(store: store)
            } catch {
                throw HistoryPlace.diagnostic(error)
            }
        }
        let folder = output.map(location.path) ?? Self.defaultFolder(period, location)
        if output == nil { try Session.guarded { try Self.requireInsideProject(folder) } }
        let chosenSeed = seed.flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        let package = EvidencePackage(period: period, asOf: project.now, documents: documents, policies: policies, history: recorded,
                                      historyName: place.shown, sampleSize: sample, seed: chosenSeed)
        try EvidenceFolder.write(package, to: folder)
        print(Self.summary(package, folder: folder, seedGiven: seed != nil), terminator: "")
    }

    /// `evidence-FROM-TO` beside the project file, each end as its day.
    static func defaultFolder(_ period: EvidencePeriod, _ location: ProjectLocation) -> String {
        let folder = location.file.flatMap { file in file.lastIndex(of: "/").map { String(file[...$0]) } } ?? ""
        return folder + "evidence-" + String(period.start.rfc3339.prefix(10)) + "-" + String(period.toText.prefix(10))
    }

    /// Fails when the folders of `path` that exist lead out of the project folder (the current one) through a link.
    static func requireInsideProject(_ path: String) throws(Diagnostic) {
        guard let root = FileCollector.realPath(".") else { return }
        var existing = path
        while !existing.isEmpty {
            if let real = FileCollector.realPath(existing) {
                guard TrustedConfiguration.contains(root, real) else {
                    throw Diagnostic(code: "evidence.output", message: "the evidence folder \(VisibleText.escaped(path)) leads out of the project through a "
                                     + "symbolic link; name a folder with --output to write elsewhere", file: path)
                }
                return
            }
            guard let slash = existing.lastIndex(of: "/") else { return }
            existing = String(existing[..<slash])
        }
    }

    /// What the command prints: where the package is, the counts, the seed, the history.
    static func summary(_ package: EvidencePackage, folder: String, seedGiven: Bool) -> String {
        let rows = package.revocations
        let reviews = package.reviews.rows
        func count(_ n: Int, _ what: String) -> String { "\(n) \(what)\(n == 1 ? "" : "s")" }
        var lines = [
            "evidence for \(package.period.fromText) to \(package.period.toText) (as of \(package.asOf.rfc3339)) written to \(VisibleText.escaped(folder))/",
            "  leavers: \(package.leavers.count)",
            "  revocations: \(count(rows.count, "system")): \(rows.filter { $0.within == .yes }.count) within \(package.settings.revocationWindow), "
                + "\(rows.filter { $0.within == .no && $0.isRevoked }.count) late, \(rows.filter { !$0.isRevoked }.count) not revoked "
                + "(\(rows.filter { $0.basis == .observed }.count) observed, \(rows.filter { $0.basis == .declared }.count) declared)",
            "  access reviews: \(reviews.count) due, \(reviews.filter { $0.status == "done" }.count) done, \(reviews.filter { $0.status == "missed" }.count) missed, "
                + "\(reviews.filter { $0.status == "not shown" }.count) not shown by the member files",
            "  sample: \(package.sample.drawn.count) of \(package.sample.population) leavers, seed \(package.sample.seed)"
                + (seedGiven ? "" : " (drawn at random; --seed \(package.sample.seed) draws this sample again)"),
        ]
        if let history = package.history {
            lines.append("  history: \(VisibleText.escaped(history.name)), \(count(package.runs.count, "run")) relied on of \(history.runs.count) recorded")
        } else {
            lines.append("  history: none at \(VisibleText.escaped(package.historyName)): observed revocation times are unavailable; the revocations are the member files' declarations")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
