import ArgumentParser
import ClearancePolicy

/// `clearance schema`: writes the JSON Schemas of every file kind, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schemas (draft 2020-12) of every document kind, waivers, policies, framework tables and tests files.",
        discussion: "Reference one from a YAML file with a first-line comment: # yaml-language-server: $schema=Schemas/team-member.schema.json"
    )

    @Option(help: ArgumentHelp("The folder to write the schemas into.", valueName: "folder"))
    var output = "Schemas"

    @Option(help: ArgumentHelp("Also write the Markdown reference of every document kind into this folder (the repository keeps it in docs/kinds).", valueName: "folder"))
    var reference: String?

    func run() throws {
        for file in JSONSchemaWriter.files {
            try OutputPlan.writeFile(JSONSchemaWriter.schema(file), to: output + "/" + file.fileName)
        }
        print("wrote \(JSONSchemaWriter.files.count) schemas to \(output)/")
        if let reference {
            let pages = KindReferenceWriter.pages()
            for page in pages { try OutputPlan.writeFile(KindReferenceWriter.page(page), to: reference + "/" + page.fileName) }
            try OutputPlan.writeFile(KindReferenceWriter.index(pages), to: reference + "/README.md")
            print("wrote \(pages.count) kind reference pages to \(reference)/")
        }
    }
}
