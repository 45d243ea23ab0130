import ClearanceCore
import ClearanceDocument
@testable import ClearancePolicy
import Foundation
import Testing

/// The quick screen that lets a document without a shape problem skip the full check agrees with
/// the checker: it passes no document the checker finds a problem in, and passes the valid ones.
@Suite struct ShapeScreenTests {
    static let now = Timestamp(seconds: 1_795_132_800)!  // 2026-11-20T00:00:00Z

    /// The screen's verdict on a YAML text's first document, and the problems the full check finds there.
    static func judge(_ text: String, table: SymbolTable = SymbolTable()) throws -> (passes: Bool, problems: [String]) {
        let root = try #require(try YAMLLoader(symbols: table).load(text: text, name: "doc.yaml").first).root
        let kind = try #require(root["kind"]?.string.map(DocumentKind.init(rawValue:)))
        let shape = try #require(DocumentKinds.standard.descriptor(kind)?.shape)
        let screen = ShapeScreen(DocumentKinds.standard.descriptors.map { .object($0.shape) }, in: table)
        let problems = ShapeChecker.all(root, .object(shape), name: kind.rawValue).map(\.message)
        return (screen.passes(root.document, root.id, shape), problems)
    }

    @Test(arguments: ShapeAgreementTests.mutations)
    func theScreenPassesADocumentExactlyWhenTheCheckerFindsNothing(_ mutation: ShapeAgreementTests.Mutation) throws {
        let text = ShapeAgreementTests.baseText(mutation.base)
        let changed = text.replacingOccurrences(of: mutation.old, with: mutation.new, options: [], range: text.range(of: mutation.old))
        let (passes, problems) = try Self.judge(changed)
        #expect(passes == problems.isEmpty, "screen says \(passes ? "clean" : "not clean"); checker: \(problems)")
    }

    @Test func shapeValidTeamsPassTheScreen() throws {
        var generator = ShapeValidTeamGenerator(seed: 5, now: Self.now)
        var documents = 0
        for _ in 0..<10 {
            for text in generator.team().documents {
                let (passes, problems) = try Self.judge(text)
                #expect(problems.isEmpty)
                #expect(passes, "a shape-valid document does not pass the screen:\n\(text)")
                documents += 1
            }
        }
        #expect(documents >= 190)
    }

    /// Random damage to a sample member: a value replaced by one of another type, a key renamed or
    /// a line dropped. Whatever the result, a document the screen passes has no problem.
    @Test func theScreenNeverPassesADamagedDocumentTheCheckerRejects() throws {
        let lines = ShapeAgreementTests.baseText(.member).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var random = ShapeValidTeamGenerator.Random(state: 23)
        let values = ["42", "true", "null", "\"text\"", "2026-01-01", "[a, b]", "{x: 1}", "active", "webauthn", "direct", "production", "1.5"]
        var rejected = 0, passed = 0
        for _ in 0..<300 {
            var damaged = lines
            for _ in 0...random.below(3) {
                let index = random.below(damaged.count)
                let line = damaged[index]
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("kind:"), !line.hasPrefix("#") else { continue }
                switch random.below(3) {
                case 0: damaged[index] = String(line[...colon]) + " " + random.pick(values)
                case 1:
                    let indent = line.prefix { $0 == " " || $0 == "-" }
                    damaged[index] = indent + "zz" + line.dropFirst(indent.count)
                default: damaged.remove(at: index)
                }
            }
            let text = damaged.joined(separator: "\n")
            guard let (passes, problems) = try? Self.judge(text) else { continue }  // damage that breaks the YAML itself
            if passes {
                #expect(problems.isEmpty, "the screen passed a document with problems \(problems):\n\(text)")
                passed += 1
            } else {
                rejected += 1
            }
        }
        #expect(rejected > 100 && passed > 10, "rejected \(rejected), passed \(passed): the damage should give both")
    }

    @Test func aDocumentOfAnotherTableOrWithANumberKeyIsLeftToTheChecker() throws {
        let text = ShapeAgreementTests.baseText(.member)
        let screenTable = SymbolTable()
        let screen = ShapeScreen(DocumentKinds.standard.descriptors.map { .object($0.shape) }, in: screenTable)
        let other = try #require(try YAMLLoader(symbols: SymbolTable()).load(text: text, name: "doc.yaml").first).root
        let member = try #require(DocumentKinds.standard.descriptor(.teamMember)?.shape)
        #expect(!screen.passes(other.document, other.id, member))
        let numbered = try Self.judge(text.replacingOccurrences(of: "title: Machine", with: "12: x\ntitle: Machine"))
        #expect(!numbered.passes)
        #expect(numbered.problems.contains { $0.contains("must be strings") })
    }
}
