import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import Foundation

extension FuzzEntry {
    /// Reads `bytes` as a vendor's export (``FuzzSourceInput`` says which format and which files) the way `clearance`
    /// does: a `clearance.yaml` naming it under `sources:` is read, the files are read from disk through the source's
    /// format, each record is linked to the fixture team and written as a document, the documents are checked and the
    /// shipped policies run over them. A rejected export must name its place: every problem at a line and a column
    /// inside one of the files. A read one must be whole: each record a document located inside its file, the Source
    /// document in `clearance.yaml`, the counts of records and links agreeing, and every document passing the checks.
    public static func sources(_ bytes: [UInt8]) -> FuzzOutcome {
        withWorld { world in
            let input = FuzzSourceInput(bytes)
            guard let folder = FuzzFolder(files: input.files + [(ProjectConfiguration.fileName, Array(input.configuration.utf8))]) else {
                return .diagnostic("fuzz-sources: no temporary folder")
            }
            defer { folder.remove() }
            let texts = Dictionary(uniqueKeysWithValues: (input.files + [(ProjectConfiguration.fileName, Array(input.configuration.utf8))])
                .map { (folder.path + "/" + $0.name, PlacedText($0.bytes)) })
            let loaded: [SourceLoader.Loaded]
            do throws(Diagnostics) {
                let configuration = try ProjectConfiguration.load(path: folder.path + "/" + ProjectConfiguration.fileName)
                loaded = try SourceLoader(limits: yamlLimits, symbols: world.policies.symbols, keys: .lookUpOnly)
                    .load(configuration.sources, linker: world.linker)
            } catch {
                for problem in error.items { checkPlace(of: problem, in: texts) }
                return .diagnostic(folder.relative(error.rendered))
            }
            precondition(loaded.count == 1, "one source read as \(loaded.count)")
            let source = loaded[0]
            precondition(source.documents.count == source.summary.records + 1, "records and documents disagree")
            precondition(source.summary.links.values.reduce(0, +) == source.summary.records, "records and links disagree")
            for document in source.documents.dropLast() {
                precondition(document.source.path != folder.path + "/" + ProjectConfiguration.fileName, "a record located in clearance.yaml")
                checkPlaces(document.root, in: texts)
            }
            precondition(source.documents.last?.source.path == folder.path + "/" + ProjectConfiguration.fileName, "the Source document is not at its entry")
            let checked: DocumentSet
            do throws(Diagnostics) {
                checked = try InputLoader(symbols: world.policies.symbols, keys: .lookUpOnly).check(source.documents.map(\.root), policies: world.policies)
            } catch {
                preconditionFailure("a source's documents fail the document checks: \(error.rendered)")
            }
            let report = Engine(policies: world.policies, documents: checked, now: world.now).run()
            let links = source.summary.links.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return .value("\(source.summary.records) records (\(links)), \(report.findings.count) findings")
        }
    }

    /// Checks that a problem (and each of its notes) is placed at a line and a column inside one of `texts`, or names one of them.
    private static func checkPlace(of problem: Diagnostic, in texts: [String: PlacedText]) {
        guard let location = problem.location else {
            precondition(problem.file.map { texts[$0] != nil } ?? false, "a problem with no place: \(problem.rendered)")
            return
        }
        checkPlace(location, in: texts, what: problem.rendered)
        for note in problem.notes { checkPlace(note.location, in: texts, what: problem.rendered) }
    }

    /// Checks that every node under `node` is placed inside its file, at a line and a column.
    private static func checkPlaces(_ node: Node, in texts: [String: PlacedText]) {
        checkPlace(node.location, in: texts, what: "a node of a record")
        for element in node.elements { checkPlaces(element, in: texts) }
        for (key, value) in node.entries {
            checkPlace(key.location, in: texts, what: "a key of a record")
            checkPlaces(value, in: texts)
        }
    }

    private static func checkPlace(_ location: SourceLocation, in texts: [String: PlacedText], what: String) {
        guard let text = texts[location.file] else { preconditionFailure("placed in a file that was not read: \(what)") }
        precondition(location.offset >= 0 && location.offset <= text.size, "placed outside its file: \(what)")
        precondition(location.line >= 1 && location.line <= text.lineBreaks + 1, "placed on a line the file does not have: \(what)")
        precondition(location.column >= 1 && location.column <= location.offset + 1, "placed at a column the line does not have: \(what)")
    }
}

/// A file's size and an upper bound on its line breaks (every byte that may end a line or a line-break sequence).
private struct PlacedText {
    let size: Int
    let lineBreaks: Int

    init(_ bytes: [UInt8]) {
        size = bytes.count
        lineBreaks = bytes.count { [0x0A, 0x0D, 0x85, 0xA8, 0xA9].contains($0) }
    }
}
