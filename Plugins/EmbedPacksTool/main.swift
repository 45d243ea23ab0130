import Foundation

// Writes a Swift source holding the text of each policy file named on the command line (the EmbedPacks
// plugin runs it at build time): `EmbedPacksTool OUTPUT FOLDER NAME...`, each NAME a path inside FOLDER
// (`vendors.yaml`, `frameworks/soc2.yaml`). Packs and tables are kept apart from `*.tests.yaml` files.

/// The text of `text` as a Swift string literal: every character that a literal cannot hold as it is, escaped.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format:
            result += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let output = arguments.first, let folder = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: EmbedPacksTool OUTPUT FOLDER NAME...\n".utf8))
    exit(2)
}
var packs: [String] = [], tests: [String] = []
for name in arguments.dropFirst(2) {
    let path = folder + "/" + name
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
          Array(text.utf8) == Array(data) else {
        FileHandle.standardError.write(Data("\(path): cannot be read as UTF-8 text; a shipped policy file must be\n".utf8))
        exit(1)
    }
    let entry = "        BuiltinPacks.File(name: \(literal(name)), text: \(literal(text))),"
    if name.hasSuffix(".tests.yaml") { tests.append(entry) } else { packs.append(entry) }
}
let source = """
    // Generated at build time by the EmbedPacks plugin from Policies/*.yaml. Not committed: edit the packs instead.

    extension BuiltinPacks {
        /// The shipped packs and framework tables, in name order.
        static let embeddedPacks: [BuiltinPacks.File] = [
    \(packs.joined(separator: "\n"))
        ]

        /// The shipped packs' tests files, in name order.
        static let embeddedTestsFiles: [BuiltinPacks.File] = [
    \(tests.joined(separator: "\n"))
        ]
    }

    """
do {
    // Written only when it changes, so an unchanged pack set recompiles nothing.
    if FileManager.default.contents(atPath: output) != Data(source.utf8) {
        try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("\(output): cannot be written: \(error)\n".utf8))
    exit(1)
}
