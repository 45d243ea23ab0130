import ClearanceCore
import ClearanceDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the sources of `clearance.yaml` into observed documents: each export through its format, each record
/// linked to the declared members and service accounts, and one Source document per export.
public struct SourceLoader: Sendable {
    /// The formats the loader knows.
    public let formats: SourceFormats
    /// The limits files are read within.
    public let limits: LoaderLimits
    /// The table the documents' keys are symbols of.
    public let symbols: SymbolTable
    /// Whether reading adds keys to `symbols` or only looks them up.
    public let keys: KeyInterning

    /// A loader.
    public init(formats: SourceFormats = .standard, limits: LoaderLimits = .standard, symbols: SymbolTable, keys: KeyInterning = .intern) {
        self.formats = formats
        self.limits = limits
        self.symbols = symbols
        self.keys = keys
    }

    /// What one source gave.
    public struct Loaded: Sendable {
        /// The records' documents, then the Source document.
        public var documents: [Document]
        /// The export's summary.
        public var summary: SourceSummary
        /// The digests of the files read (the export, then its further files).
        public var digests: [FileDigest]
    }

    /// Every source, read on up to `jobs` threads and linked by `linker`; every problem of every source is reported together.
    public func load(_ declarations: [SourceDeclaration], linker: IdentityLinker, jobs: Int = 1) throws(Diagnostics) -> [Loaded] {
        let results = ParallelMap.map(declarations.count, jobs: jobs) { index -> Result<Loaded, Diagnostics> in
            do throws(Diagnostics) { return .success(try load(declarations[index], linker: linker, jobs: jobs)) } catch { return .failure(error) }
        }
        var loaded: [Loaded] = [], problems: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let one): loaded.append(one)
            case .failure(let found): problems += found.items
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return loaded
    }

    /// One source, its records linked and written on up to `jobs` threads.
    public func load(_ declaration: SourceDeclaration, linker: IdentityLinker, jobs: Int = 1) throws(Diagnostics) -> Loaded {
        guard let format = formats.format(named: declaration.format) else {
            throw Diagnostics([declaration.problem("format", code: "source.format",
                                                   "unknown source format \(declaration.format.quotedExcerpt)\(Suggestion.didYouMean(declaration.format, among: formats.names))")])
        }
        guard let generatedAt = declaration.generatedAt else {
            throw Diagnostics([declaration.problem("file", code: "config.source-generated-at", "source \(declaration.file.quotedExcerpt) has no `generated_at`")])
        }
        let (file, digest) = try read(declaration.path, written: declaration.file, declaration: declaration, key: "file")
        var extras: [String: SourceFile] = [:], digests = [digest]
        for key in declaration.extraFiles.keys.sorted() {
            let (written, path) = declaration.extraFiles[key]!  // safe: iterating its keys
            let (extra, extraDigest) = try read(path, written: written, declaration: declaration, key: key)
            extras[key] = extra
            digests.append(extraDigest)
        }
        let records = try format.records(in: SourceExport(declaration: declaration, file: file, extras: extras, limits: limits))
        // The records are linked and written in runs of `runLength`, each by a writer of its own, on up to `jobs` threads;
        // the documents stay in the records' order, and a problem is the first record's that has one.
        let runLength = 512, kind = format.recordKind
        var firstPositions: [Int] = [], mainFileRecords = 0  // each run's first position among the main file's documents
        for (index, record) in records.enumerated() {
            if index % runLength == 0 { firstPositions.append(mainFileRecords) }
            if record.file == nil { mainFileRecords += 1 }
        }
        let runs = ParallelMap.map(firstPositions.count, jobs: jobs) { [firstPositions] run -> Result<([Document], [String: Int]), Diagnostic> in
            let part = records[(run * runLength)..<min(records.count, (run + 1) * runLength)]
            var writer = ObservedDocumentWriter(declaration: declaration, kind: kind, file: file, sha256: digest.sha256, generatedAt: generatedAt,
                                                limits: limits, symbols: symbols, keys: keys, firstPosition: firstPositions[run])
            var documents: [Document] = [], links: [String: Int] = [:]
            documents.reserveCapacity(part.count)
            do throws(Diagnostic) {
                for record in part {
                    let link = switch kind {
                    case .employment: linker.employment(employeeID: record.nativeID, email: record.string("email"))
                    case .managedDevice: linker.device(serial: record.nativeID, email: record.string("owner_email"))
                    default: linker.account(system: declaration.system, scope: record.scope ?? declaration.scope, nativeID: record.nativeID,
                                            login: record.string("login"), email: record.string("email"))
                    }
                    links[link.state, default: 0] += 1
                    documents.append(try writer.document(record, link: link))
                }
            } catch {
                return .failure(error)
            }
            return .success((documents, links))
        }
        var documents: [Document] = []
        documents.reserveCapacity(records.count + 1)
        var links: [String: Int] = [:]
        // The entry's scope, else the one the file itself names for every record (the AWS account of the report's ARNs).
        let fileScopes = Set(records.compactMap(\.scope))
        let scope = declaration.scope ?? (fileScopes.count == 1 ? fileScopes.first : nil)
        do throws(Diagnostic) {
            for run in runs {
                let (written, counted) = try run.get()
                documents += written
                links.merge(counted, uniquingKeysWith: +)
            }
            documents.append(try ObservedDocumentWriter.sourceDocument(declaration, scope: scope, sha256: digest.sha256, generatedAt: generatedAt,
                                                                       records: records.count, recordKind: format.recordKind,
                                                                       limits: limits, symbols: symbols, keys: keys))
        } catch {
            throw Diagnostics([error])
        }
        let summary = SourceSummary(format: declaration.format, file: declaration.file, system: declaration.system, scope: scope,
                                    sha256: digest.sha256, generatedAt: generatedAt, records: records.count, links: links,
                                    extraFiles: Array(digests.dropFirst()))
        return Loaded(documents: documents, summary: summary, digests: digests)
    }

    /// The bytes of an export named in `clearance.yaml` as a source file with its digest; a link is not followed
    /// (an export is evidence: it is read where it lies, never through a link out of the tree).
    private func read(_ path: String, written: String, declaration: SourceDeclaration, key: String) throws(Diagnostics) -> (SourceFile, FileDigest) {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            throw Diagnostics([declaration.problem(key, code: "source.link",
                                                   "\(VisibleText.escaped(written)): a symbolic link; an export is read only from a regular file, never through a link")])
        }
        if let refusal = ExportPath.linkLeavingProject(path: path, written: written) {
            throw Diagnostics([declaration.problem(key, code: "source.link", "\(VisibleText.escaped(written)): \(refusal)")])
        }
        do throws(Diagnostic) {
            let bytes = try FileReader.read(path: path, limit: limits.maximumFileSize)
            return (SourceFile(path: path, text: bytes), FileDigest(path: path, role: .source, bytes: bytes))
        } catch {
            var located = declaration.problem(key, code: error.code, "\(VisibleText.escaped(written)): \(error.message)")
            located.notes = error.notes
            throw Diagnostics([located])
        }
    }
}
