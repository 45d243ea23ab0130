import ClearanceFuzzTargets
import Foundation
import Testing

/// The `fuzz-sources` target reads what `clearance` reads: each sample export whole, linked to the fixture team; and
/// the exports it once stopped on end in a diagnostic at their place.
@Suite("Fuzz target: sources")
struct FuzzSourcesTargetTests {
    static func export(_ name: String) throws -> [UInt8] {
        try #require(FileManager.default.contents(atPath: FuzzWorld.root + "/Fixtures/exports/" + name).map { [UInt8]($0) })
    }

    /// The outcome's text up to the findings, which the shipped packs decide; and whether there were findings.
    static func records(_ outcome: FuzzOutcome) -> (String, Bool)? {
        guard case .value(let text) = outcome, let cut = text.range(of: "), ") else { return nil }
        return (String(text[..<cut.lowerBound]) + ")", !text.hasSuffix(", 0 findings"))
    }

    @Test func theSampleExportsAreReadWholeAndLinkedToTheTeam() throws {
        let samples: [(selector: UInt8, files: [String], expected: String)] = [
            (0, ["aws-prod-credential-report.csv"], "8 records (6 linked, 2 unlinked)"),
            (5, ["aws-prod-credential-report.csv"], "8 records (6 linked, 2 unlinked)"),  // with the scope its ARNs name
            (2, ["people.csv"], "16 records (15 linked, 1 unlinked)"),
            (3, ["github-members.json", "github-admins.json", "github-2fa-disabled.json"], "20 records (18 linked, 1 service, 1 unlinked)"),
            (4, ["okta-users.json", "okta-factors.json"], "26 records (25 linked, 1 unlinked)"),
        ]
        for sample in samples {
            let bytes = [sample.selector] + Array(try sample.files.map(Self.export).joined(separator: [0]))
            let outcome = FuzzEntry.sources(bytes)
            let read = try #require(Self.records(outcome), "\(sample.files): \(outcome)")
            #expect(read.0 == sample.expected)
            #expect(read.1, "the shipped packs find nothing in \(sample.files)")
        }
    }

    @Test func aRosterThatIsOnlyAByteOrderMarkIsEmptyAtItsStart() {
        #expect(FuzzEntry.sources([2, 0xEF, 0xBB, 0xBF]) == .diagnostic(
            "export.csv:1:1: the export is empty: it has no header line; a roster starts with a header naming its columns\n\n^"))
    }

    @Test func aThirdRecordWithOneIDIsToldOfTheFirst() {
        let roster = "employee_id,work_email,status,termination_date\nE-1,a@acme.com,Active,\nE-1,b@acme.com,Active,\nE-1,c@acme.com,Active,\n"
        #expect(FuzzEntry.sources([1] + Array(roster.utf8)) == .diagnostic("""
            export.csv:3:1: a second record with the id 'E-1'; each record of an export has its own
            E-1,b@acme.com,Active,
            ^
            export.csv:2:1: note: first on line 2
            E-1,a@acme.com,Active,
            ^
            export.csv:4:1: a second record with the id 'E-1'; each record of an export has its own
            E-1,c@acme.com,Active,
            ^
            export.csv:2:1: note: first on line 2
            E-1,a@acme.com,Active,
            ^
            """))
    }
}
