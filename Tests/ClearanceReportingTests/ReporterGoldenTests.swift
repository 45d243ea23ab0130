import Foundation
import Testing
import ClearanceEngine
import ClearanceReporting
import ClearanceTestSupport

/// Every format rendered from ``SmallReport`` (built by hand, no policies or fixtures loaded), compared byte for byte
/// with a golden file in `Tests/ClearanceReportingTests/Golden`; `RECORD_GOLDEN=1` rewrites them for review.
@Suite("Reporter goldens from a hand-built report")
struct ReporterGoldenTests {
    static let folder = Golden.folder(of: "ClearanceReportingTests")

    /// Each format's golden file.
    static let goldens = [(TextReporter.name, "small-report.txt"), (JSONReporter.name, "small-report.json"), (SARIFReporter.name, "small-report.sarif"),
                          (JUnitReporter.name, "small-report.junit.xml"), (GitHubReporter.name, "small-report.github.txt"),
                          (MarkdownReporter.name, "small-report.md"), (HTMLReporter.name, "small-report.html")]

    @Test(arguments: goldens)
    func format(name: String, golden: String) throws {
        let reporter = try #require(Reporters.named(name))
        Golden.expect(reporter.init().render(try SmallReport.make(), context: SmallReport.context), matches: golden, in: Self.folder)
    }

    /// A new format gets a golden here too.
    @Test func everyFormatHasAGolden() {
        #expect(Set(Self.goldens.map(\.0)) == Set(Reporters.all.map { $0.name }))
    }
}
