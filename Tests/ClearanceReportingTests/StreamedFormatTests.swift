import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceTestSupport
import Foundation
import Testing
@testable import ClearanceReporting

/// The formats that read a report's findings as they write them (JSON, SARIF) write the same bytes from a run that kept
/// none (``Engine/runKeepingFew(keepingAtMost:progress:)`` past its budget) as from one that kept every finding; SARIF encodes its long lists in pieces
/// that join into what one encoding prints.
struct StreamedFormatTests {
    static let policy = """
        kind: Policy
        id: people
        title: People
        target: TeamMember
        rules:
          - id: PE-01
            title: A security owner who is active
            severity: critical
            require: member.security_owner in members
            message: "{{member.id}}: security owner {{member.security_owner}} is not a member"
          - id: PE-02
            title: Signed in within 90 days
            severity: low
            require: now - member.identity.last_login < duration('2160h')
            message: "{{member.id}} has not signed in for 90 days"
          - id: PE-03
            title: Encrypted devices
            severity: medium
            for_each: device in member.devices
            require: device.encrypted == true
            message: "{{device.id}} is not encrypted"
          - id: PE-04
            title: A known city
            severity: high
            require: member.location.city.size() > 0
            message: "{{member.id}} has no city"
        """

    /// 300 people in three files: every 9th with an owner who is not a member, every 4th signed in last in January, every
    /// 3rd with an unencrypted device, every 50th with no location (an error), and person 120 signed in after the run.
    static func file(_ range: Range<Int>, future: Bool = true) -> String {
        range.map { index in
            let login = index == 120 && future ? "2027-01-05" : (index % 4 == 0 ? "2026-01-02" : "2026-11-01")
            return """
                kind: TeamMember
                id: p\(index)
                name: Person \(index)
                status: active
                security_owner: \(index % 9 == 4 ? "gone" : "p0")
                identity: {last_login: \(login)}
                devices: [{id: d\(index)a, encrypted: true}, {id: d\(index)b, encrypted: \(index % 3 != 0)}]
                \(index % 50 == 7 ? "" : "location: {city: Lisbon}")

                """
        }.joined(separator: "---\n")
    }

    static let asOf = Timestamp(seconds: 1_795_046_400)!  // 2026-11-19T00:00:00Z

