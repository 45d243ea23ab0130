import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import Foundation
import Testing
@testable import ClearanceReporting

/// The formats GitHub reads keep within its limits on a first audit's scale (30,000 findings), most severe first, and say
/// how many findings they leave out and where every one is.
@Suite("Platform limits")
struct PlatformLimitTests {
    /// 10,000 people, each failing a medium, a high and (one in ten) a critical rule, plus a low one for the rest: 30,000 findings.
    static let report: Report = {
        var findings: [Finding] = []
        for person in 0..<10_000 {
            let id = String(format: "p%05d", person), file = "team/\(id).yaml"
            func finding(_ rule: RuleInfo, line: Int, _ status: FindingStatus = .fail) -> Finding {
                Finding(rule: rule, status: status, subject: id, kind: .teamMember, element: nil,
                        message: "\(id) fails \(rule.id) with a message long enough to weigh what a real one weighs in a summary",
                        location: SourceLocation(file: file, line: line, column: 3, offset: line * 10))
            }
            findings.append(finding(SmallReport.managedDevices, line: 3))
            findings.append(finding(SmallReport.strongMFA, line: 5, person % 100 == 7 ? .error : .fail))
            findings.append(person % 10 == 0 ? finding(SmallReport.backgroundCheck, line: 7) : finding(lowRule, line: 9))
        }
        return Report(asOf: SmallReport.asOf, findings: findings, summary: [.fail: 29_900, .error: 100], documentsChecked: 10_000,
                      catalogue: SmallReport.catalogue, inputFiles: [], waivers: [])
    }()

    static let lowRule = SmallReport.rule("ZT-09", "Screens lock after five minutes", SmallReport.zeroTrust, .low,
                                          controls: ["SOC2:CC6.1"], remediation: "Set the screen lock to five minutes.")

    static let context = ReportContext(failOn: .high, commandLine: ["clearance", "check"], toolVersion: "0.1.0")

    @Test func sarifHoldsTheFiveThousandMostSevereAndCountsTheRest() throws {
        var context = Self.context
        context.fullReport = "clearance-report/report.html"
        let text = SARIFReporter().render(Self.report, context: context)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5_000)
        // 1,000 critical, then the 100 errors and 3,900 of the 10,000 high fails; no medium or low result
        let rules = results.map { $0["ruleId"] as? String ?? "" }
        #expect(rules.prefix(1_000).allSatisfy { $0 == "PC-01" })
        #expect(rules.dropFirst(1_000).allSatisfy { $0 == "ZT-02" })
        #expect(results[1_000..<1_100].allSatisfy { ($0["properties"] as? [String: Any])?["status"] as? String == "error" })
        let truncation = try #require((run["properties"] as? [String: Any])?["clearanceResults"] as? [String: Any])
        #expect(truncation["total"] as? Int == 30_000)
        #expect(truncation["written"] as? Int == 5_000)
        #expect(truncation["omitted"] as? Int == 25_000)
        #expect(truncation["omittedBySeverity"] as? [String: Int] == ["high": 6_000, "medium": 10_000, "low": 9_000])
        #expect(truncation["fullReport"] as? String == "clearance-report/report.html")
        #expect(SARIFReporter.omitted(Self.report, context) == 25_000)
    }

    @Test func aSmallRunKeepsEveryResultAndNoTruncationNote() throws {
        let text = SARIFReporter().render(Self.report, context: { var c = Self.context; c.sarifMaxResults = 40_000; return c }())
        #expect(text.components(separatedBy: "\"ruleId\" : ").count - 1 == 30_000)
        #expect(!text.contains("clearanceResults"))
    }

    @Test func githubAnnotatesTenOfEachKindMostSevereFirstAndCountsTheRest() {
        let lines = GitHubReporter().render(Self.report, context: Self.context).split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("::error ") }, warnings = lines.filter { $0.hasPrefix("::warning ") }
        #expect(errors.count == 10)
        #expect(errors.allSatisfy { $0.contains("title=PC-01 ") })  // critical before the high errors and fails
        #expect(warnings.count == 10)
        #expect(warnings.allSatisfy { $0.contains("title=ZT-04 ") })  // medium before low
        #expect(lines.count == 22)
        #expect(lines[20] == "::notice title=Clearance%3A 29980 more not annotated::29980 more findings are not annotated (10990 failing, 18990 below "
                + "--fail-on): GitHub shows 10 of each kind per step, the most severe above; `clearance check --format text` lists every finding")
        #expect(lines[21].hasPrefix("::notice title=Clearance::"))
    }

    @Test func theMarkdownSummaryStaysUnderGitHubsLimitWithTheMostSevereFirst() {
        var context = Self.context
        context.fullReport = "clearance-report/report.html"
        let text = MarkdownReporter().render(Self.report, context: context)
        #expect(text.utf8.count <= 1_000_000)
        #expect(text.utf8.count > 900_000)  // as much as fits
        let subjects = text.split(separator: "\n").filter { $0.hasPrefix("<details><summary>p") }
        // the people with a critical finding first, each once, in report order among equals
        let people = subjects.map { Int($0.dropFirst("<details><summary>p".count).prefix(5))! }
        #expect(Array(people.prefix(1_000)) == Array(stride(from: 0, to: 10_000, by: 10)))
        #expect(Set(people).count == people.count && people.count > 1_000)
        #expect(text.contains(" more documents with ") && text.contains("to act on are not listed: GitHub keeps a step summary under 1 MiB. "
                                                                      + "Every finding is in `clearance-report/report.html`."))
        // A summary within the budget is written whole, in report order.
        let whole = MarkdownReporter(budget: 100_000_000).render(Self.report, context: context)
        #expect(whole.split(separator: "\n").filter { $0.hasPrefix("<details><summary>p") }.count == 10_000)
        #expect(!whole.contains("are not listed"))
    }
}

