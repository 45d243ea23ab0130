import ArgumentParser
import ClearanceCore
import ClearanceDocument
import ClearancePolicy
#if canImport(Glibc)
import Glibc
#endif

/// `clearance inspect FILE...`: prints every document as Clearance resolved it, one JSON value per line; with `--format`,
/// the documents a vendor's export becomes as a source.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print documents as Clearance resolved them, one JSON value per line.",
        discussion: """
            Timestamps print as RFC 3339 strings. Use it to see how a value in a policy or a state file was read. \
            With --format, each file is read as a vendor's export of that source format (`clearance sources --formats` lists them) \
            and the Account or Employment documents it becomes are printed, then its Source document; without --format, a file a \
            `sources:` entry of the project names is read as that entry says. When a clearance.yaml is found \
            (--config, or upward from here), each record is linked to the members and service accounts of its inputs, as `clearance check` \
            links them; without one, every record is unlinked.
            """
    )

    @Argument(help: "YAML or JSON files to read (with --format, vendors' exports).")
    var files: [String]

    @Flag(help: "Wrap every node as {\"line\":L,\"column\":C,\"value\":V}.")
    var marks = false

    @Option(help: ArgumentHelp("Read each file as a vendor's export of this source format, such as aws-iam-credential-report.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("generated-at"), help: ArgumentHelp("With --format: when the export was made, a date or an RFC 3339 date-time (default: the file's modification time).", valueName: "time"))
    var generatedAt: String?

    @Option(help: ArgumentHelp("With --format: the system its records belong to (default: the format's).", valueName: "system"))
    var system: String?

    @Option(help: ArgumentHelp("With --format: the account, organisation or tenant, such as 111122223333 or acme.", valueName: "scope"))
    var scope: String?

    @Option(help: ArgumentHelp("With --format: the environment, such as production.", valueName: "environment"))
    var environment: String?

    @Option(name: .customLong("with"), help: ArgumentHelp("With --format: a further file or option of the format (repeatable), such as admins=github-admins.json, preset=bamboohr, columns.email=Work Email or privileged.slugs=admin,owner.", valueName: "key=value"))
    var settings: [String] = []

    @Option(help: ArgumentHelp("With --format: the project file whose members records are linked to (default: the nearest clearance.yaml).", valueName: "file"))
    var config: String?

    func validate() throws {
        guard let name = format else {
            let given = [("--generated-at", generatedAt), ("--system", system), ("--scope", scope), ("--environment", environment), ("--config", config)]
                .filter { $0.1 != nil }.map(\.0) + (settings.isEmpty ? [] : ["--with"])
            if let first = given.first { throw ValidationError("\(first) needs --format: it describes a vendor's export") }
            return
        }
        guard let format = SourceFormats.standard.format(named: name) else {
            let names = SourceFormats.standard.names
            throw ValidationError("unknown source format '\(VisibleText.value(name))'\(Suggestion.didYouMean(name, among: names)); known: \(names.joined(separator: ", "))")
        }
        if format.needsSystem, system == nil {
            throw ValidationError("format \(name) needs --system: it reads exports of many systems, so name this one's (such as salesforce)")
        }
        if let generatedAt, EvaluationTime.timestamp(generatedAt) == nil {
            throw ValidationError("--generated-at must be a date (2026-11-19) or an RFC 3339 date-time (2026-11-19T06:00:00Z); got '\(VisibleText.value(generatedAt))'")
        }
        let accepted = format.extraFiles.map(\.key) + format.options.map(\.key)
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else { throw ValidationError("--with takes key=value; got '\(VisibleText.value(setting))'") }
            let key = String(setting[..<equals])
            if key.hasPrefix("privileged."), format.options.contains(where: { $0.key == "privileged" }) {
                let part = String(key.dropFirst("privileged.".count)), parts = PolicyShapes.batonPrivilege.properties.map(\.name)
                guard parts.contains(part) else {
                    throw ValidationError("`privileged` has no part `\(VisibleText.value(part))`\(Suggestion.didYouMean(part, among: parts)); it takes "
                                          + parts.map { "privileged.\($0)" }.joined(separator: ", "))
                }
            }
            if accepted.contains(key) || Self.nestedOptions.contains(where: { option in
                key.hasPrefix(option + ".") && key.count > option.count + 1 && format.options.contains { $0.key == option }
            }) { continue }
            throw ValidationError("format \(name) does not read `\(VisibleText.value(key))`"
                                  + (accepted.isEmpty ? "; it takes no further files or options" : "; it reads " + accepted.map { "`\($0)`" }.joined(separator: ", ")))
        }
    }

    func run() throws {
        if let format { return try inspectExports(format) }
        let location = try Session.guarded { try ProjectLocation.enter(config: nil, trustedConfig: nil) }
        let configured = try Session.guarded { try Self.configuredSources(location) }
        let loader = YAMLLoader(symbols: SymbolTable())
        let paths = files.map(location.path)
        var projectLinker: IdentityLinker?  // read once, for the first export among the files
        var failed = false
        for file in paths {
            do throws(Diagnostics) {
                // An export a `sources:` entry names is read as that entry reads it.
                if let declaration = configured.first(where: { Self.samePath($0.path, file) }) {
                    if projectLinker == nil { projectLinker = try Self.linker(location, inspecting: []) }  // the configured exports are left out already
                    let linker = projectLinker ?? IdentityLinker([])
                    let loaded = try SourceLoader(symbols: SymbolTable()).load(declaration, linker: linker)
                    print(loaded.documents.map { $0.root.json(marks: marks) + "\n" }.joined(), terminator: "")
                    continue
                }
                let documents: [Document]
                do throws(Diagnostic) { documents = try loader.load(file: file) } catch { throw Diagnostics([error]) }
                var output = ""
                for document in documents {
                    output += document.root.json(marks: marks) + "\n"
                }
                print(output, terminator: "")
            } catch {
                failed = true
                Terminal.standardError.write(error.rendered + "\n")
            }
        }
        if failed { throw ExitStatus.untrusted }
    }

    /// Each file read as an export of `format`, linked to the project's members when there is a project.
    private func inspectExports(_ format: String) throws {
        let location = try Session.guarded { try ProjectLocation.enter(config: config, trustedConfig: nil) }
        let linker = try Session.guarded { try Self.linker(location, inspecting: files.map(location.path)) }
        if location.file == nil { Terminal.standardError.write("note: no clearance.yaml found: records are linked to no one\n") }
        var failed = false
        for file in files {
            do throws(Diagnostics) {
                let declaration = try self.declaration(format: format, file: file, location: location)
                let loaded = try SourceLoader(symbols: SymbolTable()).load(declaration, linker: linker)
                print(loaded.documents.map { $0.root.json(marks: marks) + "\n" }.joined(), terminator: "")
            } catch {
                failed = true
                // A problem with the entry the command line describes is told without the entry's made-up place.
                let told = error.items.map { $0.location?.file == Self.entryName ? Diagnostic(code: $0.code, message: $0.message, location: nil) : $0 }
                Terminal.standardError.write(Diagnostics(told).rendered + "\n")
            }
        }
        if failed { throw ExitStatus.untrusted }
    }

    /// The `sources:` entries of the project's clearance.yaml (none without a project).
    private static func configuredSources(_ location: ProjectLocation) throws(Diagnostics) -> [SourceDeclaration] {
        guard let file = location.file else { return [] }
        return try ProjectConfiguration.load(path: file).sources
    }

    /// Whether two paths name one file.
    private static func samePath(_ first: String, _ second: String) -> Bool {
        first == second || (FileCollector.realPath(first).map { $0 == FileCollector.realPath(second) } ?? false)
    }

    /// The options whose parts `--with` sets one by one: `columns.email=Work Email` (a string), `privileged.slugs=admin,owner` (a list).
    private static let nestedOptions = ["columns", "privileged"]

    /// The name of the `sources:` entry made from the command line.
    private static let entryName = "command line"

    /// A linker over the members and service accounts of the project's inputs (none without a project); the configured exports
    /// and the files `inspecting` are not read as inputs, wherever they lie.
    private static func linker(_ location: ProjectLocation, inspecting: [String]) throws(Diagnostics) -> IdentityLinker {
        guard let file = location.file else { return IdentityLinker([]) }
        var configuration = try ProjectConfiguration.load(path: file)
        guard !configuration.inputs.isEmpty else { return IdentityLinker([]) }
        let exports = configuration.sources.flatMap { [$0.path] + $0.extraFiles.values.map(\.path) } + inspecting
        configuration.sources = []
        let policies = try Session.policies(configuration)
        // Waivers are read only to keep them out of the inputs; whom they name does not matter here.
        let checks = WaiverChecks(unknownRule: .note, unmatchedSubject: nil, unapproved: nil)
        let documents = try InputLoader(symbols: policies.symbols).load(paths: configuration.inputs, waiverPaths: configuration.waivers,
                                                                         ignoring: configuration.replacedWaivers + exports,
                                                                         waiverChecks: checks, policies: policies, digests: false)
        return IdentityLinker(documents.documents(of: .teamMember) + documents.documents(of: .serviceAccount))
    }

    /// The `sources:` entry the command line describes for one file, as a node of its own (problems with it are located there).
    private func declaration(format: String, file: String, location: ProjectLocation) throws(Diagnostics) -> SourceDeclaration {
        let path = location.path(file)
        let time = generatedAt.flatMap(EvaluationTime.timestamp) ?? Self.modificationTime(path) ?? Session.currentTime()
        var entries: [(String, String)] = [("format", format), ("file", file)]
        if let system { entries.append(("system", system)) }
        if let scope { entries.append(("scope", scope)) }
        if let environment { entries.append(("environment", environment)) }
        entries.append(("generated_at", time.rfc3339))
        var extras: [String: (written: String, path: String)] = [:], options: [String: String] = [:], columns: [String: String] = [:]
        var privileged: [String: [String]] = [:]
        let fileKeys = Set(SourceFormats.standard.format(named: format)?.extraFiles.map(\.key) ?? [])
        for setting in settings {
            let equals = setting.firstIndex(of: "=")!  // safe: checked in validate()
            let (key, value) = (String(setting[..<equals]), String(setting[setting.index(after: equals)...]))
            if key.hasPrefix("columns.") {
                columns[String(key.dropFirst("columns.".count))] = value
            } else if key.hasPrefix("privileged.") {
                privileged[String(key.dropFirst("privileged.".count)), default: []] += value.split(separator: ",").map(String.init)
            } else {
                entries.append((key, value))
                if fileKeys.contains(key) { extras[key] = (value, location.path(value)) } else { options[key] = value }
            }
        }
        var text = entries.map { "\($0.0): " + JSONText.string($0.1).compact }.joined(separator: "\n") + "\n"
        if !columns.isEmpty { text += "columns:\n" + columns.sorted { $0.key < $1.key }.map { "  " + JSONText.string($0.key).compact + ": " + JSONText.string($0.value).compact }.joined(separator: "\n") + "\n" }
        if !privileged.isEmpty {
            text += "privileged:\n" + privileged.sorted { $0.key < $1.key }.map { pair in
                "  " + JSONText.string(pair.key).compact + ": [" + pair.value.map { JSONText.string($0).compact }.joined(separator: ", ") + "]"
            }.joined(separator: "\n") + "\n"
        }
        let node: Node
        do {
            node = try YAMLLoader(symbols: SymbolTable()).load(text: text, name: Self.entryName)[0].root
        } catch {
            throw Diagnostics([error])
        }
        let declaration = SourceDeclaration(format: format, file: file, path: path, system: system ?? SourceFormats.standard.format(named: format)?.defaultSystem ?? format,
                                            scope: scope, environment: environment, generatedAt: time, extraFiles: extras, options: options, columns: columns,
                                            node: node)
        let problems = SourceFormats.standard.format(named: format)?.problems(declaration) ?? []
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return declaration
    }

    /// When a file was last changed, to the second.
    private static func modificationTime(_ path: String) -> Timestamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Timestamp(seconds: Int64(info.st_mtim.tv_sec))
    }
}
