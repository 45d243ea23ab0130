import ClearanceCore
import ClearanceDocument
import Testing

/// A reader's documents, built node by node: located where the reader says, and refused where
/// their structure is wrong, with the place and the source line.
struct TreeBuilderTests {
    static let text = "name,mfa\nAna López,yes\n"

    private func builder() -> TreeBuilder {
        TreeBuilder(source: SourceFile(path: "people.csv", text: Array(Self.text.utf8)), symbols: SymbolTable())
    }

    @Test func nodesAreLocatedAtTheReadersOffsetsWithColumnsInCharacters() throws {
        var builder = builder()
        try builder.beginMapping(at: 9)
        try builder.scalar(.string("name"), at: 0)
        try builder.scalar(.string("Ana López"), at: 9)
        try builder.scalar(.string("mfa"), at: 5)
        try builder.scalar(.bool(true), at: 20)  // `yes`, after the two-byte ó: byte 12 of its line, character 11
        try builder.end()
        let document = try builder.finish()
        let mfa = try #require(document.root["mfa"])
        #expect(mfa.bool == true)
        #expect(mfa.location.description == "people.csv:2:11")
        #expect(document.root["name"]?.location.description == "people.csv:2:1")
        #expect(document.root["name"]?.string == "Ana López")
    }

    @Test func aDuplicateKeyIsRefusedAtItsPlaceWithTheFirstOne() throws {
        var builder = builder()
        try builder.beginMapping(at: 9)
        try builder.scalar(.string("name"), at: 0)
        try builder.scalar(.string("Ana"), at: 9)
        #expect {
            try builder.scalar(.string("name"), at: 5)
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.description == "people.csv:1:6: duplicate key 'name' in this mapping"
                && diagnostic?.notes.first?.location.description == "people.csv:1:1"
        }
    }

    @Test func structureErrorsAreDiagnosticsNotCrashes() throws {
        var unbalanced = builder()
        #expect { try unbalanced.end() } throws: { ($0 as? Diagnostic)?.message == "nothing to end: no mapping or sequence is open" }
        var open = builder()
        try open.beginSequence(at: 0)
        #expect { try open.finish() } throws: { ($0 as? Diagnostic)?.message == "1 mapping or sequence left open" }
        var twoRoots = builder()
        try twoRoots.scalar(.int(1), at: 0)
        try twoRoots.scalar(.int(2), at: 1)
        #expect { try twoRoots.finish() } throws: { ($0 as? Diagnostic)?.message == "a document has one root, not 2" }
        var outside = builder()
        #expect { try outside.scalar(.null, at: 400) } throws: { ($0 as? Diagnostic)?.message == "offset 400 is outside the file" }
        var dangling = builder()
        try dangling.beginMapping(at: 0)
        try dangling.scalar(.string("name"), at: 0)
        #expect { try dangling.end() } throws: { ($0 as? Diagnostic)?.location?.description == "people.csv:1:1" }
    }

    @Test func nodesPlacedBackAndForthGetTheColumnsOfAFreshLookup() throws {
        // Lines of every break libyaml knows, characters of two, three and four bytes, a line longer than 255 bytes,
        // a JSON-like line of many nodes, and a last line with no break.
        let text = "id,név\nAna López,✓\r\nb\u{85}c\u{2028}d\u{2029}e\rf😀g\n" + String(repeating: "ö-x,", count: 90) + "\n"
            + "[{\"a\":\"é\"},{\"b\":\"漢字\"},{\"c\":1}]\nlast"
        let source = SourceFile(path: "export.txt", text: Array(text.utf8))
        let count = source.text.count + 1
        // Every offset, the end of the file included, in a scattered order, then again in order and in reverse.
        var state: UInt64 = 7, scattered = Array(0..<count)
        for index in scattered.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            scattered.swapAt(index, Int(state >> 33) % (index + 1))
        }
        let offsets = scattered + Array(0..<count) + Array((0..<count).reversed())
        var builder = TreeBuilder(source: source, symbols: SymbolTable())
        try builder.beginSequence(at: 0)
        for offset in offsets { try builder.scalar(.int(Int64(offset)), at: offset) }
        try builder.end()
        let placed = try builder.finish().root.elements
        #expect(placed.count == offsets.count)
        for (node, offset) in zip(placed, offsets) where node.location != source.location(offset: offset) {
            Issue.record("offset \(offset): \(node.location), expected \(source.location(offset: offset))")
        }
    }
}
