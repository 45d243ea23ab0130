import Testing
import ClearanceCore
@testable import ClearanceDocument

/// Plain scalars resolve by the YAML 1.2 core schema plus dates; quoting and tags override.
@Suite("Scalar resolution")
struct ScalarResolutionTests {
    func resolve(_ text: String) throws -> Scalar? {
        let documents = try YAMLLoader(symbols: SymbolTable()).load(text: "v: \(text)\n", name: "test.yaml")
        return documents.first?.root["v"]?.scalar
    }

    static func date(_ text: String) -> Scalar {
        guard case .timestamp(let value) = TimestampSyntax.parse(text) else { return .null }
        return .timestamp(value)
    }

    @Test(arguments: [
        ("", Scalar.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
        ("yes", .string("yes")), ("on", .string("on")), ("y", .string("y")),
        ("0", .int(0)), ("-17", .int(-17)), ("+12", .int(12)), ("007", .int(7)), ("0o17", .int(15)), ("0x1F", .int(31)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("0b101", .string("0b101")), ("1_000", .string("1_000")), ("0x", .string("0x")),
        ("1.5", .double(1.5)), ("-.5", .double(-0.5)), ("1.", .double(1)), ("1e3", .double(1000)), ("6.02E+23", .double(6.02e23)),
        (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        ("1.2.3", .string("1.2.3")), ("v1.0", .string("v1.0")), (".", .string(".")),
        ("2026-02-02", date("2026-02-02")), ("2026-02-02T15:00:00Z", date("2026-02-02T15:00:00Z")),
        ("2026-11-01T17:00:00-06:00", date("2026-11-01T23:00:00Z")), ("2026-02-02t15:00:00.250z", date("2026-02-02T15:00:00.25Z")),
        ("2026-02-02 15:00:00", .string("2026-02-02 15:00:00")), ("2026-2-2", .string("2026-2-2")), ("20260202", .int(20_260_202)),
        ("SEC-1234", .string("SEC-1234")), ("marta.ruiz", .string("marta.ruiz")), ("30d", .string("30d")),
    ])
    func plainScalar(text: String, expected: Scalar) throws {
        #expect(try resolve(text) == expected)
    }

    @Test func notANumberIsADouble() throws {
        guard case .double(let value)? = try resolve(".nan") else { Issue.record("not a double"); return }
        #expect(value.isNaN)
    }

    @Test(arguments: [
        ("'true'", Scalar.string("true")), ("\"12\"", .string("12")), ("'2026-02-02'", .string("2026-02-02")), ("''", .string("")),
        ("!!str 12", .string("12")), ("!!str true", .string("true")), ("! 12", .string("12")),
        ("!!int \"42\"", .int(42)), ("!!float 1", .double(1)), ("!!bool 'false'", .bool(false)), ("!!null ''", .null),
        ("!!timestamp '2026-02-02'", date("2026-02-02")),
        ("!<tag:yaml.org,2002:str> 5", .string("5")),
    ])
    func quotedAndTagged(text: String, expected: Scalar) throws {
        #expect(try resolve(text) == expected)
    }

    @Test func blockScalarsAreStrings() throws {
        let document = try #require(try YAMLLoader(symbols: SymbolTable()).load(text: "a: |\n  12\nb: >\n  true\n", name: "t.yaml").first)
        #expect(document.root["a"]?.scalar == .string("12\n"))
        #expect(document.root["b"]?.scalar == .string("true\n"))
        #expect(document.root["a"]?.style == .literal)
    }

    @Test func keyOrderIsKept() throws {
        let document = try #require(try YAMLLoader(symbols: SymbolTable()).load(text: "zeta: 1\nalpha: 2\nmid: 3\n", name: "t.yaml").first)
        #expect(document.root.entries.map { $0.key.string ?? "" } == ["zeta", "alpha", "mid"])
        #expect(document.root.json() == #"{"zeta":1,"alpha":2,"mid":3}"#)
    }

    @Test func aliasesResolveToTheAnchoredValue() throws {
        let text = "base: &laptop {managed: true, encrypted: true}\ndevices:\n  - *laptop\n  - *laptop\n"
        let document = try #require(try YAMLLoader(symbols: SymbolTable()).load(text: text, name: "t.yaml").first)
        #expect(document.root.json() == #"{"base":{"managed":true,"encrypted":true},"devices":[{"managed":true,"encrypted":true},{"managed":true,"encrypted":true}]}"#)
        #expect(document.root["devices"]?[1]?["managed"]?.bool == true)
    }

    @Test func multiDocumentStreamsGiveSeveralDocuments() throws {
        let documents = try YAMLLoader(symbols: SymbolTable()).load(text: "kind: Vendor\n---\nkind: Waiver\n---\n", name: "t.yaml")
        #expect(documents.map { $0.root.json() } == [#"{"kind":"Vendor"}"#, #"{"kind":"Waiver"}"#, "null"])
        #expect(documents.map(\.position) == [0, 1, 2])
    }

    @Test func jsonIsYAML() throws {
        let document = try #require(try YAMLLoader(symbols: SymbolTable()).load(text: #"{"kind": "Vendor", "touches": ["code"], "n": 1.5, "x": null}"#, name: "v.json").first)
        #expect(document.root.json() == #"{"kind":"Vendor","touches":["code"],"n":1.5,"x":null}"#)
    }
}