/// Over its budget, the Markdown summary lists each document with its own block, whatever the sizes of the blocks before it.
@Suite struct MarkdownBlockTests {
    /// 40 people whose blocks differ in size, some failing a more severe rule than others, so the most severe come first
    /// out of report order.
    static let report: Report = {
        var findings: [Finding] = []
        for person in 0..<40 {
            let id = String(format: "p%05d", person)
            let rule = person % 3 == 0 ? SmallReport.backgroundCheck : SmallReport.managedDevices
            let message = "\(id) fails \(rule.id)" + String(repeating: " and more", count: (person * 37) % 11 * 40)
            findings.append(Finding(rule: rule, status: .fail, subject: id, kind: .teamMember, element: nil, message: message,
                                    location: SourceLocation(file: "team/\(id).yaml", line: 3, column: 3, offset: 30)))
        }
        return Report(asOf: SmallReport.asOf, findings: findings, summary: [.fail: 40], documentsChecked: 40,
                      catalogue: SmallReport.catalogue, inputFiles: [], waivers: [])
    }()

    @Test func eachListedDocumentHasItsOwnBlock() {
        let groups = Dictionary(uniqueKeysWithValues: Self.report.attentionBySubject.map { ($0[0].subject, $0) })
        var listedCounts = Set<Int>()
        for budget in stride(from: 4_000, through: 100_000, by: 1_000) {
            let text = MarkdownReporter(budget: budget).render(Self.report, context: PlatformLimitTests.context)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var listed: [String] = []
            for (index, line) in lines.enumerated() where line.hasPrefix("<details><summary>p") {
                let id = String(line.dropFirst("<details><summary>".count).prefix(6))
                let expected = MarkdownReporter.details(groups[id] ?? [], Self.report, PlatformLimitTests.context.failOn)
                #expect(Array(lines[index..<min(lines.count, index + expected.count)]) == expected, "budget \(budget), \(id)")
                listed.append(id)
            }
            // Each document once: the critical ones (every third person) first, then the others, each in report order.
            let critical = listed.filter { Int($0.dropFirst())! % 3 == 0 }, others = listed.filter { Int($0.dropFirst())! % 3 != 0 }
            #expect(Set(listed).count == listed.count && critical == critical.sorted() && others == others.sorted(), "budget \(budget)")
            #expect(listed.count == 40 || listed == critical + others, "budget \(budget)")
            listedCounts.insert(listed.count)
        }
        // The budgets list from a few documents to all of them.
        #expect(listedCounts.count > 5 && listedCounts.contains(40))
    }
}
