import ArgumentParser
import ClearanceDocument
#if canImport(Glibc)
import Glibc
#endif

/// `clearance-bench load FILE...`: loads files with Clearance's loader, single-threaded, and reports the node count.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load YAML files with Clearance's loader (the counterpart of Benchmarks/yaml-scan)."
    )

    @Argument(help: "Files to load.")
    var files: [String]

    func run() throws {
        let loader = YAMLLoader(symbols: SymbolTable())
        var documents = 0, nodes = 0
        for file in files {
            do {
                for document in try loader.load(file: file) {
                    documents += 1
                    nodes += document.nodeCount
                }
            } catch {
                print(error.rendered)
                throw ExitCode(2)
            }
        }
        print("\(documents) documents, \(nodes) nodes")
    }
}
