import Testing
@testable import ClearanceReporting

/// The chart's bar geometry: widths add up to the bar, keep their proportions, and a rare outcome stays visible.
@Suite("Outcome chart geometry")
struct OutcomeChartTests {
    @Test(arguments: [
        ([1, 0, 0, 1], [500, 0, 0, 500]),
        ([0, 0, 0, 0], [0, 0, 0, 0]),
        ([0, 0, 0, 7], [0, 0, 0, 1000]),
        ([1, 0, 1, 998], [8, 0, 8, 984]),
        ([8, 0, 1, 165], [46, 0, 8, 946]),
        ([1, 1, 1], [334, 333, 333]),
    ])
    func widths(counts: [Int], expected: [Int]) {
        #expect(OutcomeChart.widths(counts, scale: 1000, minimum: 8) == expected)
    }

    @Test func widthsAlwaysFillTheBar() {
        for total in 1...300 {
            for failing in [0, 1, 2, total / 3, total] where failing <= total {
                let widths = OutcomeChart.widths([failing, 0, 0, total - failing], scale: 1000, minimum: 8)
                #expect(widths.reduce(0, +) == 1000)
                #expect(failing == 0 || widths[0] >= 8)
            }
        }
    }

    @Test func percentages() {
        #expect(OutcomeChart.percent(0.05) == "<0.1%")
        #expect(OutcomeChart.percent(2.94) == "2.9%")
        #expect(OutcomeChart.percent(100) == "100%")
    }

    @Test func templatesParse() throws {
        _ = try HTMLTemplateLibrary.library.get()
    }
}
