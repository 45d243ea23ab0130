import Testing
import ClearanceCore
@testable import ClearanceDocument

/// A position inside a scalar's value maps back to its line and column in the file, in every style.
@Suite("Positions inside scalars")
struct ScalarSourceMapTests {
    /// The `line:column` of the first occurrence of `needle` in the value of key `key`.
    func position(of needle: String, in key: String, _ text: String) throws -> String {
        let document = try #require(try YAMLLoader(symbols: SymbolTable()).load(text: text, name: "p.yaml").first)
        let node = try #require(document.root[key])
        let value = try #require(node.string)
        let range = try #require(value.range(of: needle))
        let location = node.location(ofValueOffset: value.utf8.distance(from: value.startIndex, to: range.lowerBound))
        return "\(location.line):\(location.column)"
    }

    @Test func plain() throws {
        #expect(try position(of: "memer", in: "require", "require: member.sso && memer.ok\n") == "1:24")
    }

    @Test func plainAfterNonASCII() throws {
        #expect(try position(of: "bad", in: "m", "m: size(\"ñandú\") + bad\n") == "1:20")
        #expect(try position(of: "bad", in: "m", "m: ñandú + bad\n") == "1:12")
    }

    @Test func doubleQuotedWithEscapes() throws {
        #expect(try position(of: "oops", in: "m", "m: \"say \\\"hi\\\" \\u00e9 oops\"\n") == "1:23")
    }

    @Test func singleQuotedWithDoubledQuote() throws {
        #expect(try position(of: "oops", in: "m", "m: 'it''s oops'\n") == "1:11")
    }

    @Test func multiLinePlain() throws {
        #expect(try position(of: "memer", in: "require", "require: member.sso &&\n  memer.ok\n") == "2:3")
    }

    @Test func literalBlock() throws {
        #expect(try position(of: "memer", in: "require", "require: |\n  member.sso &&\n    memer.ok\n") == "3:5")
    }

    @Test func foldedBlock() throws {
        #expect(try position(of: "memer", in: "require", "require: >-\n  member.sso &&\n  memer.ok\n") == "3:3")
    }
}
