import ClearanceCore
import ClearancePolicy
import ClearanceDocument

/// A tests file (`<pack>.tests.yaml`): inline documents and the exact findings expected of them.
public struct PolicyTestSuite: Sendable {
    /// One expected finding.
    public struct Expectation: Sendable, CustomStringConvertible {
        public let rule: String
        public let subject: String
        public let status: FindingStatus
        public let element: String?
        public let message: String?
        /// Where the expectation is written.
        public let location: SourceLocation

        /// Whether a finding is the one expected.
        public func matches(_ finding: Finding) -> Bool {
            finding.rule.id == rule && finding.subject == subject && finding.status == status && finding.element == element
                && (message == nil || finding.message == message)
        }

        /// `ZT-04 fail on ana.lopez devices[1]`.
        public var description: String {
            "\(rule) \(status.rawValue) on \(subject)" + (element.map { " " + $0 } ?? "") + (message.map { ": \"\($0)\"" } ?? "")
        }
    }

    /// One case.
    public struct Case: Sendable {
        public let name: String
        public let rules: [String]?
        public let asOf: Timestamp
        public let documents: [Node]
        public let expectations: [Expectation]
        public let location: SourceLocation
        /// The params and overrides the case runs with: its own `settings:`, else the file's; `nil` for the packs' defaults.
        public let settings: ProjectSettings?
    }

    /// The tests file.
    public let file: String
    /// The ids of the policies under test.
    public let policyIDs: [String]
    /// The cases, in order.
    public let cases: [Case]

    /// Reads a tests file, checking its keys and that its policies exist.
    public static func load(path: String, policies: PolicySet) throws(Diagnostics) -> PolicyTestSuite {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path: path, limit: LoaderLimits.standard.maximumFileSize)
        } catch {
            throw Diagnostics([error])
        }
        return try load(bytes: bytes, name: path, policies: policies)
    }

    /// Reads the tests file whose text is `bytes`, named `name` in messages (a built-in pack's tests file).
    public static func load(bytes: [UInt8], name path: String, policies: PolicySet) throws(Diagnostics) -> PolicyTestSuite {
        let root: Node
        do {
            guard let document = try YAMLLoader(symbols: policies.symbols).load(bytes: bytes, name: path, allowEmpty: false).first else {
                throw Diagnostics([])
            }
            root = document.root
        } catch let diagnostic as Diagnostic {
            throw Diagnostics([diagnostic])
        } catch {
            throw Diagnostics([])
        }
        let shape = Shape.object(PolicyShapes.testsFile)
        var problems = ShapeChecker.values(root, shape, name: "tests file") + ShapeChecker.unknownKeys(root, shape, name: "tests file")
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let policyNode = root["policy"]!  // safe: required by the shape
        let policyIDs = policyNode.kind == .sequence ? policyNode.elements.compactMap(\.string) : [policyNode.string].compactMap { $0 }
        for id in policyIDs where policies.policy(id) == nil {
            problems.append(ShapeChecker.diagnostic(policyNode, code: "test.unknown-policy",
                                                    "no loaded policy has id '\(id)'\(Suggestion.didYouMean(id, among: policies.policies.map(\.id)))"))
        }
        if policyIDs.isEmpty { problems.append(ShapeChecker.diagnostic(policyNode, code: "test.unknown-policy", "`policy` must name a policy id")) }
        let defaultAsOf = root["as_of"]?.timestamp ?? Timestamp(seconds: CivilTime(year: 2026, month: 1, day: 1).secondsSinceEpoch)!  // safe: in range
        let fixtures = root["fixtures"]?.elements ?? []
        let fileSettings: ProjectSettings? = root["settings"] == nil ? nil : try ProjectSettings.read(root)
        var cases: [Case] = []
        for node in root["cases"]?.elements ?? [] {
            let expectations = (node["expect"]?.elements ?? []).map { item in
                Expectation(rule: item["rule"]?.string ?? "", subject: item["subject"]?.string ?? "",
                            status: item["status"]?.string.flatMap(FindingStatus.init(rawValue:)) ?? .pass,
                            element: item["element"]?.string, message: item["message"]?.string, location: item.location)
            }
            cases.append(Case(name: node["name"]?.string ?? "", rules: node["rules"].map { $0.elements.compactMap(\.string) },
                              asOf: node["as_of"]?.timestamp ?? defaultAsOf, documents: fixtures + (node["documents"]?.elements ?? []),
                              expectations: expectations, location: node.location,
                              settings: node["settings"] == nil ? fileSettings : try ProjectSettings.read(node)))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return PolicyTestSuite(file: path, policyIDs: policyIDs, cases: cases)
    }
}
