import Foundation
import Testing
import ClearanceCore
@testable import ClearanceDocument
import ClearanceTestSupport

/// One case of the public YAML test suite, as converted to JSON.
struct SuiteCase: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let name: String
    let yaml: String
    let error: Bool
    let json: [JSONValue]?
    let libyaml: String

    var testDescription: String { "\(id) \(name)" }

    /// Whether the case compares loaded documents with the suite's JSON.
    var comparesDocuments: Bool { !error && libyaml == "ok" && json != nil }
    /// Whether the case must be rejected with a marked error.
    var expectsError: Bool { error && libyaml == "error" }
}

/// Loads the suite's cases and the exclusion list, from the resources or `YAML_TEST_SUITE_CASES`.
enum SuiteData {
    static let casesURL: URL = {
        if let path = ProcessInfo.processInfo.environment["YAML_TEST_SUITE_CASES"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Bundle.module.url(forResource: "Resources/yaml-test-suite/cases", withExtension: "json")!  // safe: a bundled resource
    }()

    static let cases: [SuiteCase] = {
        guard let data = try? Data(contentsOf: casesURL),
              let cases = try? JSONDecoder().decode([SuiteCase].self, from: data) else { return [] }
        return cases
    }()

    /// Case id -> reason, from `yaml-test-suite-exclusions.txt` (`ID  # reason`).
    static let exclusions: [String: String] = {
        guard let url = Bundle.module.url(forResource: "Resources/yaml-test-suite-exclusions", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "#", maxSplits: 1)
            guard let id = parts.first?.trimmingCharacters(in: .whitespaces), !id.isEmpty else { continue }
            result[id] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return result
    }()
}

@Suite("YAML test suite")
struct YAMLTestSuiteTests {
    /// The outcome of one case.
    enum Outcome: Equatable {
        case passed
        case failed(String)
        /// Not compared, with the rule that excludes it.
        case excluded(String)
    }

    static func run(_ suiteCase: SuiteCase) -> Outcome {
        let loader = YAMLLoader(symbols: SymbolTable())
        // The suite's texts are no secrets: its errors must carry their source lines whatever the root.
        loader.quotesEveryDocument = true
        let result: Result<[Document], Diagnostic>
        do { result = .success(try loader.load(text: suiteCase.yaml, name: suiteCase.id)) } catch { result = .failure(error) }
        if SuiteData.exclusions[suiteCase.id] != nil { return .excluded("listed") }
        if suiteCase.comparesDocuments, let expected = suiteCase.json {
            switch result {
            case .failure(let error):
                if error.code == YAMLErrorCode.tag && error.message.hasPrefix("unsupported tag") { return .excluded("non-core tag") }
                if error.code == YAMLErrorCode.integerRange { return .excluded("64-bit integers") }
                return .failed("rejected: \(error.rendered)")
            case .success(let documents):
                guard documents.count == expected.count else {
                    return .failed("expected \(expected.count) document(s), got \(documents.count)")
                }
                var timestampDifference = false
                for (document, json) in zip(documents, expected) {
                    guard matches(document.root, json, timestampDifference: &timestampDifference) else {
                        return .failed("expected \(expected)\n     got \(documents.map { JSONValue($0.root) })")
                    }
                }
                return timestampDifference ? .excluded("timestamp") : .passed
            }
        }
        if suiteCase.expectsError {
            switch result {
            case .success(let documents): return .failed("accepted \(documents.count) document(s)")
            case .failure(let error):
                return error.location != nil && error.sourceLine != nil ? .passed : .failed("error without a mark: \(error.rendered)")
            }
        }
        return .excluded("out of scope")  // loaded all the same above: no case may crash
    }

    /// Compares a node with expected JSON; a timestamp matches the string it was read from, noting the difference.
    static func matches(_ node: Node, _ json: JSONValue, timestampDifference: inout Bool) -> Bool {
        switch (node.kind, json) {
        case (.sequence, .array(let values)):
            let elements = node.elements
            return elements.count == values.count
                && zip(elements, values).allSatisfy { matches($0, $1, timestampDifference: &timestampDifference) }
        case (.mapping, .object(let members)):
            let entries = node.entries
            guard entries.count == members.count else { return false }
            return entries.allSatisfy { entry in
                guard let value = members[JSONWriter.keyText(entry.key)] else { return false }
                return matches(entry.value, value, timestampDifference: &timestampDifference)
            }
        case (.timestamp, .string(let text)):
            guard case .timestamp(let value) = TimestampSyntax.parse(text), value == node.timestamp else { return false }
            timestampDifference = true
            return true
        default:
            return JSONValue(node) == json
        }
    }

    @Test("every in-scope case loads as the suite says")
    func allCases() throws {
        let cases = SuiteData.cases
        try #require(!cases.isEmpty, "no cases read from \(SuiteData.casesURL.path)")
        var passed = 0
        var excluded: [String: Int] = [:]
        var failures: [String] = []
        for suiteCase in cases {
            switch Self.run(suiteCase) {
            case .passed: passed += 1
            case .excluded(let rule): excluded[rule, default: 0] += 1
            case .failed(let why): failures.append("\(suiteCase.id) (\(suiteCase.name)): \(why)")
            }
        }
        let excludedCount = excluded.values.reduce(0, +)
        print("yaml-test-suite: \(passed) passed, \(failures.count) failed, \(excludedCount) excluded")
        print("  excluded: " + excluded.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("each listed exclusion names a case and gives a reason")
    func exclusionsAreReal() {
        guard ProcessInfo.processInfo.environment["YAML_TEST_SUITE_CASES"] == nil else { return }
        let ids = Set(SuiteData.cases.map(\.id))
        for (id, reason) in SuiteData.exclusions {
            #expect(ids.contains(id), "exclusion \(id) names no case")
            #expect(!reason.isEmpty, "exclusion \(id) gives no reason")
        }
    }
}
