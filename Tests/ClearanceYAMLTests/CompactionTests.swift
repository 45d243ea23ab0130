import ClearanceCore
import ClearanceDocument
import Testing

/// A compacted document (keys kept as symbols beside their values) reads as the document it came from: the same values at
/// the same places, the same keys in the same order, the same lookups; documents whose keys are not all symbols stay as
/// they are.
@Suite("Document compaction")
struct CompactionTests {
    static let texts = [
        "kind: TeamMember\nid: ana\nname: Ana\nroles: []\nlocation: {city: Lima, country: PE}\nidentity:\n  sso: true\n  mfa: [webauthn, totp]\n  last_login: 2026-11-15T19:30:00Z\n",
        "access:\n  - system: github\n    resource: acme/web\n    last_review: {date: 2026-11-02, reviewer: bo}\n    revoked: null\n  - system: aws\n    role: admin\n  - []\n  - {}\nempty: {}\ncount: 12\nratio: 0.5\n",
        "base: &grant\n  system: gcp\n  role: owner\nfirst: *grant\nsecond: *grant\nlist: [*grant, *grant]\nquoted: 'a: b'\nblock: |\n  two\n  lines\n",
        "- one\n- key: value\n  other: [1, 2, {deep: {deeper: x}}]\n- - nested\n  - list\n",
        // Columns that are not the byte count from the line's start: characters of several bytes before a node, a
        // byte-order mark, and columns past what a record holds.
        "naïve: café\nñandú: {ü: ö, z: [é, 1], 終: {わ: 2}}\nlist:\n  - ç: 1\n    é: x\n",
        "\u{FEFF}first: 1\nsecond: [x, {y: z}]\n",
        "a: 1\r\nb:\r\n  c: 2\r\n  d: [3, 4]\r\n",
        "wide: [" + String(repeating: "a, ", count: 25_000) + "{far: end}]\nnext: {é: " + String(repeating: "é", count: 70_000) + ", k: v}\n",
        "tab:\t{x: 1}\nlong: " + String(repeating: "w", count: 5_000) + "\nafter: {y: 2}\n",
        // Many lines; then many lines and wide columns, which do not both fit in a record's 32 bits.
        "first: 1\n" + String(repeating: "\n", count: 1_048_600) + "last: {z: [3]}\n",
        "first: 1\n" + String(repeating: "\n", count: 1_048_600) + "last: [" + String(repeating: "x", count: 5_000) + ", {z: 3}]\n",
        // A one-line JSON document: one line, columns far past 4,096.
        "{" + (0..<3_000).map { "\"k\($0)\": [\($0), {\"v\": true}]" }.joined(separator: ", ") + "}\n",
    ]

    /// Every key of every mapping, in order, with where its value is, walked by name.
    static func keys(_ node: Node, _ path: String = "") -> [String] {
        switch node.kind {
        case .mapping:
            return node.entries.flatMap { entry -> [String] in
                let name = entry.key.string ?? "?"
                let symbol = entry.key.document.symbol(entry.key.id).map { entry.key.document.symbols.name(of: $0) } ?? "-"
                let found = node[name].map { "\($0.location.line):\($0.location.column)" } ?? "missing"
                return ["\(path).\(name) \(symbol) \(entry.key.kind) \(found)"] + keys(entry.value, path + "." + name)
            }
        case .sequence:
            return node.elements.enumerated().flatMap { keys($0.element, path + "[\($0.offset)]") }
        default:
            return []
        }
    }

    @Test func aCompactedDocumentReadsAsItsOriginal() throws {
        let symbols = SymbolTable()
        for text in Self.texts {
            let original = try #require(try YAMLLoader(symbols: symbols).load(text: text, name: "a.yaml").first)
            // The copy has no line table: a compacted document keeps its nodes' lines and columns itself.
            let (compact, id) = try #require(original.compacted(locatedIn: original.source.keepingLines([1], lineTable: false)))
            #expect(compact.nodeCount < original.nodeCount)
            #expect(compact.root.json(marks: true) == original.root.json(marks: true))
            #expect(Self.keys(compact.root) == Self.keys(original.root))
            #expect(id(original.rootID) == compact.rootID)
            #expect(compact.offset(compact.rootID) == -1 && compact.root.location.offset == -1)
            if original.root.kind == .mapping {
                for index in 0..<original.root.count {
                    let value = original.value(index, of: original.rootID)
                    #expect(Node(document: compact, id: id(value)).json(marks: true) == Node(document: original, id: value).json(marks: true))
                    #expect(compact.value(index, of: compact.rootID) == id(value))
                    let name = original.string(original.key(index, of: original.rootID))
                    #expect(compact.value(forKey: .string(name), in: compact.rootID) == id(value))
                    #expect(compact.style(id(value)) == original.style(value) && compact.isFlowStyle(id(value)) == original.isFlowStyle(value))
                }
                #expect(compact.root["absent"] == nil)
            }
        }
    }

