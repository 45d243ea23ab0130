import Foundation
import ClearanceTestSupport
import Testing

/// `clearance evidence` over a copy of the sample project with recorded runs: the files an auditor receives, row by row,
/// the sample drawn again from its seed, and every way the command refuses to write.
@Suite("clearance evidence")
struct EvidenceCommandTests {
    /// The period's folder under the sample copy.
    static let folder = "evidence-2026-10-01-2026-11-30"

    /// The sample project with two audits recorded as of 2026-11-20: in the first, the AWS credential report (made
    /// 2026-11-13T06:00Z) lists tomas.vega, who leaves at 2026-11-13T23:00Z; in the second, the report made two days
    /// after his exit (2026-11-15T23:00Z) no longer lists him.
    static func recorded() throws -> SampleProjectCopy {
        let project = SampleProjectCopy()
        let aws = "file: Fixtures/exports/aws-prod-credential-report.csv\n    environment: production\n    generated_at: "
        #expect(project.replace(aws + "2026-11-19T06:00:00Z", with: aws + "2026-11-13T06:00:00Z", in: "clearance.yaml"))
        let first = try project.run(["audit", "--record", "--as-of", "2026-11-20"])
        #expect(first.standardError.contains("recorded run 1 in .clearance/history.sqlite"), "\(first.standardError)")
        #expect(project.replace(aws + "2026-11-13T06:00:00Z", with: aws + "2026-11-15T23:00:00Z", in: "clearance.yaml"))
        let report = project.read("Fixtures/exports/aws-prod-credential-report.csv")
        let kept = report.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("tomas.vega,") }
        #expect(kept.count == report.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        project.write("Fixtures/exports/aws-prod-credential-report.csv", kept.joined(separator: "\n"))
        let second = try project.run(["audit", "--record", "--as-of", "2026-11-20"])
        #expect(second.standardError.contains("recorded run 2 in .clearance/history.sqlite: 1 outcome change, 1 account change"), "\(second.standardError)")
        return project
    }

    /// The rows of a CSV file of the package (CRLF line ends), header first.
    static func rows(_ project: SampleProjectCopy, _ file: String, folder: String = folder) -> [String] {
        project.read(folder + "/" + file).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// The evidence command of the recorded sequence.
    static let command = ["evidence", "--from", "2026-10-01", "--to", "2026-11-30", "--as-of", "2026-11-20", "--sample", "2", "--seed", "42"]

    @Test("an account absent from the export two days after exit: observed revocation 48 hours after exit, late, with the run and export that show it")
    func observedRevocation() throws {
        let project = try Self.recorded()
        let history = try Data(contentsOf: URL(fileURLWithPath: project.path + "/.clearance/history.sqlite"))
        let result = try project.run(Self.command)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            evidence for 2026-10-01 to 2026-11-30 (as of 2026-11-20T00:00:00Z) written to evidence-2026-10-01-2026-11-30/
              leavers: 3
              revocations: 12 systems: 1 within 24h, 5 late, 6 not revoked (4 observed, 2 declared)
              access reviews: 8 due, 0 done, 1 missed, 7 not shown by the member files
              sample: 2 of 3 leavers, seed 42
              history: .clearance/history.sqlite, 2 runs relied on of 2 recorded

            """)
        let revocations = Self.rows(project, "revocations.csv")
        #expect(revocations[0] == "leaver,system,exit_at,window,deadline,grants,declared_revoked_at,accounts,observed_status,observed_revoked_at,observed_as,"
                + "observed_run,observed_source,basis,revoked_at,hours_to_revoke,within_window,note")
        #expect(revocations.count == 13)
        #expect(revocations.contains("tomas.vega,aws,2026-11-13T23:00:00Z,24h,2026-11-14T23:00:00Z,aws acme-prod PlatformOperator,2026-11-16T16:10:00Z,"
                                     + "tomas.vega,revoked,2026-11-15T23:00:00Z,absent,2,Fixtures/exports/aws-prod-credential-report.csv,observed,"
                                     + "2026-11-15T23:00:00Z,48.00,no,"))
        // Declared only (no GitHub account of his in the history): the member file's time counts.
        #expect(revocations.contains("tomas.vega,github,2026-11-13T23:00:00Z,24h,2026-11-14T23:00:00Z,github acme/infrastructure maintain,"
                                     + "2026-11-16T16:12:00Z,,not observed,,,,,declared,2026-11-16T16:12:00Z,65.20,no,"))
        // Never revoked in the file nor seen revoked: listed as not revoked, with why.
        #expect(revocations.contains("camila.reyes,aws,2026-10-30T23:00:00Z,24h,2026-10-31T23:00:00Z,aws acme-prod/iam-user/fastlane-camila mobile-release,,"
                                     + "fastlane-camila,still listed,,,,,none,,,no,not declared revoked: aws acme-prod/iam-user/fastlane-camila mobile-release; "
                                     + "fastlane-camila still active in the latest export that listed it at 2026-11-13T06:00:00Z"))
        // A suspended identity-provider account counts as revoked when the export first showed it so.
        #expect(revocations.contains("camila.reyes,okta,2026-10-30T23:00:00Z,24h,2026-10-31T23:00:00Z,,,00urcgvG2NR5sqJJCsyg,revoked,2026-11-19T06:00:00Z,"
                                     + "suspended,1,Fixtures/exports/okta-users.json,observed,2026-11-19T06:00:00Z,463.00,no,"))
        let leavers = Self.rows(project, "leavers.csv")
        #expect(leavers.count == 4)
        #expect(leavers[3] == "tomas.vega,tomas.vega,Tomás Vega Alcántara,offboarding,2026-11-13T23:00:00Z,offboarding.exit,member file; hris,"
                + "2026-11-13T23:00:00Z,2026-11-13T00:00:00Z,hris:acme:E-1005,inactive,2026-11-13T00:00:00Z,Fixtures/exports/people.csv,"
                + "2026-11-16T16:05:00Z,Fixtures/team/tomas.vega.yaml,4,2,2,yes")
        // Still active, but the engagement ended and HR shows her terminated: a leaver, timed from the engagement's end.
        #expect(leavers[2].hasPrefix("regina.salinas,regina.salinas,Regina Salinas Olvera,active,2026-10-31T00:00:00Z,engagement.end,member file; hris,"))
        #expect(Self.rows(project, "sample.csv") == [
            "seed,draw,leaver,member,name,exit_at,systems,systems_not_revoked",
            "42,1,regina.salinas,regina.salinas,Regina Salinas Olvera,2026-10-31T00:00:00Z,4,3",
            "42,2,tomas.vega,tomas.vega,Tomás Vega Alcántara,2026-11-13T23:00:00Z,4,2",
        ])
        let runs = Self.rows(project, "runs.csv")
        #expect(runs.contains { $0.hasPrefix("2,2026-11-20T00:00:00Z,") && $0.contains(",evaluated in the period; shows a revocation,"
                                                                                           + "Fixtures/exports/aws-prod-credential-report.csv,source,") })
        #expect(runs.contains { $0.hasPrefix("current,2026-11-20T00:00:00Z,,evidence,,") && $0.contains(",Fixtures/team/tomas.vega.yaml,input,") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(project.read(Self.folder + "/evidence.json").utf8)) as? [String: Any])
        let rows = try #require(json["revocations"] as? [[String: Any]])
        let aws = try #require(rows.first { $0["leaver"] as? String == "tomas.vega" && $0["system"] as? String == "aws" })
        #expect(aws["hoursToRevoke"] as? Double == 48)
        #expect(aws["withinWindow"] as? String == "no")
        let observed = try #require(aws["observed"] as? [String: Any])
        #expect(observed["run"] as? Int == 2)
        #expect(observed["revokedAt"] as? String == "2026-11-15T23:00:00Z")
        #expect((json["sample"] as? [String: Any])?["seed"] as? String == "42")
        #expect((json["history"] as? [String: Any])?["available"] as? Bool == true)
        #expect((json["runs"] as? [[String: Any]])?.map { $0["id"] as? Int } == [1, 2])
        #expect(project.read(Self.folder + "/index.html").contains("<td>tomas.vega</td><td>aws</td><td>2026-11-13T23:00:00Z</td><td>2026-11-15T23:00:00Z</td>"
                                                                   + "<td>observed</td><td>48.00</td><td>no</td>"))
        // The history is read, never written: the same bytes, no side file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: project.path + "/.clearance/history.sqlite")) == history)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path + "/.clearance") == ["history.sqlite"])
    }

    @Test("the same seed draws the same sample and writes the same files; without --seed one is drawn, printed, and draws it again")
    func reproducibleSample() throws {
        let project = try Self.recorded()
        #expect(try project.run(Self.command).status == 0)
        #expect(try project.run(Self.command.dropLast(2) + ["--seed", "42", "--output", "again"]).status == 0)
        for file in ["leavers.csv", "revocations.csv", "reviews.csv", "sample.csv", "runs.csv", "index.html"] {
            #expect(project.read(Self.folder + "/" + file) == project.read("again/" + file), "\(file)")
        }
        #expect(try project.run(Self.command.dropLast(2) + ["--seed", "7", "--output", "seven"]).status == 0)
        #expect(Self.rows(project, "sample.csv", folder: "seven").dropFirst().map { $0.split(separator: ",")[2] } == ["camila.reyes", "regina.salinas"])
        let drawn = try project.run(Array(Self.command.dropLast(2)) + ["--output", "drawn"])
        #expect(drawn.status == 0)
        let line = try #require(drawn.standardOutput.split(separator: "\n").first { $0.hasPrefix("  sample: ") })
        let seed = try #require(line.split(separator: " ").dropFirst(6).first.map { String($0) })
        #expect(line == "  sample: 2 of 3 leavers, seed \(seed) (drawn at random; --seed \(seed) draws this sample again)")
        #expect(try project.run(Array(Self.command.dropLast(2)) + ["--seed", seed, "--output", "redrawn"]).status == 0)
        #expect(project.read("drawn/sample.csv") == project.read("redrawn/sample.csv"))
        #expect(project.read("drawn/sample.csv").hasPrefix("seed,draw,leaver,member,name,exit_at,systems,systems_not_revoked\r\n\(seed),1,"))
    }

    @Test("without a history the package is still written from the declarations, and says observed times are unavailable; nothing is made")
    func withoutHistory() throws {
        let project = SampleProjectCopy()
        let result = try project.run(["evidence", "--from", "2026-01-01", "--to", "2026-09-30", "--as-of", "2026-11-20", "--seed", "1"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("  history: none at .clearance/history.sqlite: observed revocation times are unavailable; "
                                                + "the revocations are the member files' declarations\n"))
        #expect(Self.rows(project, "revocations.csv", folder: "evidence-2026-01-01-2026-09-30").dropFirst() == [
            "hector.jimenez,aws,2026-09-30T23:00:00Z,24h,2026-10-01T23:00:00Z,aws acme-staging Developer,2026-09-30T23:40:00Z,,no history,,,,,declared,2026-09-30T23:40:00Z,0.67,yes,",
            "hector.jimenez,github,2026-09-30T23:00:00Z,24h,2026-10-01T23:00:00Z,github acme/orders-service write,2026-09-30T23:40:00Z,,no history,,,,,declared,2026-09-30T23:40:00Z,0.67,yes,",
            "hector.jimenez,jira,2026-09-30T23:00:00Z,24h,2026-10-01T23:00:00Z,jira acme write,2026-09-30T23:41:00Z,,no history,,,,,declared,2026-09-30T23:41:00Z,0.68,yes,",
        ])
        #expect(Self.rows(project, "reviews.csv", folder: "evidence-2026-01-01-2026-09-30").contains(
            "90d,2026-06-30T00:00:00Z,2026-09-28T00:00:00Z,fernanda.ortiz,github,acme/e2e-tests,write,development,no,2026-03-16T00:00:00Z,,"
                + "2026-05-12T00:00:00Z,marta.ruiz,keep,missed,Fixtures/team/fernanda.ortiz.yaml"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/.clearance"))
    }

    @Test("a cell that would run as a formula gets an apostrophe, quotes are doubled, and the page escapes what the files say")
    func escaping() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("name: Héctor Jiménez Pacheco", with: "name: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\") <b>bold</b>\\e[31m\"", in: "Fixtures/team/hector.jimenez.yaml"))
        let result = try project.run(["evidence", "--from", "2026-01-01", "--to", "2026-09-30", "--as-of", "2026-11-20", "--seed", "1", "--output", "out"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.rows(project, "sample.csv", folder: "out")[1] == "1,1,hector.jimenez,hector.jimenez,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") <b>bold</b>\\u{1B}[31m\","
                + "2026-09-30T23:00:00Z,3,0")
        #expect(!project.read("out/leavers.csv").unicodeScalars.contains("\u{1B}"))
        let page = project.read("out/index.html")
        #expect(page.contains("&lt;b&gt;bold&lt;/b&gt;"))
        #expect(!page.contains("<b>bold</b>"))
    }

    @Test("refusals: a reversed or bad period, a bad seed or sample, a linked folder, a history that is not one: exit 2, nothing written")
    func refusals() throws {
        let project = SampleProjectCopy()
        let reversed = try project.run(["evidence", "--from", "2026-10-01", "--to", "2026-09-30"])
        #expect(reversed.status == 2)
        #expect(reversed.standardError.contains("--from (2026-10-01) is after --to (2026-09-30): the period would be empty"), "\(reversed.standardError)")
        let bad = try project.run(["evidence", "--from", "2026-02-30", "--to", "2026-09-30"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--from must be a date (2026-01-01) or an RFC 3339 date-time (2026-01-01T00:00:00Z); got '2026-02-30'"))
        let seed = try project.run(["evidence", "--from", "2026-01-01", "--to", "2026-09-30", "--seed=-1"])
        #expect(seed.status == 2)
        #expect(seed.standardError.contains("--seed must be a whole number from 0 to 18446744073709551615; got '-1'"), "\(seed.standardError)")
        let sample = try project.run(["evidence", "--from", "2026-01-01", "--to", "2026-09-30", "--sample=-3"])
        #expect(sample.status == 2)
        #expect(sample.standardError.contains("--sample must be 0 or more; got -3"), "\(sample.standardError)")
        project.write("elsewhere/keep.txt", "kept\n")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/linked", withDestinationPath: project.path + "/elsewhere")
        let linked = try project.run(["evidence", "--from", "2026-01-01", "--to", "2026-09-30", "--as-of", "2026-11-20", "--output", "linked"])
        #expect(linked.status == 2)
        #expect(linked.standardError.hasSuffix("linked: the evidence folder is a symbolic link; it is not followed\n"), "\(linked.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path + "/elsewhere") == ["keep.txt"])
        project.write(".clearance/history.sqlite", "not a database\n")
        let foreign = try project.run(["evidence", "--from", "2026-01-01", "--to", "2026-09-30", "--as-of", "2026-11-20"])
        #expect(foreign.status == 2)
        #expect(foreign.standardError.hasSuffix(".clearance/history.sqlite: not a Clearance history (not a SQLite database); it is left as it is: name a new file\n"),
                "\(foreign.standardError)")
        #expect(project.read(".clearance/history.sqlite") == "not a database\n")
        #expect(!FileManager.default.fileExists(atPath: project.path + "/evidence-2026-01-01-2026-09-30"))
        for result in [reversed, bad, seed, sample, linked, foreign] { #expect(result.standardOutput.isEmpty) }
    }
}
