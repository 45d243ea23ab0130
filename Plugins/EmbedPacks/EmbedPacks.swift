import Foundation
import PackagePlugin

/// Builds the shipped policy files (`Policies/**/*.yaml`: the packs, their tests files and the framework tables) into
/// the target it is applied to: at every build it lists them and generates one Swift source holding their texts, so
/// the binary needs no copy of `Policies/` and an edited, added or removed file is picked up without regenerating
/// anything by hand.
@main
struct EmbedPacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Policies")
        var names: [String] = []
        if let walk = FileManager.default.enumerator(atPath: folder.path) {
            for case let name as String in walk where name.hasSuffix(".yaml") && !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                names.append(name)
            }
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPacks.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) policy files from Policies/",
                executable: try context.tool(named: "EmbedPacksTool").url,
                arguments: [output.path, folder.path] + names,
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
