import Foundation
import Testing
import ClearanceTestSupport

/// The sample team's findings point at the field that decided them, in every format.
@Suite("Finding locations in the sample team")
struct FindingLocationCLITests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// `file:line:column` of each JSON finding of a subject, by rule.
    func locations(of subject: String) throws -> [String: String] {
        let result = try CommandRunner.run(["check", "--format", "json"] + Self.asOf)
        #expect(result.status == 1)
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        var found: [String: String] = [:]
        for finding in report["findings"]?.array ?? [] where finding["subject"]?.string == subject {
            guard let rule = finding["rule"]?.string, let location = finding["location"],
                  case .number(let line)? = location["line"], case .number(let column)? = location["column"] else { continue }
            found[rule] = "\(location["file"]?.string ?? ""):\(Int(line)):\(Int(column))"
        }
        return found
    }

    /// Valeria's contract clauses: the IP assignment's `covers` list (line 79) and the incident
    /// notification hours (line 81, the second conjunct of CON-05), not the document's first line.
    @Test func contractFindingsPointAtTheClauses() throws {
        let found = try locations(of: "valeria.gutierrez")
        #expect(found["CON-02"] == "Fixtures/team/valeria.gutierrez.yaml:79:43")
        #expect(found["CON-05"] == "Fixtures/team/valeria.gutierrez.yaml:81:104")
    }

    /// Emilio's laptop: `auto_updates: false` (line 35) and `last_patched: 2026-08-14` (line 36), not the device's first line.
    @Test func deviceFindingsPointAtTheDevicesFields() throws {
        let found = try locations(of: "emilio.navarro")
        #expect(found["ZT-05"] == "Fixtures/team/emilio.navarro.yaml:35:19")
        #expect(found["ZT-06"] == "Fixtures/team/emilio.navarro.yaml:36:19")
    }

    /// GitHub annotations land on the same lines.
    @Test func annotationsLandOnTheField() throws {
        // Her file alone: GitHub shows ten annotations of a kind, and the whole team has more.
        let result = try CommandRunner.run(["check", "--format", "github", "Fixtures/team/valeria.gutierrez.yaml"] + Self.asOf)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").filter { $0.contains("file=Fixtures/team/valeria.gutierrez.yaml,") }
        #expect(lines.map { $0.split(separator: ",").prefix(3).joined(separator: ",").split(separator: " ").last.map(String.init) ?? "" } == [
            "file=Fixtures/team/valeria.gutierrez.yaml,line=79,col=43",
            "file=Fixtures/team/valeria.gutierrez.yaml,line=81,col=104",
        ])
    }
}
