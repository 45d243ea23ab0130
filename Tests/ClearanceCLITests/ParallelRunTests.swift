import Foundation
import Testing
import ClearanceTestSupport

/// Reading and evaluating on several threads gives byte-identical output to one thread.
@Suite("Parallel runs")
struct ParallelRunTests {
    static let formats = ["--format", "text,json=report.json", "--as-of", "2026-11-20"]

    func outputs(_ arguments: [String], jobs: Int, in folder: TemporaryDirectory) throws -> (status: Int32, text: String, json: String) {
        let result = try CommandRunner.run(arguments + ["--jobs", String(jobs)] + Self.formats.map {
            $0 == "text,json=report.json" ? "text,json=\(folder.path)/report-\(jobs).json" : $0
        })
        let json = try String(contentsOfFile: "\(folder.path)/report-\(jobs).json", encoding: .utf8)
        // The evidence records the command line, which names the job count: everything else must match.
        let withoutCommandLine = json.split(separator: "\n").filter { !$0.contains("\"commandLine\"") }.joined(separator: "\n")
        return (result.status, result.standardOutput, withoutCommandLine)
    }

    @Test func sampleTeamIsTheSameWithOneAndTwoJobs() throws {
        let folder = TemporaryDirectory()
        let one = try outputs(["check"], jobs: 1, in: folder)
        let two = try outputs(["check"], jobs: 2, in: folder)
        #expect(one.status == 1 && two.status == 1)
        #expect(one.text == two.text)
        #expect(one.json == two.json)
    }

    @Test func generatedTeamIsTheSameWithOneAndTwoJobs() throws {
        let folder = TemporaryDirectory()
        let generated = try CommandRunner.run(["generate", "--members", "400", "--seed", "7", folder.path + "/org"],
                                              executable: CommandRunner.benchExecutable)
        #expect(generated.status == 0, "\(generated.standardError)")
        let one = try outputs(["check", folder.path + "/org"], jobs: 1, in: folder)
        let two = try outputs(["check", folder.path + "/org"], jobs: 2, in: folder)
        #expect(one.status == 1)
        #expect(one.text == two.text)
        #expect(one.json == two.json)
        #expect(one.json.contains("\"fail\": "))
    }
}
