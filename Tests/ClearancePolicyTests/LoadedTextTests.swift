import ClearanceCore
import ClearanceDocument
import ClearanceTestSupport
import Testing
@testable import ClearancePolicy

/// A loaded snapshot holds its documents' trees, not their files' bytes: once a file's documents pass their own checks,
/// only the lines later errors may quote are kept, and every node is still located where the file has it.
@Suite("Loaded text")
struct LoadedTextTests {
    let directory = TemporaryDirectory()

    @Test func aCheckedInputFileKeepsOnlyTheLinesOfItsDocumentsStartsAndIDs() throws {
        let symbols = SymbolTable()
        let policies = try PolicyLoader(symbols: symbols).load(bytes: Array(SnapshotSymbolsTests.policy.utf8), name: "policy.yaml")
        let path = directory.write("team/two.yaml", """
            # two people in one file
            kind: TeamMember
            id: ana
            name: Ana
            status: active
            identity:
              sso: false
            ---
            kind: TeamMember
            name: Luis
            id: luis
            status: active

            """)
        let documents = try InputLoader(symbols: symbols).load(paths: [path], policies: policies).documents
        #expect(documents.map(\.id) == ["ana", "luis"])
        let source = try #require(documents.first?.document.source)
        #expect(!source.holdsText && source.text.isEmpty)
        #expect(documents[1].document.source === source)
        #expect((1...12).map { source.lineText($0) ?? "-" } == [
            "-", "kind: TeamMember", "id: ana", "-", "-", "-", "-", "-", "kind: TeamMember", "-", "id: luis", "-",
        ])
        // Nodes keep their places: the value of `identity.sso` is at line 7, column 8.
        let sso = try #require(documents[0].root["identity"]?["sso"])
        #expect(sso.bool == false)
        #expect((sso.location.file, sso.location.line, sso.location.column) == (path, 7, 8))
        let luis = try #require(documents[1].root["id"])
        #expect((luis.location.line, luis.location.column, luis.string) == (11, 5, "luis"))
    }

    @Test func aCopyThatKeepsLinesQuotesOnlyThoseAndLocatesAsTheFileDoes() throws {
        let file = SourceFile(path: "a.yaml", text: Array("one\ntwo\r\nthree\n".utf8))
        let copy = file.keepingLines([2, 9])
        #expect(file.holdsText && !copy.holdsText)
        #expect([1, 2, 3, 9].map { copy.lineText($0) } == [nil, "two", nil, nil])
        #expect(copy.location(offset: 9, column: 1) == file.location(offset: 9, column: 1))
        #expect(copy.line(containing: 9) == 3)
    }

    @Test func keptLinesInAnyOrderWithEmptyAndWideOnesQuoteAsTheFile() throws {
        let file = SourceFile(path: "b.yaml", text: Array("α: 1\n\nthird: ✓ 終\nfour\nfünf\n".utf8))
        let copy = file.keepingLines([5, 1, 3, 3, 2, 40])
        #expect((1...6).map { copy.lineText($0) } == ["α: 1", "", "third: ✓ 終", nil, "fünf", nil])
        #expect(file.keepingLines([]).lineText(1) == nil)
        #expect(copy.keepingLines([3, 4]).lineText(3) == "third: ✓ 終")  // a copy of a copy keeps what the first kept
    }
}
