import Foundation
import PackagePlugin

/// Builds the shipped policy packs (`Policies/*.yaml`) and their tests files into the target it is applied to:
/// at every build it lists the packs and generates one Swift source holding their texts, so the binary needs no
/// copy of `Policies/` and an edited, added or removed pack is picked up without regenerating anything by hand.
@main
struct EmbedPacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Policies")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPacks.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) policy files from Policies/",
                executable: try context.tool(named: "EmbedPacksTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
