import Foundation
import Testing
import ClearanceTestSupport
import ClearanceDocument
@testable import ClearancePolicy

/// The shipped JSON Schemas are generated from the shapes, and every fixture and policy validates against them.
@Suite("JSON Schemas")
struct JSONSchemaTests {
    static let root = CommandRunner.packageRoot.path

    @Test(arguments: JSONSchemaWriter.files.map(\.fileName))
    func committedSchemaIsCurrent(fileName: String) throws {
        let file = try #require(JSONSchemaWriter.files.first { $0.fileName == fileName })
        let committed = try String(contentsOfFile: Self.root + "/Schemas/" + fileName, encoding: .utf8)
        #expect(committed == JSONSchemaWriter.schema(file), "Schemas/\(fileName) is stale: run `swift run clearance schema`")
    }

    /// Every YAML file of the project that names a schema in its first line.
    static func filesWithSchemas() -> [(file: String, schema: String)] {
        var files: [String] = ["clearance.yaml"]
        for folder in ["Fixtures", "Policies"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".yaml") { files.append(folder + "/" + path) }
            }
        }
        return files.sorted().compactMap { file in
            guard let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8),
                  let first = text.split(separator: "\n").first, first.hasPrefix("# yaml-language-server: $schema=") else { return nil }
            let relative = first.dropFirst("# yaml-language-server: $schema=".count)
            let folder = (file as NSString).deletingLastPathComponent
            return (file, ((folder.isEmpty ? "" : folder + "/") + relative as NSString).standardizingPath)
        }
    }

    @Test func everyFixtureAndPolicyNamesASchema() {
        let named = Set(Self.filesWithSchemas().map(\.file))
        for file in ["clearance.yaml", "Fixtures/team/ana.lopez.yaml", "Fixtures/vendors.yaml", "Fixtures/waivers.yaml",
                     "Fixtures/access/github-acme.yaml", "Policies/zero-trust-baseline.yaml", "Policies/zero-trust-baseline.tests.yaml"] {
            #expect(named.contains(file), "\(file) has no yaml-language-server schema comment")
        }
    }

    @Test(.enabled(if: PythonTool.hasModule("jsonschema") || PythonTool.isCI, "needs Python's jsonschema (pip install jsonschema)"))
    func everyFixtureAndPolicyValidates() throws {
        let directory = TemporaryDirectory()
        var bySchema: [String: [String]] = [:]
        for (file, schema) in Self.filesWithSchemas() {
            let documents = try YAMLLoader(symbols: SymbolTable()).load(file: Self.root + "/" + file)
            let lines = documents.map { $0.root.json() }.joined(separator: "\n") + "\n"
            let output = directory.write(file.replacingOccurrences(of: "/", with: "_") + ".jsonl", lines)
            bySchema[schema, default: []].append(output)
        }
        #expect(bySchema.count >= 6)
        for (schema, files) in bySchema.sorted(by: { $0.key < $1.key }) {
            let result = try PythonTool.run([PythonTool.script("validate-json-schema.py"), Self.root + "/" + schema] + files)
            #expect(result.status == 0, "\(schema):\n\(result.output.replacingOccurrences(of: directory.path + "/", with: ""))")
        }
    }
}
