import Foundation
import Testing
import ClearanceTestSupport
import ClearanceCore
import ClearanceDocument

/// Symbol tables belong to a snapshot: reading without interning never grows one, and every
/// key, known to the table or not, is found by name.
@Suite("Symbol tables")
struct SymbolTableTests {
    /// A key unknown to the table, different for every call.
    static func randomKey() -> String { "k_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }

    @Test func readingWithoutInterningLeavesTheTableAsItWas() throws {
        let symbols = SymbolTable()
        let snapshot = try #require(try YAMLLoader(symbols: symbols).load(text: "id: ana\nstatus: active\n", name: "ana.yaml").first)
        #expect(!snapshot.hasPlainKeys)
        let known = symbols.count
        #expect(known == 2)
        let loader = YAMLLoader(symbols: symbols, keys: .lookUpOnly)
        for index in 0..<10_000 {
            let key = Self.randomKey()
            let document = try #require(try loader.load(text: "id: m\(index)\n\(key): \(index)\nnested: {\(key): x}\n", name: "request.yaml").first)
            #expect(document.hasPlainKeys)
            #expect(document.root["id"]?.string == "m\(index)")
            #expect(document.root[key]?.int == Int64(index))
            #expect(document.root["nested"]?[key]?.string == "x")
            #expect(document.value(forKey: .string(key), in: document.rootID).map { document.int($0) } == Int64(index))
            #expect(document.root["absent"] == nil)
        }
        #expect(symbols.count == known)
        #expect(symbols.symbol(named: "nested") == nil)
    }

    @Test func knownKeysStaySymbolsWhenNotInterning() throws {
        let symbols = SymbolTable()
        _ = try YAMLLoader(symbols: symbols).load(text: "id: a\n", name: "a.yaml")
        let document = try #require(try YAMLLoader(symbols: symbols, keys: .lookUpOnly).load(text: "id: b\n", name: "b.yaml").first)
        #expect(!document.hasPlainKeys)
        #expect(document.symbol(document.key(0, of: document.rootID)) == symbols.symbol(named: "id"))
    }

    @Test func aPlainKeySpelledTwiceIsADuplicate() {
        let loader = YAMLLoader(symbols: SymbolTable(), keys: .lookUpOnly)
        #expect(throws: Diagnostic.self) { try loader.load(text: "zz: 1\nyy: 2\nzz: 3\n", name: "d.yaml") }
        do {
            _ = try loader.load(text: "a: &k zz\nm:\n  zz: 1\n  *k : 2\n", name: "d.yaml")
            Issue.record("an alias spelling a key already in the mapping loaded")
        } catch {
            #expect(error.rendered == """
                d.yaml:4:3: duplicate key 'zz' in this mapping
                  *k : 2
                  ^
                d.yaml:3:3: note: first defined here
                  zz: 1
                  ^
                """)
        }
    }

    @Test func aKeyOfAnotherTableIsFoundByName() throws {
        let first = SymbolTable(), second = SymbolTable()
        _ = try YAMLLoader(symbols: first).load(text: "padding: 0\nother: 1\n", name: "a.yaml")
        let document = try #require(try YAMLLoader(symbols: second).load(text: "other: 2\n", name: "b.yaml").first)
        #expect(document.root[ResolvedKey(interning: "other", in: first)]?.int == 2)
        #expect(document.root[ResolvedKey("padding", in: first)] == nil)
    }

    @Test func snippetsShowTheLineAfterTheFileIsGone() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("ana.yaml", "id: ana\nstatus: actve\n")
        let document = try #require(try YAMLLoader(symbols: SymbolTable()).load(file: path).first)
        try FileManager.default.removeItem(atPath: path)
        #expect(document.source.lineText(2) == "status: actve")
        let status = try #require(document.root["status"])
        let diagnostic = Diagnostic(code: "input.test", message: "unknown status", location: status.location,
                                    sourceLine: document.source.lineText(status.location.line))
        #expect(diagnostic.rendered == """
            \(path):2:9: unknown status
            status: actve
                    ^
            """)
    }
    /// A frozen table answers from the names it held when frozen, and still from those interned after, on any thread,
    /// while another thread interns; a second freeze changes nothing.
    @Test func aFrozenTableFindsEveryNameWhileOthersAreAdded() async {
        let symbols = SymbolTable()
        let before = (0..<200).map { symbols.intern("before_\($0)") }
        symbols.freeze()
        #expect(symbols.symbol(named: "before_7") == before[7])
        #expect(symbols.name(of: before[199]) == "before_199")
        #expect(symbols.symbol(named: "after_0") == nil)
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                (0..<2_000).allSatisfy { index in
                    let symbol = symbols.intern("after_\(index)")
                    if index == 1_000 { symbols.freeze() }
                    return symbols.symbol(named: "after_\(index)") == symbol && symbols.name(of: symbol) == "after_\(index)"
                }
            }
            for reader in 0..<3 {
                group.addTask {
                    (0..<20_000).allSatisfy { step in
                        let index = (step * 7 + reader) % 200
                        return symbols.symbol(named: "before_\(index)") == before[index] && symbols.name(of: before[index]) == "before_\(index)"
                    }
                }
            }
            for await allFound in group { #expect(allFound) }
        }
        #expect(symbols.count == 2_200)
        #expect(symbols.symbol(named: "after_1999").map { symbols.name(of: $0) } == "after_1999")
        #expect(symbols.symbol(named: "never") == nil)
    }
}
