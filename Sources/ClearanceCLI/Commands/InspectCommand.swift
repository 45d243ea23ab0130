import ArgumentParser
import ClearanceCore
import ClearanceDocument

/// `clearance inspect FILE...`: prints every document as Clearance resolved it, one JSON value per line.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print documents as Clearance resolved them, one JSON value per line.",
        discussion: "Timestamps print as RFC 3339 strings. Use it to see how a value in a policy or a state file was read."
    )

    @Argument(help: "YAML or JSON files to read.")
    var files: [String]

    @Flag(help: "Wrap every node as {\"line\":L,\"column\":C,\"value\":V}.")
    var marks = false

    func run() throws {
        let loader = YAMLLoader(symbols: SymbolTable())
        var failed = false
        for file in files {
            do {
                var output = ""
                for document in try loader.load(file: file) {
                    output += document.root.json(marks: marks) + "\n"
                }
                print(output, terminator: "")
            } catch {
                failed = true
                Terminal.standardError.write(error.rendered + "\n")
            }
        }
        if failed { throw ExitStatus.untrusted }
    }
}
