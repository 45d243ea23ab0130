import Foundation
import ClearanceTestSupport
import Testing

/// `clearance evidence` over the recorded sample sequence (``HistorySequence``): the leaver's exit, the declared and
/// observed revocation of each system with the run and export that show it, and the runs the package relied on.
@Suite("Recorded sample sequence: the period's evidence")
struct HistorySequenceEvidenceTests {
    /// The package folder for November.
    static let folder = "evidence-2026-11-01-2026-11-30/"

    /// `clearance evidence` for November as of the last run, with a sample of one leaver drawn with seed 7.
    static func evidence(_ sequence: HistorySequence, output: String? = nil) throws -> CommandRunner.Result {
        try sequence.project.run(["evidence", "--from", "2026-11-01", "--to", "2026-11-30", "--as-of", HistorySequence.asOf[3], "--sample", "1", "--seed", "7"]
                                 + (output.map { ["--output", $0] } ?? []))
    }

    /// The rows of a CSV file of the package, header first.
    static func rows(_ sequence: HistorySequence, _ file: String, folder: String = folder) -> [String] {
        EvidenceCommandTests.rows(sequence.project, file, folder: folder.hasSuffix("/") ? String(folder.dropLast()) : folder)
    }

    @Test("the leaver revoked two days after exit: AWS observed 48.5 hours after exit (run 3), GitHub 79 hours (run 4), both late; what no export shows revoked stays open")
    func revocations() throws {
        let sequence = try HistorySequenceTests.sequence()
        let result = try Self.evidence(sequence)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            evidence for 2026-11-01 to 2026-11-30 (as of 2026-11-24T12:00:00Z) written to evidence-2026-11-01-2026-11-30/
              leavers: 2
              revocations: 8 systems: 0 within 24h, 3 late, 5 not revoked (2 observed, 1 declared)
              access reviews: 0 due, 0 done, 0 missed, 0 not shown by the member files
              sample: 1 of 2 leavers, seed 7
              history: .clearance/history.sqlite, 4 runs relied on of 4 recorded

            """)
        let leavers = Self.rows(sequence, "leavers.csv")
        #expect(leavers.count == 3)
        #expect(leavers[1] == "jorge.castillo,jorge.castillo,Jorge Castillo Méndez,offboarding,\(HistorySequence.exit),offboarding.exit,member file,"
                + "\(HistorySequence.exit),2026-11-20T00:00:00Z,,,,,\(HistorySequence.revoked),\(HistorySequence.leaverFile),4,2,2,no")
        let revocations = Self.rows(sequence, "revocations.csv").filter { $0.hasPrefix(HistorySequence.leaver + ",") }
        #expect(revocations == [
            "jorge.castillo,aws,2026-11-20T23:00:00Z,24h,2026-11-21T23:00:00Z,aws acme-prod PlatformOperator; aws acme-dev PlatformOperator,"
                + "\(HistorySequence.revoked),\(HistorySequence.awsAccount),revoked,\(HistorySequence.awsExportGenerated),absent,3,"
                + "Fixtures/exports/aws-prod-credential-report.csv,observed,\(HistorySequence.awsExportGenerated),48.50,no,",
            "jorge.castillo,entra,2026-11-20T23:00:00Z,24h,2026-11-21T23:00:00Z,,,3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e05,still listed,,,,,none,,,no,"
                + "3f2a9c1e-5b7d-4e8a-9c01-2d4b6f8a1e05 still active in the latest export that listed it at \(HistorySequence.sampleExportsGenerated)",
            "jorge.castillo,github,2026-11-20T23:00:00Z,24h,2026-11-21T23:00:00Z,github acme/infrastructure maintain,\(HistorySequence.revoked),44718093,"
                + "revoked,\(HistorySequence.githubExportGenerated),absent,4,Fixtures/exports/github-members.json,observed,\(HistorySequence.githubExportGenerated),79.00,no,",
            "jorge.castillo,okta,2026-11-20T23:00:00Z,24h,2026-11-21T23:00:00Z,,,00ug40UWDuBN9KnqgrEO,still listed,,,,,none,,,no,"
                + "00ug40UWDuBN9KnqgrEO still active in the latest export that listed it at \(HistorySequence.sampleExportsGenerated)",
        ])
        // Every recorded run is relied on (evaluated in the period), each with the files it read.
        let runs = Self.rows(sequence, "runs.csv").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? "" }
        #expect(Set(runs) == ["1", "2", "3", "4", "current"])
        #expect(Self.rows(sequence, "sample.csv") == ["seed,draw,leaver,member,name,exit_at,systems,systems_not_revoked",
                                                      "7,1,tomas.vega,tomas.vega,Tomás Vega Alcántara,2026-11-13T23:00:00Z,4,3"])
    }

    @Test("the same seed draws the same sample, and the same package, into two folders, and the history is only read")
    func reproducible() throws {
        let sequence = try HistorySequenceTests.sequence()
        let history = try Data(contentsOf: URL(fileURLWithPath: sequence.project.path + "/.clearance/history.sqlite"))
        for folder in ["first", "second"] {
            let result = try Self.evidence(sequence, output: folder)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(Self.rows(sequence, "sample.csv", folder: "first/").count == 2)
        #expect(Self.rows(sequence, "sample.csv", folder: "first/") == Self.rows(sequence, "sample.csv", folder: "second/"))
        #expect(sequence.project.read("first/evidence.json") == sequence.project.read("second/evidence.json").replacingOccurrences(of: "second", with: "first"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: sequence.project.path + "/.clearance/history.sqlite")) == history)
    }
}