    @Test func keysWhoseSymbolsAreTooLargeForARecordAreKeptAside() throws {
        let symbols = SymbolTable()
        for number in 0..<70_000 { _ = symbols.intern("filler\(number)") }  // the keys below get symbols past 65,534
        let original = try #require(try YAMLLoader(symbols: symbols).load(text: Self.texts[0] + "filler3: early\n", name: "a.yaml").first)
        let (compact, _) = try #require(original.compacted(locatedIn: original.source))
        #expect(try #require(compact.symbol(compact.key(0, of: compact.rootID))).rawValue >= 70_000)
        #expect(compact.root.json(marks: true) == original.root.json(marks: true))
        #expect(Self.keys(compact.root) == Self.keys(original.root))
        #expect(compact.root["filler3"]?.string == "early" && compact.root["identity"]?["sso"]?.bool == true)
        #expect(compact.root["filler4"] == nil)
    }

    /// A lookup tries the entry its hint names first; any hint, stale or out of range, still finds the key or nothing,
    /// and `follow` walks a path of keys the same way.
    @Test func anyHintFindsTheKeyInACompactedDocument() throws {
        let symbols = SymbolTable()
        let original = try #require(try YAMLLoader(symbols: symbols).load(text: Self.texts[0], name: "a.yaml").first)
        let (compact, _) = try #require(original.compacted(locatedIn: original.source))
        let identity = try #require(symbols.symbol(named: "identity")), sso = try #require(symbols.symbol(named: "sso"))
        let expected = try #require(compact.root["identity"]?.id)
        for start in [-5, -1, 0, 2, 5, 6, 1_000, Int.max] {
            var hint = start
            #expect(compact.value(for: identity, in: compact.rootID, hint: &hint) == expected, "hint \(start)")
            #expect(hint == 5)
            var missing = start
            #expect(compact.value(for: try #require(symbols.symbol(named: "mfa")), in: compact.rootID, hint: &missing) == nil)
        }
        let hints = LookupHints(count: 2)
        let reached = compact.follow([identity, sso], from: 0, at: compact.rootID, hints: hints)
        #expect(reached.stoppedAt == 2 && compact.bool(reached.node) && hints[0] == 5 && hints[1] == 0)
        let stopped = compact.follow([identity, identity], from: 0, at: compact.rootID, hints: hints)
        #expect(stopped.stoppedAt == 1 && stopped.node == expected)
    }

    /// The same in the document as read, before compaction: a hint below zero or past the end is no hint.
    @Test func anyHintFindsTheKeyInADocumentAsRead() throws {
        let symbols = SymbolTable()
        let document = try #require(try YAMLLoader(symbols: symbols).load(text: Self.texts[0], name: "a.yaml").first)
        let identity = try #require(symbols.symbol(named: "identity"))
        let expected = try #require(document.root["identity"]?.id)
        for start in [Int.min, -5, -1, 0, 5, 1_000, Int.max] {
            var hint = start
            #expect(document.value(for: identity, in: document.rootID, hint: &hint) == expected, "hint \(start)")
        }
    }

    @Test func aCompactedDocumentCanBeRetyped() throws {
        let symbols = SymbolTable()
        let original = try #require(try YAMLLoader(symbols: symbols).load(text: Self.texts[0], name: "a.yaml").first)
        let (compact, id) = try #require(original.compacted(locatedIn: original.source))
        let login = try #require(original.root["identity"]?["last_login"]?.id)
        let retyped = compact.retyped([(id(login), .null)])
        #expect(retyped.root["identity"]?["last_login"]?.isNull == true)
        #expect(retyped.root["identity"]?["sso"]?.bool == true)
        #expect(retyped.compacted(locatedIn: retyped.source) == nil)  // compacted already
    }

    @Test func aDocumentWithKeysThatAreNotSymbolsStaysAsItIs() throws {
        let symbols = SymbolTable()
        let numbers = try #require(try YAMLLoader(symbols: symbols).load(text: "1: one\nname: x\n", name: "a.yaml").first)
        #expect(numbers.compacted(locatedIn: numbers.source) == nil)
        let plain = try #require(try YAMLLoader(symbols: symbols, keys: .lookUpOnly).load(text: "name: x\nunheard_of: y\n", name: "b.yaml").first)
        #expect(plain.hasPlainKeys && plain.compacted(locatedIn: plain.source) == nil)
        let scalar = try #require(try YAMLLoader(symbols: symbols).load(text: "just text\n", name: "c.yaml").first)
        #expect(scalar.compacted(locatedIn: scalar.source) == nil)
    }
}
