import ClearanceCore
import ClearancePolicy

/// Runs the cases of a tests file and compares the findings with the expected ones.
public struct PolicyTestRunner: Sendable {
    /// The outcome of one case.
    public struct CaseResult: Sendable {
        /// The case's name.
        public let name: String
        /// Where the case is written.
        public let location: SourceLocation
        /// What went wrong; empty when the case passed.
        public let problems: [String]

        /// Whether the case passed.
        public var passed: Bool { problems.isEmpty }
    }

    /// Every loaded policy (rule ids are unique across all of them).
    public let policies: PolicySet

    /// Where the policies were loaded from, to load them again with a case's settings.
    public let policyPaths: [String]

    /// Creates a runner over `policies`, loaded from `policyPaths` (loaded again there for a case with settings).
    public init(policies: PolicySet, policyPaths: [String] = []) {
        self.policies = policies
        self.policyPaths = policyPaths
    }

    /// Runs every case of a suite.
    public func run(_ suite: PolicyTestSuite) -> [CaseResult] {
        let underTest = suite.policyIDs.compactMap(policies.policy).flatMap(\.rules).map(\.id)
        return suite.cases.map { run($0, scope: Set($0.rules ?? underTest)) }
    }

    private func run(_ testCase: PolicyTestSuite.Case, scope: Set<String>) -> CaseResult {
        let documents: DocumentSet
        var policies = self.policies
        do {
            if let settings = testCase.settings {  // the same symbol table: the case's documents were read with it
                policies = try PolicyLoader(symbols: policies.symbols, settings: settings, now: testCase.asOf).load(paths: policyPaths)
            }
            documents = try InputLoader(symbols: policies.symbols).check(testCase.documents, policies: policies)
        } catch {
            return CaseResult(name: testCase.name, location: testCase.location, problems: error.items.map(\.rendered))
        }
        var findings = Engine(policies: policies, documents: documents, now: testCase.asOf).run(rules: scope).findings
        var problems: [String] = []
        for expectation in testCase.expectations {
            if let index = findings.firstIndex(where: expectation.matches) {
                findings.remove(at: index)
            } else {
                let near = findings.filter { $0.rule.id == expectation.rule && $0.subject == expectation.subject && $0.element == expectation.element }
                let got = near.isEmpty ? "no such finding" : "got " + near.map { Self.describe($0) }.joined(separator: "; ")
                problems.append("expected \(expectation) (\(expectation.location)), \(got)")
            }
        }
        for finding in findings where finding.needsAttention {
            problems.append("unexpected \(Self.describe(finding)) at \(finding.location)")
        }
        return CaseResult(name: testCase.name, location: testCase.location, problems: problems)
    }

    static func describe(_ finding: Finding) -> String {
        "\(finding.rule.id) \(finding.status.rawValue) on \(finding.subject)" + (finding.element.map { " " + $0 } ?? "") + ": \"\(finding.message)\""
    }
}
