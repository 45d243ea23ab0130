import ClearanceCore
import ClearanceDocument
import ClearancePacks
import Foundation

/// Loads policy packs in named stages — decode, reject unknown keys, compile expressions,
/// check ids, read framework tables and check rules' controls against them, index — collecting
/// every error, sorted by location.
public struct PolicyLoader: Sendable {
    /// The loader's limits for policy files.
    public let limits: LoaderLimits
    /// The kinds policies may target.
    public let kinds: DocumentKinds
    /// The table the policies' keys and their expressions' field names become symbols of: the
    /// one the documents they check are loaded with.
    public let symbols: SymbolTable
    /// What `clearance.yaml` sets: params by pack, overrides by rule.
    public let settings: ProjectSettings
    /// The evaluation time, against which overrides expire.
    public let now: Timestamp
    /// Whether settings for packs not loaded are left unused rather than refused: when the command line named
    /// the policies, the project's settings may be for packs it did not name.
    public let settingsMayNameOtherPacks: Bool

    /// Creates a loader for policies over `kinds`, interning into `symbols`, with the params and overrides of `settings`
    /// that are live at `now`.
    public init(limits: LoaderLimits = .standard, kinds: DocumentKinds = .standard, symbols: SymbolTable,
                settings: ProjectSettings = .none, now: Timestamp? = nil, settingsMayNameOtherPacks: Bool = false) {
        self.settingsMayNameOtherPacks = settingsMayNameOtherPacks
        self.limits = limits
        self.kinds = kinds
        self.symbols = symbols
        self.settings = settings
        self.now = now ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970)) ?? Timestamp(seconds: 0)!  // safe: the epoch is in range
    }

    /// Loads the policies in `paths` (files, or folders of `.yaml`/`.yml`/`.json` files, tests files excluded), in order;
    /// `builtin` stands for the packs built into Clearance and `builtin:<name>` for one of them (``BuiltinPacks``).
    public func load(paths: [String]) throws(Diagnostics) -> PolicySet {
        let stage = DecodeStage(limits: limits, kinds: kinds, symbols: symbols)
        var decoded: (drafts: [PolicyDraft], documents: [Document], digests: [FileDigest], problems: [Diagnostic]) = ([], [], [], [])
        func add(_ part: (drafts: [PolicyDraft], documents: [Document], digests: [FileDigest], problems: [Diagnostic])) {
            decoded = (decoded.drafts + part.drafts, decoded.documents + part.documents, decoded.digests + part.digests, decoded.problems + part.problems)
        }
        var problems: [Diagnostic] = []
        var found = false
        for path in paths {
            if BuiltinPacks.isReference(path) {
                guard let files = BuiltinPacks.files(path) else {
                    problems.append(Self.unknownBuiltin(path))
                    continue
                }
                found = found || !files.isEmpty
                for file in files { add(stage.run(bytes: Array(file.text.utf8), name: file.reference)) }
            } else {
                let collected = FileCollector.yamlFiles.files(in: [path])
                problems += collected.problems
                found = found || !collected.files.isEmpty
                add(stage.run(files: collected.files))
            }
        }
        if !found && problems.isEmpty {
            problems.append(Diagnostic(code: "policy.none", message: "no policy files found", file: paths.joined(separator: ", ")))
        }
        return try finish(decoded, problems: problems)
    }

    /// The error for `builtin:<name>` naming no built-in pack.
    static func unknownBuiltin(_ reference: String) -> Diagnostic {
        let names = BuiltinPacks.packs.map(\.reference)
        return Diagnostic(code: "policy.unknown-builtin",
                          message: "no built-in file is named '\(VisibleText.value(String(reference.dropFirst(BuiltinPacks.prefix.count))))'"
                            + "\(Suggestion.didYouMean(reference, among: names)); the built-in files are \(names.joined(separator: ", ")) (all of them: builtin; a folder called builtin: ./builtin)",
                          file: reference)
    }

    /// Loads the policies in `bytes`, the text of one policy file named `name` in messages.
    ///
    /// The same stages as ``load(paths:)`` without the file system: for tools and tests that hold the text.
    public func load(bytes: [UInt8], name: String) throws(Diagnostics) -> PolicySet {
        try finish(DecodeStage(limits: limits, kinds: kinds, symbols: symbols).run(bytes: bytes, name: name), problems: [])
    }

    /// The stages after decoding: unknown keys, compile, identifiers, framework tables, controls, index.
    private func finish(_ decoded: (drafts: [PolicyDraft], documents: [Document], digests: [FileDigest], problems: [Diagnostic]),
                        problems earlier: [Diagnostic]) throws(Diagnostics) -> PolicySet {
        var problems = earlier + decoded.problems
        problems += UnknownKeyStage(kinds: kinds).run(documents: decoded.documents)
        let settled = SettingsStage(settings: settings, now: now, mayNameOtherPacks: settingsMayNameOtherPacks).run(drafts: decoded.drafts)
        problems += settled.problems
        let compiled = CompileStage(kinds: kinds, symbols: symbols).run(drafts: decoded.drafts, settings: settled)
        problems += compiled.problems
        problems += IdentifierStage().run(drafts: decoded.drafts)
        let frameworks = FrameworkStage().run(documents: decoded.documents)
        problems += frameworks.problems
        problems += ControlStage(tables: frameworks.tables).run(drafts: decoded.drafts)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return IndexStage().run(kinds: kinds, policies: compiled.policies, digests: decoded.digests, warnings: compiled.warnings,
                                expiredOverrides: settled.expired, symbols: symbols, frameworks: frameworks.tables)
    }
}
