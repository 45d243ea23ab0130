import ClearanceCore
import ClearanceHistory
import ClearancePolicy

/// Which history a command uses: `--history` (any file, or a URL), else `history:` in clearance.yaml (a file inside
/// the project, or a URL), else `.clearance/history.sqlite` beside the project file.
enum HistoryPlace {
    /// The history's location; `given` is `--history` as typed. A file that clearance.yaml names, or the default, must
    /// not lead out of the project through a symbolic link.
    static func location(given: String?, _ configuration: ProjectConfiguration, _ location: ProjectLocation) throws(Diagnostic) -> HistoryLocation {
        let text: String
        var fromProject = false
        if let given {
            text = PostgresURL.isURL(given) ? given : location.path(given)
        } else if let configured = configuration.history {
            text = configured
            fromProject = true
        } else {
            let folder = location.file.flatMap { file in file.lastIndex(of: "/").map { String(file[...$0]) } } ?? ""
            text = folder + ProjectConfiguration.defaultHistory
            fromProject = true
        }
        switch HistoryLocation.parse(text) {
        case .failure(let problem):
            let message = "the PostgreSQL URL of the history is not usable: \(problem.reason)"
            if given == nil, let place = configuration.historyLocation { throw Diagnostic(code: "config.history", message: message, location: place) }
            throw Diagnostic(code: "history.url", message: "--history: " + message, location: nil)
        case .success(let parsed):
            if fromProject, case .sqlite(let path) = parsed { try requireInsideProject(path, configuration) }
            return parsed
        }
    }

    /// Fails when the folders of `path` that exist lead out of the project folder (the current one) through a link.
    static func requireInsideProject(_ path: String, _ configuration: ProjectConfiguration) throws(Diagnostic) {
        guard let root = FileCollector.realPath(".") else { return }
        var existing = path
        while true {
            if let real = FileCollector.realPath(existing) {
                guard TrustedConfiguration.contains(root, real) else {
                    let message = "the history \(VisibleText.escaped(path)) leads out of the project through a symbolic link; name it with --history to use it"
                    if let place = configuration.historyLocation { throw Diagnostic(code: "config.history", message: message, location: place) }
                    throw Diagnostic(code: "config.history", message: message, file: path)
                }
                return
            }
            guard let slash = existing.lastIndex(of: "/") else { return }
            existing = String(existing[..<slash])
            if existing.isEmpty { return }
        }
    }

    /// Opens the history, as a diagnostic naming it when it cannot be used.
    static func open(_ location: HistoryLocation) throws(Diagnostic) -> any HistoryStore {
        do {
            return try HistoryStores.open(location, toolVersion: ClearanceCommand.version, now: Session.currentTime().seconds)
        } catch {
            throw diagnostic(error)
        }
    }

    /// A history error as the command line prints it: `store: message`.
    static func diagnostic(_ error: any Error) -> Diagnostic {
        guard let error = error as? HistoryError else { return Diagnostic(code: HistoryError.Code.failed.rawValue, message: "\(error)", location: nil) }
        return Diagnostic(code: error.code.rawValue, message: error.message, file: error.store)
    }
}
