import ArgumentParser
import ClearanceCore
import ClearanceEngine
import ClearancePacks
import ClearancePolicy

/// `clearance test [FILE...]`: runs policy tests files and compares findings with the expected ones.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy tests: inline documents with the exact findings expected.",
        discussion: "Tests files are named <pack>.tests.yaml and sit next to the policies by default. Exit status 1 when a test fails, a tests file has no cases or (with no paths) a loaded pack has no test cases; 2 when the policies or tests cannot be loaded."
    )

    @Argument(help: "Tests files or folders (default: the policy folders).")
    var paths: [String] = []

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let location = try Session.guarded { try project.enter() }
        let ((policies, policyPaths), suites) = try Session.guarded {
            let configuration = try project.configuration()
            let policies = try Session.policies(configuration, withSettings: false)
            try Session.requireRules(policies, from: configuration.policies)
            // Built-in packs bring their own tests files, built in beside them; the rest are read from disk.
            let named = paths.isEmpty ? configuration.policies : location.paths(paths)
            let collected = FileCollector.testsFiles.files(in: named.filter { !BuiltinPacks.isReference($0) })
            guard collected.problems.isEmpty else { throw Diagnostics(collected.problems) }
            let builtin = named.filter(BuiltinPacks.isReference).flatMap { BuiltinPacks.files($0, tests: true) ?? [] }
            guard !collected.files.isEmpty || !builtin.isEmpty else {
                throw Diagnostics([Diagnostic(code: "test.none", message: "no tests files (*.tests.yaml) found", location: nil)])
            }
            var suites: [PolicyTestSuite] = []
            var problems: [Diagnostic] = []
            for file in builtin {
                do { suites.append(try PolicyTestSuite.load(bytes: Array(file.text.utf8), name: file.reference, policies: policies)) }
                catch let error as Diagnostics { problems += error.items }
            }
            for file in collected.files {
                do { suites.append(try PolicyTestSuite.load(path: file, policies: policies)) } catch let error as Diagnostics { problems += error.items }
            }
            guard problems.isEmpty else { throw Diagnostics(problems) }
            return ((policies, configuration.policies), suites)
        }
        let style = Session.wantsColor
        let runner = PolicyTestRunner(policies: policies, policyPaths: policyPaths)
        var passed = 0, failed = 0
        let cross = style ? "\u{1B}[31m✗\u{1B}[0m" : "✗"
        for suite in suites {
            print(suite.file)
            if suite.cases.isEmpty {  // a tests file that tests nothing proves nothing
                failed += 1
                print("  \(cross) no test cases: `cases` is empty, so this file tests nothing")
            }
            for result in runner.run(suite) {
                if result.passed {
                    passed += 1
                    print("  \(style ? "\u{1B}[32m✓\u{1B}[0m" : "✓") \(result.name)")
                } else {
                    failed += 1
                    print("  \(cross) \(result.name)  (\(result.location))")
                    for problem in result.problems { print("      " + problem.replacingOccurrences(of: "\n", with: "\n      ")) }
                }
            }
        }
        // With no paths every loaded pack is under test: one that no tests file with cases covers is a failure.
        if paths.isEmpty {
            let tested = Set(suites.filter { !$0.cases.isEmpty }.flatMap(\.policyIDs))
            for policy in policies.policies where !tested.contains(policy.id) {
                failed += 1
                print("\(cross) policy '\(policy.id)' (\(policy.location.file)) has no test cases: add them to a tests file beside it (<pack>.tests.yaml)")
            }
        }
        print("policy tests: \(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitStatus.findingsFailed }
    }
}
