import Foundation
import Testing
import ClearanceTestSupport

/// A company's own settings in clearance.yaml: params change what rules check and what their texts say, overrides
/// change a rule's severity or turn it off until they expire, and every mistake is an error at its line.
@Suite("Project settings")
struct ProjectSettingsTests {
    static let asOf = ["--as-of", "2026-11-20"]

    /// The sample clearance.yaml's lines: where a param added under `access-reviews:` lands, and where appended `rules:` start.
    static let sampleLines = (try? String(contentsOfFile: CommandRunner.packageRoot.path + "/clearance.yaml", encoding: .utf8))?
        .split(separator: "\n", omittingEmptySubsequences: false).dropLast() ?? []
    /// The line of a param added first under `access-reviews:`.
    static let paramLine = (sampleLines.firstIndex(of: "  access-reviews:") ?? 0) + 2
    /// The line of `AR-07:` in an appended override (`rules:` is the line before).
    static let overrideLine = sampleLines.count + 2

    /// The sample project with `lines` added under its `access-reviews` settings.
    static func project(accessReviews lines: String = "", appending tail: String = "") -> SampleProjectCopy {
        let project = SampleProjectCopy()
        #expect(project.replace("  access-reviews:\n", with: "  access-reviews:\n" + lines, in: "clearance.yaml"))
        project.append(tail, to: "clearance.yaml")
        return project
    }

    /// The findings of `check --format json` of one rule, as "subject status severity: message".
    static func findings(_ project: SampleProjectCopy, rule: String, _ arguments: [String] = asOf) throws -> [String] {
        let result = try project.run(["check", "--format", "json"] + arguments)
        #expect(result.status != 2, "\(result.standardError)")
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        return (report["findings"]?.array ?? []).filter { $0["rule"]?.string == rule }.map { finding in
            ["subject", "status", "severity"].map { finding[$0]?.string ?? "-" }.joined(separator: " ") + ": " + (finding["message"]?.string ?? "")
        }
    }

