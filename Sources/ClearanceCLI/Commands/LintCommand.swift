import ArgumentParser
import ClearanceCore
import ClearancePolicy

/// `clearance lint [POLICY...]`: loads and type-checks policies without any inputs.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load and type-check policies without inputs."
    )

    @Argument(help: "Policy files or folders (default: from clearance.yaml, else Policies/).")
    var paths: [String] = []

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let policies = try Session.guarded {
            var configuration = try project.configuration()
            if !paths.isEmpty { configuration.policies = paths }
            return try Session.policies(configuration)
        }
        let count = policies.policies.count
        print("\(count) polic\(count == 1 ? "y" : "ies"), \(policies.rules.count) rules: no problems found.")
    }
}
