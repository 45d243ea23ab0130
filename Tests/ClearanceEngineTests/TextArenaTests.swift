import ClearanceCore
import ClearancePolicy
import Testing
@testable import ClearanceEngine

/// Findings' messages kept in an arena read back exactly, across blocks, whatever their length and script.
@Suite("Text arena")
struct TextArenaTests {
    @Test func keptTextsReadBackAsWrittenAcrossBlocks() {
        let arena = TextArena()
        var written: [String] = ["", "short", String(repeating: "x", count: TextArena.longestKept + 1), "ana.chavez.41140's grant on café ☕ 東京"]
        for index in 0..<5_000 { written.append("member m\(index) reaches aws acme-prod/role-\(index) with a static key") }
        let kept = written.map(arena.keep)
        #expect(kept.map(\.string) == written)
    }

    @Test func aFindingOutlivesTheSinkThatKeptItsText() {
        var findings: [Finding] = []
        do {
            let arena = TextArena()
            let message = arena.keep("the review of ana's azure grant on acme-prod does not count: the reviewer is the grantee")
            let rule = RuleInfo(id: "R-1", title: "Reviews", description: nil, policyID: "p", policyTitle: "P", severity: .high, controls: [],
                                remediation: nil, gates: [], target: .teamMember)
            findings.append(Finding(rule: rule, status: .fail, subject: "ana", kind: .teamMember, element: "access[0]", elementIndex: 0,
                                    elementIdentity: arena.keep("access{system=azure\u{1F}resource=acme-prod}"), message: message,
                                    location: .init(file: "team/ana.yaml", line: 3, column: 5, offset: 40), waiver: nil))
        }
        #expect(findings[0].message == "the review of ana's azure grant on acme-prod does not count: the reviewer is the grantee")
        #expect(findings[0].elementIdentity == "access{system=azure\u{1F}resource=acme-prod}")
    }
}

/// Texts written into an arena a piece at a time read back as the pieces joined, whether they stay in one block, move to a
/// new one as they grow, or grow too long for a block.
@Suite("Text arena, written in pieces")
struct TextArenaPiecesTests {
    @Test func piecesReadBackJoinedAcrossBlocksAndPastTheLongestKept() {
        let arena = TextArena()
        var expected: [String] = []
        var kept: [KeptText] = []
        for index in 0..<3_000 {
            // Mostly messages of a few pieces; now and then one that outgrows the blocks, or a short one held inline.
            let pieces: [String] = switch index % 97 {
            case 0: Array(repeating: "long piece ✓ ", count: TextArena.longestKept / 10)
            case 1: ["", "a", "", "b"]
            case 2: [String(repeating: "x", count: TextArena.longestKept - 3), "abc", "d"]
            default: ["member m\(index) reaches ", "aws", " acme-prod/role-\(index)", " with a static key ☕"]
            }
            arena.startText()
            for piece in pieces { arena.append(piece) }
            kept.append(arena.finishText())
            expected.append(pieces.joined())
        }
        #expect(kept.map(\.string) == expected)
    }
}