    @Test func aParamSetInTheProjectChangesTheFindingsAndTheirText() throws {
        let sample = SampleProjectCopy()
        let tuned = Self.project(accessReviews: "    review_cadence: 180d\n")
        // The review of 2026-05-12 is 177 days old on 2026-11-05: overdue at the pack's 90 days, within the project's 180.
        let early = ["--as-of", "2026-11-05"]
        let fernanda = { (findings: [String]) in findings.filter { $0.hasPrefix("fernanda.ortiz ") } }
        #expect(try fernanda(Self.findings(sample, rule: "AR-03", early))
                == ["fernanda.ortiz fail medium: fernanda.ortiz's github grant on acme/e2e-tests was last reviewed 2026-05-12, 177 days ago; limit 90 days"])
        #expect(try fernanda(Self.findings(tuned, rule: "AR-03", early)) == [])
        #expect(try Self.findings(tuned, rule: "AR-03")
                == ["fernanda.ortiz fail medium: fernanda.ortiz's github grant on acme/e2e-tests was last reviewed 2026-05-12, 192 days ago; limit 180 days"])
        // The title reads the param too, and explain says where the value came from.
        let explained = try tuned.run(["explain", "AR-03"])
        #expect(explained.standardOutput.hasPrefix("AR-03 · Access is reviewed at least every 180 days\n"))
        let line = { (output: String) in output.split(separator: "\n").first { $0.hasPrefix("  review_cadence ") }.map { $0.split(separator: " ") } }
        #expect(line(explained.standardOutput) == ["review_cadence", "180d", "clearance.yaml:\(Self.paramLine):21"], "\(explained.standardOutput)")
        let byDefault = try sample.run(["explain", "AR-03"])
        #expect(line(byDefault.standardOutput) == ["review_cadence", "90d", "pack", "default"], "\(byDefault.standardOutput)")
    }

    @Test func theReportsListEverySettingWithItsOrigin() throws {
        let project = Self.project(accessReviews: "    review_cadence: 180d\n")
        let result = try project.run(["check", "--format", "json"] + Self.asOf)
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        let packs = report["evidence"]?["packs"]?.array ?? []
        let reviews = try #require(packs.first { $0["id"]?.string == "access-reviews" })
        #expect(reviews["version"]?.string == "2.0.0")
        let settings = reviews["settings"]?.array ?? []
        let cadence = try #require(settings.first { $0["name"]?.string == "review_cadence" })
        #expect(cadence["value"]?.string == "180d")
        #expect(cadence["origin"]?.string == "clearance.yaml:\(Self.paramLine):21")
        let inactivity = try #require(settings.first { $0["name"]?.string == "max_inactivity" })
        #expect(inactivity["origin"]?.string == "default")
        #expect(packs.count == 17)
        let sarif = try project.run(["check", "--format", "sarif"] + Self.asOf)
        #expect(sarif.standardOutput.contains("\"name\" : \"access-reviews\""))
        #expect(sarif.standardOutput.contains("\"origin\" : \"clearance.yaml:\(Self.paramLine):21\""))
        let html = try project.run(["check", "--format", "html"] + Self.asOf)
        #expect(html.standardOutput.contains("<td><code>access-reviews</code></td><td><code>review_cadence</code>"))
    }

    static func override(_ change: String, expires: String = "2026-12-31", approvedBy: String = "marta.ruiz") -> String {
        "rules:\n  AR-07:\n    \(change)\n    justification: dormant accounts are handled by the quarterly IdP clean-up\n"
            + "    approved_by: \(approvedBy)\n    expires: \(expires)\n"
    }

    @Test func anOverrideChangesTheSeverityUntilItExpires() throws {
        let dormant = "alejandro.torres fail %@: alejandro.torres last signed in 2026-07-30T18:22:00Z, 112 days ago; limit 90 days"
        #expect(try Self.findings(SampleProjectCopy(), rule: "AR-07") == [dormant.replacingOccurrences(of: "%@", with: "medium")])
        let lowered = Self.project(appending: Self.override("severity: low"))
        #expect(try Self.findings(lowered, rule: "AR-07") == [dormant.replacingOccurrences(of: "%@", with: "low")])
        let explained = try lowered.run(["explain", "AR-07"])
        #expect(explained.standardOutput.contains("severity   low\n           (the pack says medium; changed by clearance.yaml:\(Self.overrideLine):3, approved by marta.ruiz until 2026-12-31"))
        // Expired: the pack's severity again, and the expired override is a finding of its own at its expiry.
        let expired = Self.project(appending: Self.override("severity: low", expires: "2026-11-01"))
        #expect(try Self.findings(expired, rule: "AR-07") == [dormant.replacingOccurrences(of: "%@", with: "medium")])
        #expect(try Self.findings(expired, rule: "override-expired")
                == ["AR-07 fail low: the override of AR-07 that set its severity to low expired 2026-11-01; the rule applies as its pack wrote it"])
        let text = try expired.run(["check"] + Self.asOf)
        #expect(text.standardOutput.contains("clearance.yaml:\(Self.overrideLine + 4):14"), "\(text.standardOutput)")
    }

    @Test func anOverrideTurnsARuleOffAndSaysSo() throws {
        let project = Self.project(appending: Self.override("disabled: true"))
        #expect(try Self.findings(project, rule: "AR-07") == [])
        let result = try project.run(["check", "--format", "json"] + Self.asOf)
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        let overrides = report["evidence"]?["ruleOverrides"]?.array ?? []
        #expect(overrides.count == 1)
        #expect(overrides.first?["rule"]?.string == "AR-07")
        #expect(overrides.first?["disabled"] == .bool(true))
        #expect(overrides.first?["applied"] == .bool(true))
        let explained = try project.run(["explain", "AR-07"])
        #expect(explained.standardOutput.contains("disabled   by clearance.yaml:\(Self.overrideLine):3, approved by marta.ruiz until 2026-12-31"))
    }

    @Test func anOverrideNeedsAnEntitledApproverAndABoundedTerm() throws {
        let unapproved = try Self.project(appending: Self.override("disabled: true", approvedBy: "alejandro.torres")).run(["check"] + Self.asOf)
        #expect(unapproved.status == 2)
        #expect(unapproved.standardError.hasPrefix(
            "clearance.yaml:\(Self.overrideLine + 3):18: the override of AR-07 is not approved: approver alejandro.torres does not hold the security-owner role\n"),
                "\(unapproved.standardError)")
        let endless = try Self.project(appending: Self.override("disabled: true", expires: "2099-01-01")).run(["check"] + Self.asOf)
        #expect(endless.status == 2)
        #expect(endless.standardError.hasPrefix(
            "clearance.yaml:\(Self.overrideLine + 4):14: the override of AR-07 expires 2099-01-01, more than 90 days after 2026-11-20 (waiver_max_days)\n"),
                "\(endless.standardError)")
        let nothing = try Self.project(appending: Self.override("justification: x")).run(["check"] + Self.asOf)
        #expect(nothing.status == 2)
    }

    @Test func aPatternThatDoesNotCompileIsAnError() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("'^(SEC|IT)-[0-9]+$'", with: "'^(SEC|IT-[0-9]+$'", in: "clearance.yaml"))
        let result = try project.run(["check"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(
            "clearance.yaml:\(Self.paramLine):21: settings.access-reviews.ticket_pattern must be pattern: '^(SEC|IT-[0-9]+$' is not a regular expression"),
                "\(result.standardError)")
    }

    /// A text that reads a setting prints it escaped: a terminal escape in a pattern never reaches a terminal or a report.
    @Test func aSettingReadByATitleIsEscapedEverywhere() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("ticket_pattern: '^(SEC|IT)-[0-9]+$'", with: "ticket_pattern: \"^(SEC|IT)-[0-9]+$\\e]8;;http://evil\\a\"", in: "clearance.yaml"))
        var outputs = [try project.run(["explain", "AR-02"]).standardOutput]
        #expect(outputs[0].contains("ids matching ^(SEC|IT)-[0-9]+$\\u{1B}]8;;http://evil\\u{07})"), "\(outputs[0])")
        for format in ["text", "json", "sarif", "html", "markdown", "junit", "github"] {
            outputs.append(try project.run(["check", "--format", format] + Self.asOf).standardOutput)
        }
        for output in outputs {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        }
    }

    @Test func aTimeZoneThatIsAPathIsRefused() throws {
        let project = SampleProjectCopy()
        #expect(project.replace("  offboarding:\n", with: "  offboarding:\n    timezone: ../../../../etc/localtime\n", in: "clearance.yaml"))
        let result = try project.run(["check"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.standardError.contains("settings.offboarding.timezone must be timezone: '../../../../etc/localtime' is not a time zone"),
                "\(result.standardError)")
    }

    @Test func mistakesInSettingsAreErrorsAtTheirLine() throws {
        let cases: [(String, String, String)] = [
            ("    review_cadense: 180d\n", "", "clearance.yaml:\(Self.paramLine):5: pack access-reviews declares no param 'review_cadense' (did you mean 'review_cadence'?)"),
            ("    review_cadence: soon\n", "", "clearance.yaml:\(Self.paramLine):21: settings.access-reviews.review_cadence must be a duration such as 90d, 24h or 30m; found 'soon'"),
            ("    privileged_roles: admin\n", "", "clearance.yaml:\(Self.paramLine):23: settings.access-reviews.privileged_roles must be a mapping; found 'admin'"),
            ("    max_inactivity: 90\n", "", "clearance.yaml:\(Self.paramLine):21: settings.access-reviews.max_inactivity must be a duration such as 90d, 24h or 30m; found 90"),
            ("", "  zero-trust-baseline: {accepted_mfa: [totp], environments: {prod: x}}\n",
             "clearance.yaml:\(Self.overrideLine - 1):61: settings.zero-trust-baseline.environments must be a list; found a mapping"),
            ("", "  acces-reviews: {review_cadence: 180d}\n", "pack 'acces-reviews', which no loaded policy defines (did you mean 'access-reviews'?)"),
            ("", "rules:\n  AR-7:\n    disabled: true\n    justification: x\n    approved_by: marta.ruiz\n    expires: 2026-12-31\n",
             "clearance.yaml:\(Self.overrideLine):3: rules names 'AR-7', which no loaded policy defines (did you mean 'AR-07'?)"),
        ]
        for (setting, tail, expected) in cases {
            let project = SampleProjectCopy()
            #expect(project.replace("  access-reviews:\n", with: "  access-reviews:\n" + setting, in: "clearance.yaml"))
            project.append(tail, to: "clearance.yaml")
            for command in [["check"], ["audit", "--output", "out"], ["explain", "AR-01"], ["lint"]] {
                let result = try project.run(command + (command[0] == "explain" || command[0] == "lint" ? [] : Self.asOf))
                #expect(result.status == 2, "\(command) \(setting)\(tail)")
                #expect(result.standardError.contains(expected), "\(command): \(result.standardError)")
            }
        }
    }
}
