import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// A kind and a reader that exist only in this test target: laptops from an asset inventory,
/// one per line of a `.inventory` file (`LT-100 owner=ana encrypted=yes os=14.5`).
enum LaptopInventory {
    /// The Laptop kind: `laptop` in expressions, `laptops` by id, ids like `LT-100`.
    static let descriptor = KindDescriptor(
        kind: DocumentKind("Laptop"), bindingName: "laptop",
        shape: ObjectShape(name: "Laptop", summary: "A laptop in the asset inventory.", properties: [
            Property("kind", .string(allowed: ["Laptop"]), required: true),
            Property("id", .pattern("^LT-[0-9]+$", description: "an asset tag such as LT-100"), required: true),
            Property("owner", .string(), required: true),
            Property("encrypted", .boolean, required: true),
            Property("os", .nullable(.string())),
        ]),
        lookupName: "laptops",
        naming: SubjectNaming(name: ["id"], details: [.init(["owner"], prefix: "owner ")], one: "laptop", many: "laptops", groupTitle: "Laptops"))

    /// The standard kinds and Laptop.
    static func kinds() throws -> DocumentKinds { try DocumentKinds.standard.adding(descriptor) }
}

/// Reads `.inventory` files: each non-blank line not starting with `#` is a laptop, its tag first,
/// then `key=value` fields; every node is located at the bytes it was read from.
struct InventoryReader: InputReader {
    var fileEndings: [String] { [".inventory"] }
    var formatName: String { "inventory" }
    func session(limits: LoaderLimits, symbols: SymbolTable, keys: KeyInterning) -> any InputReadingSession {
        Session(limits: limits, symbols: symbols, keys: keys)
    }

    struct Session: InputReadingSession {
        let limits: LoaderLimits
        let symbols: SymbolTable
        let keys: KeyInterning

        mutating func documents(in bytes: [UInt8], path: String) throws(Diagnostic) -> [Document] {
            let source = SourceFile(path: path, text: bytes)
            var builder = TreeBuilder(source: source, limits: limits, symbols: symbols, keys: keys)
            var documents: [Document] = []
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let words = Self.words(bytes, from: lineStart, to: lineEnd)
                if let (tagStart, tag) = words.first, !tag.hasPrefix("#") {
                    try builder.beginMapping(at: tagStart)
                    try builder.scalar(.string("kind"), at: tagStart)
                    try builder.scalar(.string("Laptop"), at: tagStart)
                    try builder.scalar(.string("id"), at: tagStart)
                    try builder.scalar(.string(tag), at: tagStart)
                    for (start, word) in words.dropFirst() {
                        guard let equals = word.firstIndex(of: "=") else {
                            throw Diagnostic(code: "inventory.field", message: "expected key=value, found \(word.quotedExcerpt)",
                                             location: source.location(offset: start), sourceLine: source.lineText(source.line(containing: start)))
                        }
                        let key = String(word[..<equals]), value = String(word[word.index(after: equals)...])
                        try builder.scalar(.string(key), at: start)
                        let valueStart = start + key.utf8.count + 1
                        switch value {
                        case "yes": try builder.scalar(.bool(true), at: valueStart)
                        case "no": try builder.scalar(.bool(false), at: valueStart)
                        default: try builder.scalar(.string(value), at: valueStart)
                        }
                    }
                    try builder.end()
                    documents.append(try builder.finish())
                }
                lineStart = lineEnd + 1
            }
            guard !documents.isEmpty else { throw Diagnostic(code: "inventory.empty", message: "no laptop in the inventory", file: path) }
            return documents
        }

        /// The words of a line with the byte offset each starts at.
        private static func words(_ bytes: [UInt8], from start: Int, to end: Int) -> [(Int, String)] {
            var words: [(Int, String)] = []
            var index = start
            while index < end {
                while index < end, bytes[index] == 0x20 { index += 1 }
                let wordStart = index
                while index < end, bytes[index] != 0x20 { index += 1 }
                if index > wordStart { words.append((wordStart, String(decoding: bytes[wordStart..<index], as: UTF8.self))) }
            }
            return words
        }
    }
}
