import ClearanceDocument
import Testing
import ClearanceCore
import ClearanceTestSupport
@testable import ClearancePolicy

/// Loading some inputs as subjects and others as context: each file read once, in the role of the
/// first path that names it, and context documents in the lookups but never subjects.
@Suite("Input context")
struct InputContextTests {
    static let root = CommandRunner.packageRoot.path
    static let policies = try! PolicyLoader(symbols: SymbolTable()).load(paths: [root + "/Policies"])  // safe: the shipped packs load (other tests prove it)
    /// The sample's vendors' exports, which lie under Fixtures/ and are read only as sources.
    static let sources = try! ProjectConfiguration.load(path: root + "/clearance.yaml").sources  // safe: the sample project file loads (other tests prove it)

    @Test func oneMemberInTheContextOfTheWholeTeam() throws {
        let member = Self.root + "/Fixtures/team/ana.lopez.yaml"
        let documents = try InputLoader(symbols: Self.policies.symbols).load(paths: [member], waiverPaths: [Self.root + "/Fixtures/waivers.yaml"], context: [Self.root + "/Fixtures"],
                                               waiversAreContext: true, sources: Self.sources, sourcesAreContext: true, policies: Self.policies)
        #expect(documents.subjects.map(\.id) == ["ana.lopez"])
        // 51 documents of the team files (one a ServiceAccount), 123 exported records and one Source per export
        #expect(documents.documents.count == 180)
        #expect(documents.document(.vendor, id: "talentbridge") != nil)
        #expect(documents.waivers.map(\.id) == ["W-2026-014", "W-2026-009", "W-2026-017"])
        #expect(documents.reportedWaivers.isEmpty)
        #expect(documents.digests.filter { $0.path == member }.map(\.role) == [.input])
        #expect(documents.digests.filter { $0.role == .context }.count == 33)
        #expect(!documents.contextFiles.contains(member))
    }

    @Test func aPathNamedAgainAsContextStaysASubject() throws {
        let documents = try InputLoader(symbols: Self.policies.symbols).load(paths: [Self.root + "/Fixtures"], waiverPaths: [Self.root + "/Fixtures/waivers.yaml"],
                                               context: [Self.root + "/Fixtures/team/", Self.root + "/./Fixtures"], sources: Self.sources, policies: Self.policies)
        #expect(documents.contextFiles.isEmpty)
        #expect(documents.subjects.count == documents.documents.count)
        #expect(documents.digests.count == 34 + 10)  // the input files, and the ten files the six sources read
        #expect(documents.reportedWaivers.count == 3)
    }

    @Test func contextWaiverFilesApplyButAreNotReported() throws {
        let waivers = Self.root + "/Fixtures/waivers.yaml"
        let documents = try InputLoader(symbols: Self.policies.symbols).load(paths: [Self.root + "/Fixtures/team"], waiverPaths: [waivers], context: [Self.root + "/Fixtures/vendors.yaml"],
                                               waiversAreContext: true, policies: Self.policies)
        #expect(documents.waivers.count == 3)
        #expect(documents.reportedWaivers.isEmpty)
        #expect(documents.contextFiles == [waivers, Self.root + "/Fixtures/vendors.yaml"])
        #expect(Set(documents.subjects.map(\.kind)) == [.teamMember])
    }

    @Test func everyNamedPathMustHoldAFile() throws {
        let directory = TemporaryDirectory()
        directory.write("empty/.hidden.yaml", "kind: Waiver\n")
        let error = #expect(throws: Diagnostics.self) {
            try InputLoader(symbols: Self.policies.symbols).load(paths: [Self.root + "/Fixtures/team"], context: [directory.path + "/empty"], policies: Self.policies)
        }
        #expect(error?.items.map(\.description) == ["no YAML or JSON files found in \(directory.path)/empty"])
    }
}
