import ArgumentParser
import ClearanceCore
import ClearanceExpression
import ClearanceDocument
import ClearancePolicy

/// `clearance eval EXPR [FILE...] [--as-of TIME] [--input FILE] [--var name=value]`: evaluates one expression, for policy authors.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one expression and print its value.",
        discussion: """
            The expression is CEL, as in policies. The documents of each FILE (or folder) are bound as policies read them: the first \
            document of each kind under its kind's name (`member`, `vendor`, `manifest`), and every document of a kind \
            with a lookup map in it by id (`members`, `vendors`). --input binds the first document of a file of any \
            shape to `doc`; each --var binds a name to a YAML value (`--var n=3`, `--var env=production`, \
            `--var 'ids=[a, b]'`). `now` is --as-of, or the current time.
            """
    )

    /// The most UTF-8 bytes of a value printed (a value can hold one list many times over: cheap to
    /// build, endless to print); longer output is cut and ends in `…`.
    static let maximumOutputLength = 16 << 20

    @Argument(help: "The expression to evaluate.")
    var expression: String

    @Argument(help: ArgumentHelp("YAML or JSON files or folders of documents (team members, vendors, repositories, ...), bound by kind.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var time: EvaluationTime

    @Option(name: .long, help: "A YAML or JSON file whose first document is bound to `doc`.")
    var input: String?

    @Option(name: .customLong("var"), help: "A variable as name=value; the value is read as YAML.")
    var variables: [String] = []

    func validate() throws {
        if time.asOf != nil, variables.contains(where: { $0.hasPrefix("now=") }) {
            throw ValidationError("--as-of and --var now=... both set `now`; give one")
        }
    }

    func run() throws {
        let symbols = SymbolTable()  // one for the expression and the documents it reads
        var declarations = Declarations(symbols: symbols)
        var values: [(slot: Int, value: Value)] = []
        let loader = YAMLLoader(symbols: symbols)
        do {
            let found = FileCollector.inputFiles.files(in: files)
            if let problem = found.problems.first { throw problem }
            var seen = Set<String>()  // a file named twice (itself and in its folder) is read once, where first named
            let unique = found.files.filter { seen.insert(FileCollector.realPath($0) ?? $0).inserted }
            for (name, value) in try Self.kindBindings(unique.flatMap { try loader.load(file: $0) }) {
                values.append((declarations.declare(name, as: .dyn), value))
            }
            if let input {
                guard let document = try loader.load(file: input).first else { throw ExitStatus.untrusted }
                values.append((declarations.declare("doc", as: .dyn), Value(document: document)))
            }
            var boundNow = false
            for assignment in variables {
                guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                    Terminal.standardError.write("error: --var takes name=value, got '\(assignment)'\n")
                    throw ExitStatus.untrusted
                }
                let name = String(assignment[..<equals])
                let text = String(assignment[assignment.index(after: equals)...])
                let document = try loader.load(text: text, name: "--var \(name)").first
                values.append((declarations.declare(name, as: .dyn), document.map { Value(document: $0) } ?? .null))
                boundNow = boundNow || name == "now"
            }
            if !boundNow { values.append((declarations.declare("now", as: .timestamp), .timestamp(time.now))) }
        } catch let diagnostic as Diagnostic {
            Terminal.standardError.write(diagnostic.rendered + "\n")
            throw ExitStatus.untrusted
        }

        let program: Program
        do {
            program = try Program.compile(expression, declarations: declarations)
        } catch {
            Terminal.standardError.write("expression:" + error.rendered + "\n")
            throw ExitStatus.untrusted
        }
        var bindings = Bindings(declarations)
        for (slot, value) in values { bindings[slot] = value }
        switch program.evaluate(bindings) {
        case .success(let value):
            print(value.description(maxLength: Self.maximumOutputLength))
        case .failure(let failure):
            let located = ExpressionError(code: "expr.evaluation", message: failure.message, offset: max(0, failure.offset), source: expression)
            Terminal.standardError.write("expression:" + located.rendered + "\n")
            throw ExitStatus.untrusted
        }
    }

    /// The names `documents` are bound under, as policies bind them: the first document of each registered kind
    /// under the kind's binding name, then each lookup map and index of a kind with documents. Waivers are left out; a document
    /// of no registered kind, without an id or with the id of another of its kind is an error.
    static func kindBindings(_ documents: [Document], kinds: DocumentKinds = .standard) throws(Diagnostic) -> [(name: String, value: Value)] {
        var byKind: [DocumentKind: [(id: String, value: Value, root: Node)]] = [:]
        var ids: [DocumentKind: Set<String>] = [:]
        let kindNames = kinds.kinds.map(\.rawValue).joined(separator: ", ")
        for document in documents {
            let root = document.root
            if root["kind"]?.string == DocumentKind.waiver.rawValue { continue }  // policies do not read waivers either
            guard let kindText = root["kind"]?.string, case let kind = DocumentKind(kindText), kinds.contains(kind) else {
                throw ShapeChecker.diagnostic(root, code: "eval.kind", "eval binds documents by kind, one of \(kindNames); --input binds a document of any shape as `doc`")
            }
            guard let id = root["id"]?.string else {
                throw ShapeChecker.diagnostic(root, code: "eval.id", "a \(kind.rawValue) needs an `id` to be bound")
            }
            guard ids[kind, default: []].insert(id).inserted else {
                throw ShapeChecker.diagnostic(root, code: "eval.duplicate-id", "a second \(kind.rawValue) with id '\(id)'")
            }
            byKind[kind, default: []].append((id, Value(document: document), root))
        }
        var bindings: [(name: String, value: Value)] = []
        for descriptor in kinds.descriptors {
            if let first = byKind[descriptor.kind]?.first { bindings.append((descriptor.bindingName, first.value)) }
        }
        for descriptor in kinds.lookups {
            guard let name = descriptor.lookupName, let found = byKind[descriptor.kind] else { continue }
            bindings.append((name, .map(ValueMap(uniqueStringKeys: found.map(\.id), values: found.map(\.value)))))
        }
        for (kind, index) in kinds.indexes {
            guard let found = byKind[kind] else { continue }
            bindings.append((index.name, index.map(ids: found.map(\.id), roots: found.map(\.root))))
        }
        return bindings
    }
}
