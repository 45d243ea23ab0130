import Foundation
import Testing
import ClearanceTestSupport
import ClearanceCore
@testable import ClearanceDocument

/// One test per kind of loader error, each asserting the whole message a user sees.
@Suite("Loader errors")
struct LoaderErrorTests {
    /// Loads text named `name` and returns the rendered error, or a note that it loaded.
    func error(_ text: String, name: String = "team/ana.yaml", limits: LoaderLimits = .standard) -> String {
        error(Array(text.utf8), name: name, limits: limits)
    }

    func error(_ bytes: [UInt8], name: String = "team/ana.yaml", limits: LoaderLimits = .standard) -> String {
        do {
            let documents = try YAMLLoader(limits: limits, symbols: SymbolTable()).load(bytes: bytes, name: name, allowEmpty: false)
            return "loaded \(documents.count) document(s)"
        } catch {
            return error.rendered
        }
    }

    func fileError(_ path: String, limits: LoaderLimits = .standard) -> String {
        do {
            let documents = try YAMLLoader(limits: limits, symbols: SymbolTable()).load(file: path)
            return "loaded \(documents.count) document(s)"
        } catch {
            return error.rendered
        }
    }

    /// A plain `<<` key is a YAML 1.1 merge key, refused; `<<` quoted, as a value, or inside a longer key is text.
    @Test func onlyAPlainDoubleAngleKeyIsAMergeKey() {
        #expect(error("id: ana\n<<: {a: 1}\n") == """
            team/ana.yaml:2:1: merge keys (<<) are not supported; write the keys out
            <<: {a: 1}
            ^
            """)
        for text in ["'<<': x\n", "a: <<\n", "<<<: x\n", "<: x\n", "b: [<<]\n"] {
            #expect(error(text) == "loaded 1 document(s)", "\(text)")
        }
    }

    @Test func syntaxErrorGivesProblemAndContext() {
        #expect(error("members:\n  - id: ana\n    role: [admin\n  - id: luis\n") == """
            team/ana.yaml:4:7: syntax error: did not find expected ',' or ']' while parsing a flow sequence
              - id: luis
                  ^
            team/ana.yaml:3:11: note: the flow sequence started here
                role: [admin
                      ^
            """)
    }

    @Test func syntaxErrorColumnCountsCharactersNotBytes() {
        #expect(error("name: ñandú: x\n") == """
            team/ana.yaml:1:12: syntax error: mapping values are not allowed in this context
            name: ñandú: x
                       ^
            """)
    }

    @Test func duplicateKeyShowsBothPlaces() {
        #expect(error("name: Ana\nteam:\n  lead: marta\n  lead: luis\n") == """
            team/ana.yaml:4:3: duplicate key 'lead' in this mapping
              lead: luis
              ^
            team/ana.yaml:3:3: note: first defined here
              lead: marta
              ^
            """)
    }

    @Test func duplicateKeyInLargeMappingIsFound() {
        let keys = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n")
        #expect(error(keys + "\nk7: again\n") == """
            team/ana.yaml:41:1: duplicate key 'k7' in this mapping
            k7: again
            ^
            team/ana.yaml:8:1: note: first defined here
            k7: 7
            ^
            """)
    }

    @Test func duplicateKeysCompareResolvedValues() {
        #expect(error("0x10: a\n16: b\n") == """
            team/ana.yaml:2:1: duplicate key 16 in this mapping
            16: b
            ^
            team/ana.yaml:1:1: note: first defined here
            0x10: a
            ^
            """)
    }

    @Test func undefinedAlias() {
        #expect(error("a: &x 1\nb: *y\n") == """
            team/ana.yaml:2:4: alias *y has no anchor &y before it
            b: *y
               ^
            """)
    }

    @Test func recursiveAlias() {
        #expect(error("a: &x [1, *x]\n") == """
            team/ana.yaml:1:11: alias *x refers to a node that contains it; recursive aliases are not allowed
            a: &x [1, *x]
                      ^
            """)
    }

    @Test func nonScalarKey() {
        #expect(error("? [a, b]\n: c\n") == """
            team/ana.yaml:1:3: a mapping key must be a scalar, not a sequence
            ? [a, b]
              ^
            """)
        #expect(error("base: &b {x: 1}\n*b : c\n") == """
            team/ana.yaml:2:1: a mapping key must be a scalar, but *b is a mapping
            *b : c
            ^
            """)
    }

    @Test func invalidUTF8() {
        #expect(error(Array("name: Ana\ncity: ".utf8) + [0xFF] + Array("Guadalajara\n".utf8)) == """
            team/ana.yaml:2:7: invalid UTF-8: byte 0xFF cannot start a character
            city: \u{FFFD}Guadalajara
                  ^
            """)
        #expect(error(Array("a: ".utf8) + [0xC0, 0x80] + [0x0A]) == """
            team/ana.yaml:1:4: invalid UTF-8: an overlong encoding of a character
            a: \u{FFFD}\u{FFFD}
               ^
            """)
    }

    @Test func controlCharacter() {
        #expect(error(Array("a: b".utf8) + [0] + Array("c\n".utf8)) == """
            team/ana.yaml:1:5: control character U+0000 is not allowed in YAML
            a: b\u{FFFD}c
                ^
            """)
    }

    @Test func utf16IsRefusedWithAnExplanation() {
        #expect(error([0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]) == "team/ana.yaml: the file is UTF-16 encoded; Clearance reads UTF-8 (save the file as UTF-8)")
    }

    @Test func unsupportedTag() {
        #expect(error("a: !foo bar\n") == """
            team/ana.yaml:1:4: unsupported tag !foo: Clearance reads only !!str, !!int, !!float, !!bool, !!null, !!timestamp, !!map and !!seq
            a: !foo bar
               ^
            """)
        #expect(error("a: !!map x\n") == """
            team/ana.yaml:1:4: tag !!map cannot be used on a scalar
            a: !!map x
               ^
            """)
    }

    @Test func valueThatItsTagCannotHold() {
        #expect(error("a: !!int twelve\n") == """
            team/ana.yaml:1:4: 'twelve' is not an integer
            a: !!int twelve
               ^
            """)
    }

    @Test func integerBeyond64Bits() {
        #expect(error("n: 99999999999999999999\n") == """
            team/ana.yaml:1:4: integer 99999999999999999999 does not fit in 64 bits (quote it if it is text)
            n: 99999999999999999999
               ^
            """)
    }

    @Test func impossibleDate() {
        #expect(error("start: 2026-02-30\n") == """
            team/ana.yaml:1:8: '2026-02-30' is not a valid date: day 30 does not exist in February 2026, which has 28 days (quote it if it is text)
            start: 2026-02-30
                   ^
            """)
    }

    @Test func billionLaughs() {
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ",") + "]"]
        var previous = "a"
        for name in "bcdefghij".map(String.init) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]")
            previous = name
        }
        #expect(error(lines.joined(separator: "\n") + "\n") == """
            team/ana.yaml:6:29: aliases expand to more than 1,000,000 nodes in this document (is it a "billion laughs" file?)
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
                                        ^
            """)
    }

    @Test func hundredThousandNestedBrackets() {
        // A list is not a mapping document: its content is not shown, in case it is a secret.
        #expect(error(String(repeating: "[", count: 100_000) + "\n") == """
            team/ana.yaml:1:257: nesting is deeper than the limit of 256 levels; not a YAML mapping document, so its content is not shown
            """)
        #expect(error("a: " + String(repeating: "[", count: 100_000) + "\n") == """
            team/ana.yaml:1:259: nesting is deeper than the limit of 256 levels
            …\(String(repeating: "[", count: 120))…
                                                                         ^
            """)
    }

    @Test func limitsAreConfigurable() {
        let limits = LoaderLimits(maximumFileSize: 1024, maximumDepth: 2, maximumAliasExpansion: 3)
        #expect(error("a: {b: {c: 1}}\n", limits: limits) == """
            team/ana.yaml:1:8: nesting is deeper than the limit of 2 levels
            a: {b: {c: 1}}
                   ^
            """)
        #expect(error("a: &x [1, 2]\nb: *x\nc: *x\n", limits: limits) == """
            team/ana.yaml:3:4: aliases expand to more than 3 nodes in this document (is it a "billion laughs" file?)
            c: *x
               ^
            """)
        #expect(error(String(repeating: "# padding\n", count: 103), limits: limits)
                == "team/ana.yaml: file is too large: 1,030 bytes, over the limit of 1 KiB")
    }

    @Test func fileOverTheSizeLimitIsNotRead() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("huge.yaml", "a: 1\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(64 << 20) + 1)  // sparse: nothing is written
        try handle.close()
        #expect(fileError(path) == "\(path): file is too large: 67,108,865 bytes, over the limit of 64 MiB")
    }

    @Test func emptyFile() {
        let directory = TemporaryDirectory()
        let path = directory.write("empty.yaml", "")
        #expect(fileError(path) == "\(path): file is empty; expected at least one YAML document")
    }

    @Test func fileOfOnlyComments() {
        let directory = TemporaryDirectory()
        let path = directory.write("comments.yaml", "# only a comment\n\n# and another\n")
        #expect(fileError(path) == "\(path): file has no YAML document, only comments and blank lines")
    }

    @Test func directory() {
        let directory = TemporaryDirectory()
        let path = directory.path + "/team.yaml"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(fileError(path) == "\(path): is a directory, not a regular file")
    }

    @Test func fifoIsRefusedWithoutBlocking() {
        let directory = TemporaryDirectory()
        let path = directory.path + "/pipe.yaml"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(fileError(path) == "\(path): is a named pipe (FIFO), not a regular file")
    }

    @Test func missingFileAndSymlinkLoop() throws {
        let directory = TemporaryDirectory()
        #expect(fileError(directory.path + "/missing.yaml") == "\(directory.path)/missing.yaml: cannot read: no such file or directory")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/a.yaml", withDestinationPath: directory.path + "/b.yaml")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/b.yaml", withDestinationPath: directory.path + "/a.yaml")
        #expect(fileError(directory.path + "/a.yaml") == "\(directory.path)/a.yaml: cannot read: too many levels of symbolic links (a symlink loop)")
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any file"))
    func permissionDenied() {
        let directory = TemporaryDirectory()
        let path = directory.write("secret.yaml", "a: 1\n")
        chmod(path, 0)
        #expect(fileError(path) == "\(path): cannot read: permission denied")
    }
}
