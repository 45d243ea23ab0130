import ClearanceCore
import ClearanceDocument
import ClearancePacks

/// `clearance.yaml`: the policies and inputs a project checks, so `clearance audit` needs no arguments.
public struct ProjectConfiguration: Sendable {
    /// Policy files or folders.
    public var policies: [String]
    /// Input files or folders.
    public var inputs: [String]
    /// Extra waiver files.
    public var waivers: [String]
    /// The lowest severity that fails a run.
    public var failOn: Severity
    /// The folder `audit` writes its report set to.
    public var output: String
    /// The waiver files of the project file that the command line replaced: read neither as waivers nor as inputs.
    public var replacedWaivers: [String] = []
    /// The roles whose holders may approve a waiver.
    public var waiverApprovers = WaiverChecks.defaultApproverRoles
    /// The longest a waiver may run after the evaluation time, in days.
    public var waiverMaxDays = WaiverChecks.defaultMaximumDays
    /// Whether the command line named the policies in place of the configured ones: settings for packs
    /// it did not name then wait unused, instead of being errors.
    public var policiesReplaced = false
    /// The packs' params and the rule overrides it sets.
    public var settings = ProjectSettings.none
    /// The vendors' exports read as evidence (`sources:`), files named from where the command runs.
    public var sources: [SourceDeclaration] = []
    /// Where runs are recorded (`history:`): a SQLite file named from where the command runs, or a `postgres://` URL;
    /// nil when the project file names none (then ``defaultHistory`` beside it).
    public var history: String?
    /// Where the project file sets `history:`, for messages about it.
    public var historyLocation: SourceLocation?

    /// The configuration of a project with no `clearance.yaml`: policies in `Policies/`.
    public init(policies: [String] = ["Policies"], inputs: [String] = [], waivers: [String] = [], failOn: Severity = .low,
                output: String = "clearance-report") {
        self.policies = policies
        self.inputs = inputs
        self.waivers = waivers
        self.failOn = failOn
        self.output = output
    }

    /// The name of the project file, looked for in the current folder and the folders above it.
    public static let fileName = "clearance.yaml"

    /// The history file of a project whose `clearance.yaml` names none, relative to the project's folder.
    public static let defaultHistory = ".clearance/history.sqlite"

    /// Reads a configuration file; paths in it are relative to its folder, except `inputs`, `sources` and `output` when
    /// `inputsHere` is set (a trusted copy kept apart from the tree it checks): those are then relative to the current folder.
    public static func load(path: String, inputsHere: Bool = false) throws(Diagnostics) -> ProjectConfiguration {
        let root: Node
        do {
            guard let document = try YAMLLoader(symbols: SymbolTable()).load(file: path).first else { return ProjectConfiguration() }
            root = document.root
        } catch {
            throw Diagnostics([error])
        }
        let shape = Shape.object(PolicyShapes.configuration)
        let problems = ShapeChecker(check: .values).problems(root, shape, name: path)
            + ShapeChecker(check: .unknownKeys).problems(root, shape, name: path)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) + "/" : ""  // safe: contains "/"
        let checkedFolder = inputsHere ? "" : folder
        func paths(_ key: String, in folder: String) -> [String]? {
            root[key].map { $0.elements.compactMap(\.string).map { $0.hasPrefix("/") || (key == "policies" && BuiltinPacks.isReference($0)) ? $0 : folder + $0 } }
        }
        var configuration = ProjectConfiguration()
        configuration.policies = paths("policies", in: folder) ?? [folder + "Policies"]
        configuration.inputs = paths("inputs", in: checkedFolder) ?? []
        configuration.waivers = paths("waivers", in: folder) ?? []
        configuration.failOn = root["fail_on"]?.string.flatMap(Severity.init(rawValue:)) ?? .low
        configuration.waiverApprovers = root["waiver_approvers"].map { $0.elements.compactMap(\.string) } ?? WaiverChecks.defaultApproverRoles
        configuration.waiverMaxDays = root["waiver_max_days"]?.int.map(Int.init) ?? WaiverChecks.defaultMaximumDays
        if let node = root["waiver_max_days"], !(1...3_660).contains(configuration.waiverMaxDays) {
            throw Diagnostics([ShapeChecker.diagnostic(node, code: "config.waiver-max-days", "waiver_max_days must be a number of days from 1 to 3660; found \(configuration.waiverMaxDays)")])
        }
        if let node = root["waiver_approvers"], configuration.waiverApprovers.isEmpty {
            throw Diagnostics([ShapeChecker.diagnostic(node, code: "config.waiver-approvers", "waiver_approvers must name at least one role; with none, no waiver could be approved")])
        }
        configuration.settings = try ProjectSettings.read(root)
        configuration.sources = try SourceDeclaration.read(root["sources"], folder: checkedFolder)
        configuration.output = root["output"]?.string.map { $0.hasPrefix("/") ? $0 : checkedFolder + $0 } ?? checkedFolder + "clearance-report"
        if let node = root["history"], let history = node.string {
            configuration.historyLocation = node.location
            configuration.history = try Self.historyPath(history, node: node, folder: folder)
        }
        return configuration
    }

    /// `history:` as the run uses it: a `postgres://` URL as written, a path named from the project file's `folder`.
    /// A path must stay inside the project (a checked tree cannot make a run write elsewhere); the command line may name any.
    static func historyPath(_ value: String, node: Node, folder: String) throws(Diagnostics) -> String {
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") { return value }
        var depth = 0
        for part in value.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            depth += part == ".." ? -1 : 1
            if depth < 0 { break }
        }
        guard !value.isEmpty, !value.hasPrefix("/"), depth > 0, !value.hasSuffix("/") else {
            let why = value.isEmpty || value.hasSuffix("/") || depth == 0 ? "must name a file" : "must stay inside the project"
            throw Diagnostics([ShapeChecker.diagnostic(node, code: "config.history",
                                                       "history \(why): a path relative to clearance.yaml (default \(defaultHistory)) or a postgres:// URL; "
                                                        + "found '\(VisibleText.escaped(value))' (--history on the command line may name any file)")])
        }
        return folder + value
    }
}
