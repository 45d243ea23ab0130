import Foundation
import Testing

/// The CEL conformance suite: every vector in `Resources/cel-conformance` (or in the folder
/// `CEL_CONFORMANCE_DIR` names), less the skip list, must evaluate as expected.
@Suite struct ConformanceTests {
    @Test func conformanceVectorsPass() throws {
        let resources = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
        let folder = ProcessInfo.processInfo.environment["CEL_CONFORMANCE_DIR"].map { URL(fileURLWithPath: $0) }
            ?? resources.appendingPathComponent("cel-conformance")
        let skips = try SkipList(contentsOf: resources.appendingPathComponent("cel-conformance-skips.txt"))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(!files.isEmpty, "no conformance vectors in \(folder.path)")

        var passed = 0, skipped = 0
        var failures: [String] = []
        for file in files {
            for vector in try ConformanceVector.load(file) {
                if skips.contains(vector.key) {
                    skipped += 1
                } else if let failure = vector.run() {
                    failures.append("\(vector.key): \(vector.expression)\n    \(failure)")
                } else {
                    passed += 1
                }
            }
        }
        print("cel-conformance: \(passed) passed, \(failures.count) failed, \(skipped) skipped")
        #expect(failures.isEmpty, "\(failures.count) conformance vectors failed:\n\(failures.joined(separator: "\n"))")
        let total = passed + failures.count + skipped
        #expect(skipped * 100 <= total * 3, "skipped \(skipped) of \(total) vectors, over 3%")
    }
}

extension ConformanceTests {
    /// Upstream sections the shared copy lacks, engine edge cases and the engine's own functions, in the same format.
    @Test func extraVectorsPass() throws {
        let resources = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(at: resources.appendingPathComponent("cel-extra"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(files.map(\.lastPathComponent) == ["deadline.json", "extra.json"])
        let vectors = try files.flatMap { try ConformanceVector.load($0) }
        let failures = vectors.compactMap { vector in vector.run().map { "\(vector.key): \(vector.expression)\n    \($0)" } }
        print("cel-extra: \(vectors.count - failures.count) passed, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// The vectors the subset deliberately leaves out, one `file/section/name  # reason` per line.
struct SkipList {
    private var keys: Set<String> = []

    init(contentsOf url: URL) throws {
        for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let key = line.split(separator: "#", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) ?? ""
            if !key.isEmpty { keys.insert(key) }
        }
    }

    func contains(_ key: String) -> Bool { keys.contains(key) }
}
