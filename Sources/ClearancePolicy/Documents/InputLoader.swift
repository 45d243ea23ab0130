import ClearanceCore
import ClearanceYAML

/// Reads input files into a checked ``DocumentSet``: every document has a known `kind` and an
/// `id`, ids are unique per kind, waivers are complete and name known rules.
public struct InputLoader: Sendable {
    /// The loader's limits for input files.
    public let limits: LoaderLimits

    /// Creates a loader.
    public init(limits: LoaderLimits = .standard) { self.limits = limits }

    /// Loads the inputs under `paths` and the waiver files `waiverPaths`, checked against `policies`.
    ///
    /// Files are read and parsed in batches on up to `jobs` threads and put back in input order.
    /// With `digests`, each file's SHA-256 is recorded as evidence; `progress`, when given, hears
    /// how many files have been read of how many.
    public func load(paths: [String], waiverPaths: [String] = [], policies: PolicySet, jobs: Int = 1, digests: Bool = true,
                     progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(Diagnostics) -> DocumentSet {
        let collected = FileCollector.yamlFiles.files(in: paths + waiverPaths)
        guard !collected.files.isEmpty || !collected.problems.isEmpty else {
            // A gate pointed at the wrong folder must not pass: no file is not "nothing wrong".
            throw Diagnostics([Diagnostic(code: "input.none", message: "no YAML or JSON files found in \((paths + waiverPaths).joined(separator: ", "))",
                                          location: nil)])
        }
        var seen = Set<String>()
        let files = collected.files.filter { seen.insert($0).inserted }  // a file named twice is read once
        let limits = limits, checker = DocumentChecker(policies: policies)
        let batchSize = max(1, min(32, files.count / max(1, jobs * 8)))
        let batchCount = (files.count + batchSize - 1) / batchSize
        let report = progress.map { progress in { @Sendable (batches: Int) in progress(min(files.count, batches * batchSize), files.count) } }
        let batches = ParallelMap.map(batchCount, jobs: jobs, done: report) { batch -> LoadedBatch in
            let loader = YAMLLoader(limits: limits)
            var loaded = LoadedBatch()
            for file in files[(batch * batchSize)..<min(files.count, (batch + 1) * batchSize)] {
                do throws(Diagnostic) {
                    let bytes = try FileReader.read(path: file, limit: limits.maximumFileSize)
                    if digests { loaded.digests.append(FileDigest(path: file, role: .input, bytes: bytes)) }
                    for document in try loader.load(bytes: bytes, name: file, retainText: false, allowEmpty: false) {
                        loaded.entries.append(checker.inspect(document.root))
                    }
                } catch {
                    loaded.problems.append(error)
                }
            }
            return loaded
        }
        var problems = collected.problems + batches.flatMap(\.problems)
        let checked = checker.combine(batches.flatMap(\.entries))
        problems += checked.problems
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return DocumentSet(documents: checked.documents, waivers: checked.waivers, digests: batches.flatMap(\.digests))
    }

    /// What one batch of files gave.
    private struct LoadedBatch: Sendable {
        var entries: [DocumentChecker.Entry] = []
        var digests: [FileDigest] = []
        var problems: [Diagnostic] = []
    }

    /// Checks documents already loaded (the inline documents of a policy test, say).
    public func check(_ roots: [Node], policies: PolicySet) throws(Diagnostics) -> DocumentSet {
        let checker = DocumentChecker(policies: policies)
        let checked = checker.combine(roots.map(checker.inspect))
        guard checked.problems.isEmpty else { throw Diagnostics(checked.problems) }
        return DocumentSet(documents: checked.documents, waivers: checked.waivers, digests: [])
    }
}