    /// The same run kept and streamed, and its engine.
    static func reports(jobs: Int, future: Bool = true) throws -> (kept: Report, streamed: Report, engine: Engine) {
        let policies = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(policy.utf8), name: "people.yaml")
        let folder = TemporaryDirectory()
        let files = [("team/b.yaml", file(100..<220, future: future)), ("team/a.yaml", file(0..<100, future: future)),
                     ("team/c.yaml", file(220..<300, future: future))]
        for (name, text) in files { folder.write(name, text) }
        let documents = try InputLoader(symbols: policies.symbols).load(paths: files.map { folder.path + "/" + $0.0 }, policies: policies, jobs: jobs)
        let engine = Engine(policies: policies, documents: documents, now: asOf, jobs: jobs)
        let streamed = engine.runKeepingFew(keepingAtMost: 0)
        #expect(streamed.streamed != nil)
        return (engine.run(), streamed, engine)
    }

    @Test(arguments: [1, 3])
    func jsonAndSARIFAreTheSameFromAStreamedRun(jobs: Int) throws {
        let (kept, streamed, engine) = try Self.reports(jobs: jobs)
        #expect(streamed.findings.isEmpty && kept.findings.count > 300)
        for (limit, waived) in [(5_000, false), (7, false), (150, true), (0, false)] {
            var context = ReportContext(failOn: .medium, commandLine: ["clearance", "check"], toolVersion: "0.1.0")
            context.jobs = jobs
            context.sarifMaxResults = limit
            context.sarifIncludeWaived = waived
            context.fullReport = "report.json"
            let sarif = SARIFReporter().render(streamed, context: context)
            #expect(sarif == SARIFReporter().render(kept, context: context))
            #expect(SARIFReporter.omitted(streamed, context) == SARIFReporter.omitted(kept, context))
            #expect(JSONReporter().render(streamed, context: context) == JSONReporter().render(kept, context: context))
            // A run that selects SARIF's results as it counts, from the start or once past a budget, writes the same log
            // without evaluating again; read with other settings than it selected for, it reads the stream.
            for budget in [0, 40] {
                let selected = engine.runKeepingFew(keepingAtMost: budget, selecting: SARIFReporter.findingSelection(context))
                #expect(selected.streamed != nil && selected.selected != nil)
                #expect(SARIFReporter().render(selected, context: context) == sarif)
                #expect(SARIFReporter.omitted(selected, context) == SARIFReporter.omitted(kept, context))
                var other = context
                other.sarifMaxResults = limit + 3
                #expect(SARIFReporter().render(selected, context: other) == SARIFReporter().render(kept, context: other))
            }
            // The few most severe are the critical rule's fails and the errors of the high one, in report order.
            if limit == 7 {
                let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
                let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
                #expect(results.compactMap { $0["ruleId"] as? String } == Array(repeating: "PE-01", count: 7))
            }
        }
    }

    /// The text report reads a streamed run's findings subject by subject as they come; with a finding outside the plan
    /// (evidence from the future, placed where the subject's are, but not evaluated with them) it gathers them first.
    @Test(arguments: [(1, false), (3, false), (2, true)])
    func textIsTheSameFromAStreamedRun(jobs: Int, future: Bool) throws {
        let (kept, streamed, _) = try Self.reports(jobs: jobs, future: future)
        #expect(streamed.streamed?.groupsBySubject == !future)
        for (color, failOn) in [(false, Severity.medium), (true, .critical), (false, .info)] {
            var context = ReportContext(failOn: failOn, color: color, commandLine: ["clearance", "check"], toolVersion: "0.1.0")
            context.jobs = jobs
            let text = TextReporter().render(streamed, context: context)
            #expect(text == TextReporter().render(kept, context: context))
            #expect(text.contains("checked against 4 rules") && text.split(separator: "\n").count > 300)
        }
    }

    @Test func sarifListsEncodedInPiecesJoinAsOneEncodingPrintsThem() throws {
        let (kept, _, _) = try Self.reports(jobs: 2)
        let files = (0..<2_500).map { FileDigest(path: "team/person-\($0).yaml", role: .input, bytes: Array("id: \($0)\n".utf8)) }
        let large = Report(asOf: kept.asOf, findings: kept.findings, summary: kept.summary, documentsChecked: kept.documentsChecked,
                           catalogue: kept.catalogue, inputFiles: kept.inputFiles + files, waivers: [])
        let context = ReportContext(failOn: .low, commandLine: ["clearance", "check"], toolVersion: "0.1.0")
        func text(_ atOnce: Int, jobs: Int = 1) -> (String, Int) {
            var pieces: [String] = []
            var context = context
            context.jobs = jobs
            SARIFReporter().stream(large, context: context, encodingAtOnce: atOnce) { pieces.append($0) }
            return (pieces.joined(), pieces.count)
        }
        let (whole, wholePieces) = text(1_000_000), (inPieces, pieceCount) = text(7)
        #expect(inPieces == whole)
        #expect(pieceCount > wholePieces + 300)
        // Pieces encoded on three threads are written in the same order.
        #expect(text(7, jobs: 3) == (inPieces, pieceCount))
        #expect(whole == SARIFReporter().render(large, context: context))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let uris = ((run["artifacts"] as? [[String: Any]]) ?? []).compactMap { ($0["location"] as? [String: Any])?["uri"] as? String }
        #expect(uris.count == large.catalogue.digests.count + large.inputFiles.count)
        #expect(uris.last == "team/person-2499.yaml")
        #expect((run["results"] as? [Any])?.count == kept.findings.count { $0.status == .fail || $0.status == .error })
    }
}
