import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// `clearance test [FILE...]`: runs policy tests files and compares findings with the expected ones.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy tests: inline documents with the exact findings expected.",
        discussion: "Tests files are named <pack>.tests.yaml and sit next to the policies by default."
    )

    @Argument(help: "Tests files or folders (default: the policy folders).")
    var paths: [String] = []

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let (policies, suites) = try Session.guarded {
            let configuration = try project.configuration()
            let policies = try Session.policies(configuration)
            let collected = FileCollector.testsFiles.files(in: paths.isEmpty ? configuration.policies : paths)
            guard collected.problems.isEmpty else { throw Diagnostics(collected.problems) }
            guard !collected.files.isEmpty else {
                throw Diagnostics([Diagnostic(code: "test.none", message: "no tests files (*.tests.yaml) found", location: nil)])
            }
            var suites: [PolicyTestSuite] = []
            var problems: [Diagnostic] = []
            for file in collected.files {
                do { suites.append(try PolicyTestSuite.load(path: file, policies: policies)) } catch let error as Diagnostics { problems += error.items }
            }
            guard problems.isEmpty else { throw Diagnostics(problems) }
            return (policies, suites)
        }
        let style = Session.wantsColor
        let runner = PolicyTestRunner(policies: policies)
        var passed = 0, failed = 0
        for suite in suites {
            print(suite.file)
            for result in runner.run(suite) {
                if result.passed {
                    passed += 1
                    print("  \(style ? "\u{1B}[32m✓\u{1B}[0m" : "✓") \(result.name)")
                } else {
                    failed += 1
                    print("  \(style ? "\u{1B}[31m✗\u{1B}[0m" : "✗") \(result.name)  (\(result.location))")
                    for problem in result.problems { print("      " + problem.replacingOccurrences(of: "\n", with: "\n      ")) }
                }
            }
        }
        print("policy tests: \(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitStatus.findingsFailed }
    }
}
