import ClearanceCore
import ClearanceDocument

/// Reads input files into a checked ``DocumentSet``: every document has a known `kind` and an
/// `id`, ids are unique per kind, waivers come from waiver files only, are complete, name known rules,
/// match a loaded subject and are approved by an active member holding an approver role.
public struct InputLoader: Sendable {
    /// The loader's limits for input files.
    public let limits: LoaderLimits
    /// The readers of the file formats inputs may come in, chosen by file name.
    public let readers: InputReaders
    /// The table the documents' keys are symbols of: the one the policies were loaded with.
    public let symbols: SymbolTable
    /// Whether reading adds keys to `symbols` (loading a snapshot) or only looks them up.
    public let keys: KeyInterning

    /// Creates a loader whose documents' keys are symbols of `symbols`, added to it or only looked up,
    /// reading inputs with `readers`.
    public init(limits: LoaderLimits = .standard, symbols: SymbolTable, keys: KeyInterning = .intern, readers: InputReaders = .standard) {
        self.limits = limits
        self.symbols = symbols
        self.keys = keys
        self.readers = readers
    }

    /// Loads the inputs under `paths`, the waiver files `waiverPaths`, the documents under `context` and the vendors' exports of
    /// `sources` (each record linked to the members and service accounts loaded), checked against `policies`; files under
    /// `ignoring` (waiver files the command line replaced) are not read.
    ///
    /// Every named path must hold at least one file. A file is read once however many paths name it
    /// (compared by real path), in the role of the first: `paths`, then `waiverPaths`, then `context`.
    /// Context documents (and the waiver files, with `waiversAreContext`, and the sources' documents, with `sourcesAreContext`,
    /// except a source whose export one of `paths` names, directly or by a folder holding it)
    /// are loaded and checked like the rest, but are not subjects; one whose kind and id a subject has is left out.
    /// Files are read and parsed in batches on up to `jobs` threads and put back in input order.
    /// With `digests`, each file's SHA-256 is recorded as evidence; `progress`, when given, hears
    /// how many files have been read of how many.
    public func load(paths: [String], waiverPaths: [String] = [], ignoring: [String] = [], context: [String] = [], waiversAreContext: Bool = false,
                     sources: [SourceDeclaration] = [], sourcesAreContext: Bool = false, formats: SourceFormats = .standard,
                     waiverChecks: WaiverChecks = .strict, policies: PolicySet, jobs: Int = 1, digests: Bool = true,
                     progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(Diagnostics) -> DocumentSet {
        let named = paths.map { ($0, false, false) } + waiverPaths.map { ($0, waiversAreContext, true) } + context.map { ($0, true, false) }
        guard !named.isEmpty || !sources.isEmpty else {
            throw Diagnostics([Diagnostic(code: "input.none", message: "no inputs: name files or folders to check", location: nil)])
        }
        // An export a source names is read as that source only, never as an input document (a JSON export under an input folder).
        let exports = sources.flatMap { [$0.path] + $0.extraFiles.values.map(\.path) }
        let collected = Self.collect(named, ignoring: ignoring + exports, readers: readers)
        let files = collected.files
        let (limits, symbols, keys, readers) = (limits, symbols, keys, readers)
        var checker = DocumentChecker(policies: policies, symbols: symbols)
        checker.waiverChecks = waiverChecks
        let batchSize = max(1, min(32, files.count / max(1, jobs * 8)))
        let batchCount = (files.count + batchSize - 1) / batchSize
        let report = progress.map { progress in { @Sendable (batches: Int) in progress(min(files.count, batches * batchSize), files.count) } }
        var batches = ParallelMap.map(batchCount, jobs: jobs, done: report) { [checker] batch -> LoadedBatch in
            var sessions = [(any InputReadingSession)?](repeating: nil, count: readers.readers.count)
            var loaded = LoadedBatch()
            for file in files[(batch * batchSize)..<min(files.count, (batch + 1) * batchSize)] {
                do throws(Diagnostic) {
                    let bytes = try FileReader.read(path: file.path, limit: limits.maximumFileSize)
                    if digests { loaded.digests.append(FileDigest(path: file.path, role: file.isContext ? .context : .input, bytes: bytes)) }
                    let reader = readers.index(for: file.path) ?? 0  // a file named directly with another ending is read as YAML
                    var session = sessions[reader] ?? readers.readers[reader].session(limits: limits, symbols: symbols, keys: keys)
                    defer { sessions[reader] = session }
                    var entries: [DocumentChecker.Entry] = []
                    for document in try session.documents(in: bytes, path: file.path) {
                        var entry = checker.inspect(document.root, from: file.holdsWaivers ? .waiverFile : .inputFile)
                        entry.isContext = file.isContext
                        entry.replacesContext = file.replacesContext
                        entries.append(entry)
                    }
                    // Waivers quote their file in later checks; every other document lets its file's bytes go.
                    loaded.entries += file.holdsWaivers ? entries : Self.lettingTextGo(entries)
                } catch {
                    loaded.problems.append(error)
                }
            }
            return loaded
        }
        var problems = collected.problems + batches.flatMap(\.problems)
        let advisories = collected.notes
        // The batches' entries, batch by batch: a hundred thousand entries are read where they are, not copied into one list.
        var entries = batches.map(\.entries)
        let fileDigests = batches.flatMap(\.digests)
        batches = []
        var contextFiles = Set(files.filter(\.isContext).map(\.path))
        // A source whose export a subject path names (the file, or a folder holding it) stays a subject in a narrowed run.
        let subjectExports = sourcesAreContext ? Self.exports(of: sources, namedBy: paths) : []
        let observed = sources.isEmpty ? nil : readSources(sources, linking: Array(entries.joined()), formats: formats, checker: checker, jobs: jobs,
                                                           isContext: { sourcesAreContext && !subjectExports.contains($0) })
        if let observed {
            problems += observed.problems
            entries.append(observed.entries)
            contextFiles.formUnion(observed.contextFiles)
        }
        let checked = checker.combine(entries)
        entries = []
        problems += checked.problems
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let documents = DocumentSet(kinds: policies.kinds, documents: checked.documents, waivers: checked.waivers,
                                    digests: fileDigests + (digests ? observed?.digests ?? [] : []), sources: observed?.summaries ?? [],
                                    contextFiles: contextFiles, advisories: advisories + checked.advisories, jobs: jobs)
        let found = (waiverChecks.unmatchedSubject.map { WaiverSubjectCheck(policies: policies).diagnostics(documents.waivers, in: documents, level: $0) } ?? [])
            + WaiverApprovalCheck(checks: waiverChecks).diagnostics(documents.waivers, in: documents)
        let errors = found.filter { $0.level == .error }
        if !errors.isEmpty { throw Diagnostics(errors.sorted()) }
        return documents.adding(advisories: found)
    }

    /// One file's checked entries, moved to a copy of the file that keeps, of its text, only the lines errors found after
    /// these checks may quote (each document's first line and its `id`), each document compacted (its keys kept as symbols
    /// beside their values, ``Document/compacted(locatedIn:)``), so a loaded snapshot holds small trees, not its files too.
    static func lettingTextGo(_ entries: [DocumentChecker.Entry]) -> [DocumentChecker.Entry] {
        guard let source = entries.lazy.compactMap(\.document).first?.document.source, source.holdsText else { return entries }
        let lines = entries.flatMap { entry in [entry.document?.root.location.line, entry.idNode?.location.line].compactMap { $0 } }
        // Compacted documents keep their nodes' lines themselves: when every document of the file is, the copy keeps no
        // line table.
        let ours = entries.map { entry in entry.document.map { $0.document.source === source } ?? false }
        let keys = zip(entries, ours).map { entry, ours in ours ? entry.document?.document.keyRecords() : nil }
        let copy = source.keepingLines(lines, lineTable: zip(ours, keys).contains { ours, keys in ours && keys == nil })
        return zip(entries, zip(ours, keys)).map { entry, mine in
            let (ours, keys) = mine
            guard ours, let document = entry.document else { return entry }
            var moved = entry
            let (located, id): (Document, @Sendable (NodeID) -> NodeID) =
                if let keys { document.document.compacted(keys, locatedIn: copy) } else { (document.document.located(in: copy), { $0 }) }
            moved.document = InputDocument(kind: document.kind, id: document.id, root: Node(document: located, id: id(document.root.id)))
            moved.idNode = entry.idNode.map { Node(document: located, id: id($0.id)) }
            return moved
        }
    }

    /// The documents of every source, linked to the members and service accounts among `linking`, each checked on its own
    /// and marked context when `isContext` says so of its export's path, with the context files they are located in (the exports
    /// and `clearance.yaml`).
    private func readSources(_ sources: [SourceDeclaration], linking entries: [DocumentChecker.Entry], formats: SourceFormats,
                             checker: DocumentChecker, jobs: Int, isContext: (String) -> Bool)
        -> (entries: [DocumentChecker.Entry], summaries: [SourceSummary], digests: [FileDigest], contextFiles: Set<String>, problems: [Diagnostic]) {
        let declared = entries.compactMap { entry in entry.isContext && entry.replacesContext ? nil : entry.document }
        let linker = IdentityLinker(declared.filter { $0.kind == .teamMember || $0.kind == .serviceAccount })
        do throws(Diagnostics) {
            let loaded = try SourceLoader(formats: formats, limits: limits, symbols: symbols, keys: keys).load(sources, linker: linker, jobs: jobs)
            var checked: [DocumentChecker.Entry] = []
            var contextFiles = Set<String>(), subjectFiles = Set<String>()
            for (source, read) in zip(sources, loaded) {
                let documents = read.documents
                let context = isContext(source.path)
                checked += ParallelMap.map(documents.count, jobs: jobs) { index in
                    var entry = checker.inspect(documents[index].root, from: .source)
                    entry.isContext = context
                    return entry
                }
                if context { contextFiles.formUnion(documents.map(\.source.path)) } else { subjectFiles.formUnion(documents.map(\.source.path)) }
            }
            // The Source documents lie in clearance.yaml: it is context only when every source is.
            return (checked, loaded.map(\.summary), loaded.flatMap(\.digests), contextFiles.subtracting(subjectFiles), [])
        } catch {
            return ([], [], [], [], error.items)
        }
    }

    /// The files under each named path (with notes on what was passed over), each file once (by real path) in the role of the first path
    /// that names it; a path that holds no file is a problem of its own, whatever the others hold.
    ///
    /// A file under a waiver path holds waivers wherever else it is found (a waiver file kept in the
    /// input folder is read as a waiver file, not as an input); a file under `ignoring` is not read at all.
    ///
    /// A file that is not context and lies outside every context path (a copy of the team folder, say)
    /// replaces the context documents it shares a kind and id with; one inside a context path does not,
    /// since a second document with its id there is a duplicate in the project itself.
    static func collect(_ named: [(path: String, isContext: Bool, holdsWaivers: Bool)], ignoring: [String] = [],
                        readers: InputReaders = .standard) -> (files: [CollectedFile], problems: [Diagnostic], notes: [Diagnostic]) {
        let collector = FileCollector.inputFiles(endings: readers.fileEndings)
        var files: [CollectedFile] = []
        var problems: [Diagnostic] = []
        var notes: [Diagnostic] = []
        var seen = Set<String>()
        let contextRoots = named.filter(\.isContext).map { FileCollector.realPath($0.path) ?? $0.path }
        let waiverFiles = Self.realPaths(named.filter(\.holdsWaivers).map(\.path), collector)
        let ignored = Self.realPaths(ignoring, collector).subtracting(waiverFiles)
        for (path, isContext, _) in named {
            let found = collector.files(in: [path])
            problems += found.problems
            notes += found.notes.filter { !notes.contains($0) }
            if found.files.isEmpty && found.problems.isEmpty {
                // A gate pointed at the wrong folder must not pass: no file is not "nothing wrong".
                problems.append(Diagnostic(code: "input.none", message: "no \(readers.formatNames) files found in \(path)", location: nil))
            }
            let root = FileCollector.realPath(path) ?? path
            seen.reserveCapacity(seen.count + found.files.count)
            files.reserveCapacity(files.count + found.files.count)
            for file in found.files {
                let real = Self.canonical(file, named: path, real: root)
                guard ignored.isEmpty || !ignored.contains(real), seen.insert(real).inserted else { continue }
                let insideContext = contextRoots.contains { real == $0 || real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
                files.append(CollectedFile(path: file, isContext: isContext, replacesContext: !isContext && !insideContext,
                                           holdsWaivers: !waiverFiles.isEmpty && waiverFiles.contains(real)))
            }
        }
        return (files, problems, notes)
    }

    /// The paths of the exports (as `sources` name them) whose file or further files lie under one of `paths`.
    static func exports(of sources: [SourceDeclaration], namedBy paths: [String]) -> Set<String> {
        let roots = paths.map { FileCollector.realPath($0) ?? $0 }
        return Set(sources.filter { source in
            ([source.path] + source.extraFiles.values.map(\.path)).contains { export in
                let real = FileCollector.realPath(export) ?? export
                return roots.contains { root in real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
            }
        }.map(\.path))
    }

    /// The real paths of the files under `paths`.
    private static func realPaths(_ paths: [String], _ collector: FileCollector) -> Set<String> {
        var found = Set<String>()
        for path in paths {
            let root = FileCollector.realPath(path) ?? path
            for file in collector.files(in: [path]).files { found.insert(Self.canonical(file, named: path, real: root)) }
        }
        return found
    }

    /// A file's real path: the real path of the path it was found under, followed by the rest of its name.
    private static func canonical(_ file: String, named path: String, real root: String) -> String {
        // `file` starts with `path` (the collector joins names to it): the rest is cut by bytes, not counted in characters.
        let rest = file.utf8.starts(with: path.utf8) ? Substring(file.utf8.dropFirst(path.utf8.count)) : file.dropFirst(path.count)
        return rest.isEmpty || rest.hasPrefix("/") ? root + rest : root + "/" + rest
    }

    /// A file to read and its role.
    struct CollectedFile: Sendable {
        /// The path as found.
        var path: String
        /// Whether it is read only as context.
        var isContext: Bool
        /// Whether its documents replace context documents of the same kind and id.
        var replacesContext: Bool
        /// Whether it is a waiver file (and may hold only waivers).
        var holdsWaivers = false
    }

    /// What one batch of files gave.
    private struct LoadedBatch: Sendable {
        var entries: [DocumentChecker.Entry] = []
        var digests: [FileDigest] = []
        var problems: [Diagnostic] = []
    }

    /// Checks documents already loaded (the inline documents of a policy test, say).
    public func check(_ roots: [Node], policies: PolicySet) throws(Diagnostics) -> DocumentSet {
        try DocumentShapeCheck(policies: policies, symbols: symbols).check(roots)
    }
}

/// The check of documents already parsed against their kinds' shapes, prepared once for a set of policies and reused for
/// every batch (a server checks each request's body with one).
public struct DocumentShapeCheck: Sendable {
    private let checker: DocumentChecker
    private let kinds: DocumentKinds

    /// The check of `policies`' kinds, whose documents' keys are symbols of `symbols`.
    public init(policies: PolicySet, symbols: SymbolTable) {
        checker = DocumentChecker(policies: policies, symbols: symbols)
        kinds = policies.kinds
    }

    /// The documents of `roots`, each checked against its kind's shape; every problem found when any is.
    public func check(_ roots: [Node]) throws(Diagnostics) -> DocumentSet {
        let checked = checker.combine(roots.map { checker.inspect($0) })
        guard checked.problems.isEmpty else { throw Diagnostics(checked.problems) }
        return DocumentSet(kinds: kinds, documents: checked.documents, waivers: checked.waivers, digests: [], contextFiles: [], advisories: [])
    }
}
