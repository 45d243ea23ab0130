import Foundation
import Testing
import ClearanceTestSupport

/// `clearance inspect` prints documents as resolved, and exits 2 with the rendered error on bad input.
@Suite("clearance inspect")
struct InspectCommandTests {
    let temporary = TemporaryDirectory()
    var directory: URL { URL(fileURLWithPath: temporary.path) }

    func write(_ name: String, _ text: String) { temporary.write(name, text) }

    @Test func printsOneJSONValuePerDocument() throws {
        write("vendors.yaml", "kind: Vendor\nid: talentbridge\nlast_security_audit: 2026-03-15\n---\nkind: Vendor\nid: \"007\"\ncount: 007\n")
        let result = try CommandRunner.run(["inspect", "vendors.yaml"], in: directory)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == """
            {"kind":"Vendor","id":"talentbridge","last_security_audit":"2026-03-15T00:00:00Z"}
            {"kind":"Vendor","id":"007","count":7}

            """)
    }

    @Test func marksAddLineAndColumn() throws {
        write("m.yaml", "id: ana\n")
        let result = try CommandRunner.run(["inspect", "--marks", "m.yaml"], in: directory)
        #expect(result.standardOutput == #"{"line":1,"column":1,"value":{"id":{"line":1,"column":5,"value":"ana"}}}"# + "\n")
    }

    @Test func badInputExitsTwoWithTheRenderedError() throws {
        write("good.yaml", "id: a\n")
        write("bad.yaml", "id: a\nid: b\n")
        let result = try CommandRunner.run(["inspect", "good.yaml", "bad.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardOutput == "{\"id\":\"a\"}\n")
        #expect(result.standardError == """
            bad.yaml:2:1: duplicate key 'id' in this mapping
            id: b
            ^
            bad.yaml:1:1: note: first defined here
            id: a
            ^

            """)
    }

    @Test func missingFileExitsTwo() throws {
        let result = try CommandRunner.run(["inspect", "nowhere.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError == "nowhere.yaml: cannot read: no such file or directory\n")
    }

    @Test func badFlagExitsTwoNotSixtyFour() throws {
        let result = try CommandRunner.run(["inspect", "--bogus", "x.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: Unknown option '--bogus'"))
    }
}
