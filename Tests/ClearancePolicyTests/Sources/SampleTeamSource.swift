import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Foundation
@testable import ClearancePolicy

/// A sample export read through the source loader, its records linked to the Acme team of `Fixtures/team/`.
enum SampleTeam {
    /// A linker over the sample team's members.
    static func linker(symbols: SymbolTable) throws -> IdentityLinker {
        let folder = CommandRunner.packageRoot.path + "/Fixtures/team/"
        var members: [InputDocument] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yaml") {
            for document in try YAMLLoader(symbols: symbols).load(text: try String(contentsOfFile: folder + name, encoding: .utf8), name: name)
            where document.root["kind"]?.string == "TeamMember" {
                members.append(InputDocument(kind: .teamMember, id: document.root["id"]?.string ?? "", root: document.root))
            }
        }
        return IdentityLinker(members)
    }

    /// The documents of the export `file` (a path from the package root) read as `format`, with the further files `extras` (key to path).
    static func load(format: String, file: String, extras: [String: String] = [:]) throws -> SourceLoader.Loaded {
        let symbols = SymbolTable()
        var entry = "sources:\n  - format: \(format)\n    file: \(file)\n    generated_at: 2026-11-19T06:00:00Z\n"
        for key in extras.keys.sorted() { entry += "    \(key): \(extras[key]!)\n" }  // safe: iterating its keys
        let config = try YAMLLoader(symbols: symbols).load(text: entry, name: "clearance.yaml")[0]
        let declaration = try SourceDeclaration.read(config.root["sources"], folder: CommandRunner.packageRoot.path + "/")[0]
        return try SourceLoader(symbols: symbols).load(declaration, linker: try linker(symbols: symbols))
    }
}
